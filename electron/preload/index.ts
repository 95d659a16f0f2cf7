import { contextBridge, ipcRenderer } from 'electron';
import { CALL_NAMES } from '../../shared/contract/call-names';
import { CALL_CHANNEL_PREFIX } from '../../shared/contract/channels';
import type { ContractClient } from '../../shared/contract/client';

/** Exposes exactly the contract's calls, each bound to its own channel: the page gets no ipcRenderer. */
const client = Object.fromEntries(
  CALL_NAMES.map((name) => [
    name,
    (input: unknown) => ipcRenderer.invoke(`${CALL_CHANNEL_PREFIX}${name}`, input ?? {}),
  ]),
) as ContractClient;

contextBridge.exposeInMainWorld('chartSync', client);
