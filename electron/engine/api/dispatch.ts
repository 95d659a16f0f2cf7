import { calls, isCallName, type CallHandlers, type CallName } from '../../../shared/contract/calls';
import { ChartSyncError, toErrorShape, type Result } from '../../../shared/errors';
import { parseInput } from '../../../shared/schemas/parse-input';
import { MAX_INPUT_DEPTH, nonJsonPath } from './json-input';
import { groupDigits } from '../../../shared/domain/group-digits';
import { fieldPath, quotedName } from '../../../shared/schemas/shown-input';

/**
 * Told of every error a client only sees as "internal" (its details may hold internals: paths, SQL), with the
 * call that raised it: the host writes it to its log, which is where that answer sends the operator.
 */
export type InternalErrorListener = (error: unknown, call: CallName) => void;

/**
 * The single entry every transport (IPC, WebSocket, REST, CLI) goes through: unknown names and bad input are
 * refused here, and whatever happens comes back as a Result, never as a thrown error across the boundary.
 * `onError` hears of each unexpected error, whose answer tells the operator that details are in the log.
 */
export async function dispatch(
  handlers: CallHandlers,
  name: unknown,
  input: unknown,
  onError?: InternalErrorListener,
): Promise<Result<unknown>> {
  try {
    if (!isCallName(name))
      throw new ChartSyncError(
        'invalid_input',
        `Unknown call ${typeof name === 'string' ? quotedName(name) : JSON.stringify(name)}.`,
      );
    const odd = nonJsonPath(input);
    if (odd) {
      const field = fieldPath(odd);
      const problem =
        odd.length > MAX_INPUT_DEPTH
          ? `Nested more than ${groupDigits(MAX_INPUT_DEPTH)} levels deep: no input of Chart Sync is.`
          : 'Send plain data here: text, numbers, true or false, null, lists and objects.';
      throw new ChartSyncError('invalid_input', field ? `${field}: ${problem}` : problem, {
        ...(field ? { fields: { [field]: problem } } : {}),
      });
    }
    const parsed = parseInput(calls[name].input, input ?? {});
    const handler = handlers[name] as (value: unknown) => unknown;
    return { ok: true, value: await handler(parsed) };
  } catch (error) {
    const shape = toErrorShape(error);
    // Only a known call gets this far with an unexpected error: an unknown name is invalid_input.
    if (shape.code === 'internal') report(onError, error, name as CallName);
    return { ok: false, error: shape };
  }
}

/** A log that fails (stderr closed) must not turn the answer into a rejection no transport expects. */
function report(onError: InternalErrorListener | undefined, error: unknown, call: CallName): void {
  try {
    onError?.(error, call);
  } catch {
    // Nowhere left to say it; the client still gets its answer.
  }
}
