import type { CallHandlers } from '../../../shared/contract/calls';
import { ChartSyncError } from '../../../shared/errors';
import type { HandlerContext } from '../api/handler-context';

// Foundation stub: replaced by the capability's real handlers in this issue.
const notYet = (): never => {
  throw new ChartSyncError('internal', 'Not built yet.');
};

export function exportHandlers(
  _context: HandlerContext,
): Pick<CallHandlers, 'exports/start' | 'exports/list' | 'exports/get' | 'exports/cancel'> {
  return {
    'exports/start': notYet,
    'exports/list': notYet,
    'exports/get': notYet,
    'exports/cancel': notYet,
  };
}
