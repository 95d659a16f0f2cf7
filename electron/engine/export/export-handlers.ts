import type { CallHandlers } from '../../../shared/contract/calls';
import type { HandlerContext } from '../api/handler-context';

type ExportCalls = 'exports/start' | 'exports/list' | 'exports/get' | 'exports/cancel';

/** The contract's exports: the Exports screen, `chart-sync export` and `/api/exports/` all come through here. */
export function exportHandlers({ exports }: HandlerContext): Pick<CallHandlers, ExportCalls> {
  return {
    'exports/start': (input) => exports.start(input),
    'exports/list': ({ limit, offset }) => exports.list(limit, offset),
    'exports/get': ({ id }) => exports.get(id),
    'exports/cancel': ({ id }) => exports.cancel(id),
  };
}
