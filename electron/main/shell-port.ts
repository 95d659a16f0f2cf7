import type { CallHandlers, CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import type { Subscribe } from '../../shared/contract/client';
import type { ErrorShape } from '../../shared/errors';
import type { HostedEngine } from '../engine/host';
import { dispatch } from '../engine/api/dispatch';
import { actAs } from '../engine/audit/actor';

/** What the shell's transports (IPC, tray, notifications) bind: the calls and the events, never the engine itself. */
export type ShellPort = { readonly handlers: CallHandlers; readonly events: { on: Subscribe } };

/** A call the engine refused: `error` is its answer, whose message is written for the operator. */
export class CallRefused extends Error {
  constructor(
    readonly call: CallName,
    readonly error: ErrorShape,
  ) {
    super(`${call}: ${error.message}`);
    this.name = 'CallRefused';
  }
}

/** The hosted engine's calls and events. */
export function portOf(hosted: HostedEngine): ShellPort {
  return hosted.port;
}

/**
 * One call from the shell itself (the tray's items, its status line), through the same dispatch and validation as
 * the window's calls, as the `ui` actor (the operator clicked it). Throws the refusal, for the caller to log.
 */
export async function callPort<K extends CallName>(
  port: ShellPort,
  name: K,
  input: CallInput<K>,
): Promise<CallOutput<K>> {
  const result = await actAs('ui', () => dispatch(port.handlers, name, input));
  if (!result.ok) throw new CallRefused(name, result.error);
  return result.value as CallOutput<K>;
}
