import type { CallHandlers } from '../../../shared/contract/calls';
import { ChartSyncError } from '../../../shared/errors';
import type { HandlerContext } from '../api/handler-context';

// Foundation stub: replaced by the capability's real handlers in this issue.
const notYet = (): never => {
  throw new ChartSyncError('internal', 'Not built yet.');
};

export function rankingHandlers(_context: HandlerContext): Pick<CallHandlers, 'rankings/get'> {
  return {
    'rankings/get': notYet,
  };
}
