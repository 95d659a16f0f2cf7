import { calls, isCallName, type CallHandlers } from '../../../shared/contract/calls';
import { ChartSyncError, toErrorShape, type Result } from '../../../shared/errors';
import { parseInput } from '../../../shared/schemas/parse-input';

/**
 * The single entry every transport (IPC, WebSocket, REST, CLI) goes through: unknown names and bad input are
 * refused here, and whatever happens comes back as a Result, never as a thrown error across the boundary.
 */
export async function dispatch(
  handlers: CallHandlers,
  name: unknown,
  input: unknown,
): Promise<Result<unknown>> {
  try {
    if (!isCallName(name)) throw new ChartSyncError('invalid_input', `Unknown call ${JSON.stringify(name)}.`);
    const parsed = parseInput(calls[name].input, input ?? {});
    const handler = handlers[name] as (value: unknown) => unknown;
    return { ok: true, value: await handler(parsed) };
  } catch (error) {
    return { ok: false, error: toErrorShape(error) };
  }
}
