import type { Result } from '../errors';
import type { CallInput, CallName, CallOutput } from './calls';

/** What the renderer holds, whichever transport is underneath (preload IPC or the headless WebSocket). */
export type ContractClient = {
  [K in CallName]: (input: CallInput<K>) => Promise<Result<CallOutput<K>>>;
};
