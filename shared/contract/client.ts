import type { Result } from '../errors';
import type { CallInput, CallName, CallOutput } from './calls';
import type { EngineEvents, EventName } from './events';

export type ContractCalls = {
  [K in CallName]: (input: CallInput<K>) => Promise<Result<CallOutput<K>>>;
};

/** Subscribes to one push event; returns the unsubscribe. */
export type Subscribe = <K extends EventName>(
  name: K,
  listener: (payload: EngineEvents[K]) => void,
) => () => void;

/**
 * What the renderer holds, whichever transport is underneath (preload IPC or the headless WebSocket): the calls,
 * and `on` for push events.
 */
export type ContractClient = ContractCalls & { on: Subscribe };

/** Messages of the headless host's WebSocket, both directions. */
export type SocketRequest = { type: 'call'; id: number; name: string; input: unknown };
export type SocketMessage =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; name: EventName; payload: unknown };
