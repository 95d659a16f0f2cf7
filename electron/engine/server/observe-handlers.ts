import { CALL_NAMES, type CallName } from '../../../shared/contract/call-names';
import type { CallHandlers } from '../../../shared/contract/calls';
import { toErrorShape } from '../../../shared/errors';

/** Told of every error the client only sees as "internal", with the call that raised it. */
export type InternalErrorListener = (error: unknown, call: CallName) => void;

/**
 * dispatch() hides unexpected errors from clients (they may hold internals) and promises "details are in the
 * log": the host writes that log, so each handler is wrapped to report such errors before they are hidden.
 */
export function observeHandlers(
  handlers: CallHandlers,
  onInternalError: InternalErrorListener,
): CallHandlers {
  return Object.fromEntries(
    CALL_NAMES.map((name) => [
      name,
      async (input: unknown) => {
        try {
          return await (handlers[name] as (input: unknown) => unknown)(input);
        } catch (error) {
          if (toErrorShape(error).code === 'internal') onInternalError(error, name);
          throw error;
        }
      },
    ]),
  ) as CallHandlers;
}
