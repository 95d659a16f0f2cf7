import type { CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import { ChartSyncError } from '../../shared/errors';
import { dispatch } from '../engine/api/dispatch';
import type { Engine } from '../engine/engine';

/**
 * A contract call from a command, through dispatch as every screen and endpoint: the same validation and the
 * same sentences. A refusal becomes the one line `run()` prints, with exit code 1.
 */
export async function callContract<K extends CallName>(
  engine: Engine,
  name: K,
  input: CallInput<K>,
): Promise<CallOutput<K>> {
  const result = await dispatch(engine.handlers, name, input);
  if (!result.ok) throw new ChartSyncError(result.error.code, result.error.message);
  return result.value as CallOutput<K>;
}

/** A whole-number option (`--limit`), named in the error as the operator typed it. */
export function wholeNumberOption(flag: string, text: string): number {
  if (/^\d{1,15}$/.test(text.trim())) return Number(text.trim());
  throw new ChartSyncError('invalid_input', `${flag} must be a whole number, not ${JSON.stringify(text)}.`);
}
