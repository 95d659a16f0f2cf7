import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CALL_NAMES } from '../../shared/contract/call-names';
import { CALL_CHANNEL_PREFIX, EVENT_CHANNEL_PREFIX, HOST_CHANNELS } from '../../shared/contract/channels';
import type { ContractCalls, ContractClient, Subscribe } from '../../shared/contract/client';
import { EVENT_NAMES } from '../../shared/contract/events';

/** Exposes exactly the contract's calls, each bound to its own channel: the page gets no ipcRenderer. */
const calls = Object.fromEntries(
  CALL_NAMES.map((name) => [
    name,
    (input: unknown) => ipcRenderer.invoke(`${CALL_CHANNEL_PREFIX}${name}`, input ?? {}),
  ]),
) as unknown as ContractCalls;

const eventNames: ReadonlySet<string> = new Set(EVENT_NAMES);

/**
 * Push events, one channel per event name. Only the contract's names are accepted (the page cannot listen on
 * an arbitrary channel), and the listener gets the payload alone: the IPC event object, which holds the
 * sender, never crosses into the page.
 */
const on: Subscribe = (name, listener) => {
  if (!eventNames.has(name)) throw new TypeError(`Unknown event ${JSON.stringify(name)}.`);
  if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
  const channel = `${EVENT_CHANNEL_PREFIX}${name}`;
  const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload as never);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
};

const client: ContractClient = { ...calls, on };
contextBridge.exposeInMainWorld('chartSync', client);

/**
 * What the desktop shell adds beside the contract (renderer/src/transport/host.ts): the native "Save as" dialog,
 * and the screens main asks the page to show (a notification or the tray's alerts item was clicked). Only an
 * in-app hash (`#/…`) is passed on: main never makes the page load another address.
 */
const chartSyncHost = {
  chooseSaveFile: async (suggestedName: string): Promise<string | null> => {
    const chosen: unknown = await ipcRenderer.invoke(HOST_CHANNELS.chooseSaveFile, String(suggestedName));
    return typeof chosen === 'string' ? chosen : null;
  },
  onNavigate: (listener: (href: string) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
    const forward = (_event: IpcRendererEvent, href: unknown) => {
      if (typeof href === 'string' && href.startsWith('#/')) listener(href);
    };
    ipcRenderer.on(HOST_CHANNELS.navigate, forward);
    return () => {
      ipcRenderer.removeListener(HOST_CHANNELS.navigate, forward);
    };
  },
};
contextBridge.exposeInMainWorld('chartSyncHost', chartSyncHost);
