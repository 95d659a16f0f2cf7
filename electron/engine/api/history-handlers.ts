import type { CallHandlers } from '../../../shared/contract/calls';
import { pageAudit } from '../audit/audit-log';
import type { HandlerContext } from './handler-context';

/** The audit log and retention: what happened, and pruning it on purpose. */
export function historyHandlers({
  database,
  retention,
}: HandlerContext): Pick<CallHandlers, 'audit/list' | 'retention/prune'> {
  return {
    'audit/list': (filter) => pageAudit(database, filter),
    'retention/prune': ({ dryRun }) => retention.prune({ dryRun }),
  };
}
