import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES } from '../../shared/contract/call-names';
import { CALL_CHANNEL_PREFIX, EVENT_CHANNEL_PREFIX } from '../../shared/contract/channels';
import type { ContractClient } from '../../shared/contract/client';
import { EVENT_NAMES } from '../../shared/contract/events';

type IpcListener = (event: unknown, payload: unknown) => void;

const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<IpcListener>>();
  return {
    exposed,
    listeners,
    module: {
      contextBridge: { exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)) },
      ipcRenderer: {
        invoke: vi.fn((channel: string, input: unknown) =>
          Promise.resolve({ ok: true, value: { channel, input } }),
        ),
        on: vi.fn((channel: string, listener: IpcListener) => {
          if (!listeners.has(channel)) listeners.set(channel, new Set());
          listeners.get(channel)!.add(listener);
        }),
        removeListener: vi.fn((channel: string, listener: IpcListener) =>
          listeners.get(channel)?.delete(listener),
        ),
      },
    },
  };
});

vi.mock('electron', () => electron.module);

await import('../../electron/preload/index');
const api = electron.exposed.get('chartSync') as ContractClient & Record<string, unknown>;

/** What main's webContents.send does: every listener of the channel gets (event, payload). */
function deliver(channel: string, payload: unknown): void {
  for (const listener of electron.listeners.get(channel) ?? [])
    listener({ sender: 'ipc internals' }, payload);
}

describe('the preload', () => {
  beforeEach(() => vi.clearAllMocks());

  it('exposes the contract calls and on(), nothing else', () => {
    expect([...electron.exposed.keys()]).toEqual(['chartSync']);
    expect(Object.keys(api).sort()).toEqual([...CALL_NAMES, 'on'].sort());
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('ipcRenderer');
  });

  it('binds each call to its own channel, with an empty input by default', async () => {
    await expect(api['schedules/get']({ id: 3 })).resolves.toEqual({
      ok: true,
      value: { channel: `${CALL_CHANNEL_PREFIX}schedules/get`, input: { id: 3 } },
    });
    await (api['app/status'] as (input?: unknown) => Promise<unknown>)();
    expect(electron.module.ipcRenderer.invoke).toHaveBeenLastCalledWith(
      `${CALL_CHANNEL_PREFIX}app/status`,
      {},
    );
  });

  it('on() subscribes to the event channel and hands the listener the payload alone', () => {
    for (const name of EVENT_NAMES) {
      const listener = vi.fn();
      const off = api.on(name, listener);
      expect(electron.module.ipcRenderer.on).toHaveBeenLastCalledWith(
        `${EVENT_CHANNEL_PREFIX}${name}`,
        expect.any(Function),
      );
      deliver(`${EVENT_CHANNEL_PREFIX}${name}`, { scheduleId: 4 });
      expect(listener).toHaveBeenCalledTimes(1);
      expect(listener.mock.calls[0]).toEqual([{ scheduleId: 4 }]);
      off();
      deliver(`${EVENT_CHANNEL_PREFIX}${name}`, { scheduleId: 5 });
      expect(listener).toHaveBeenCalledTimes(1);
    }
    expect(electron.module.ipcRenderer.removeListener).toHaveBeenCalledTimes(EVENT_NAMES.length);
  });

  it('unsubscribing one listener leaves the others', () => {
    const first = vi.fn();
    const second = vi.fn();
    const offFirst = api.on('queue/updated', first);
    const offSecond = api.on('queue/updated', second);
    offFirst();
    deliver(`${EVENT_CHANNEL_PREFIX}queue/updated`, { queued: 1, running: 0, failed: 0 });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith({ queued: 1, running: 0, failed: 0 });
    offSecond();
  });

  it('on() refuses names outside the contract, so the page cannot listen on any other channel', () => {
    const on = api.on as unknown as (name: string, listener: unknown) => () => void;
    expect(() => on('chart-sync:call:app/status', vi.fn())).toThrow(/Unknown event/);
    expect(() => on('../anything', vi.fn())).toThrow(/Unknown event/);
    expect(() => on('execution/updated', 'not a function')).toThrow(/must be a function/);
    expect(electron.module.ipcRenderer.on).not.toHaveBeenCalled();
  });
});
