import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES } from '../../../shared/contract/call-names';
import { CALL_CHANNEL_PREFIX, EVENT_CHANNEL_PREFIX, HOST_CHANNELS } from '../../../shared/contract/channels';
import type { ContractClient } from '../../../shared/contract/client';
import { EVENT_NAMES } from '../../../shared/contract/events';
import { contextBridge, ipcRenderer } from '../../mocks/electron';

await import('../../../electron/preload/index');
const api = contextBridge.exposed.get('chartSync') as ContractClient & Record<string, unknown>;
const hostApi = contextBridge.exposed.get('chartSyncHost') as {
  chooseSaveFile: (name: string) => Promise<string | null>;
  onNavigate: (listener: (href: string) => void) => () => void;
};
const deliver = (channel: string, payload: unknown) => ipcRenderer.deliver(channel, payload);

describe('the preload', () => {
  beforeEach(() => vi.clearAllMocks());

  it('exposes the contract calls and on(), and the host’s two capabilities, nothing else', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['chartSync', 'chartSyncHost']);
    expect(Object.keys(hostApi).sort()).toEqual(['chooseSaveFile', 'onNavigate']);
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
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(`${CALL_CHANNEL_PREFIX}app/status`, {});
  });

  it('on() subscribes to the event channel and hands the listener the payload alone', () => {
    for (const name of EVENT_NAMES) {
      const listener = vi.fn();
      const off = api.on(name, listener);
      expect(ipcRenderer.on).toHaveBeenLastCalledWith(`${EVENT_CHANNEL_PREFIX}${name}`, expect.any(Function));
      deliver(`${EVENT_CHANNEL_PREFIX}${name}`, { scheduleId: 4 });
      expect(listener).toHaveBeenCalledTimes(1);
      expect(listener.mock.calls[0]).toEqual([{ scheduleId: 4 }]);
      off();
      deliver(`${EVENT_CHANNEL_PREFIX}${name}`, { scheduleId: 5 });
      expect(listener).toHaveBeenCalledTimes(1);
    }
    expect(ipcRenderer.removeListener).toHaveBeenCalledTimes(EVENT_NAMES.length);
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
    expect(ipcRenderer.on).not.toHaveBeenCalled();
  });

  it('chooseSaveFile asks main on its own channel and answers a path or null', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce('/home/ana/rankings.csv');
    await expect(hostApi.chooseSaveFile('rankings.csv')).resolves.toBe('/home/ana/rankings.csv');
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(HOST_CHANNELS.chooseSaveFile, 'rankings.csv');
    ipcRenderer.invoke.mockResolvedValueOnce(null);
    await expect(hostApi.chooseSaveFile('rankings.csv')).resolves.toBeNull();
  });

  it('onNavigate hands the page in-app hrefs only, until unsubscribed', () => {
    const listener = vi.fn();
    const off = hostApi.onNavigate(listener);
    deliver(HOST_CHANNELS.navigate, '#/executions/12');
    deliver(HOST_CHANNELS.navigate, 'https://evil.example/');
    deliver(HOST_CHANNELS.navigate, { href: '#/alerts' });
    expect(listener.mock.calls).toEqual([['#/executions/12']]);
    off();
    deliver(HOST_CHANNELS.navigate, '#/alerts');
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
