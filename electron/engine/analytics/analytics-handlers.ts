import type { CallHandlers } from '../../../shared/contract/calls';
import { ChartSyncError } from '../../../shared/errors';
import { hostTimeZone } from '../../../shared/domain/wire-times';
import type { HandlerContext } from '../api/handler-context';
import { analyticsOverview } from './overview';

// Foundation stub: replaced by the capability's real handlers in this issue.
const notYet = (): never => {
  throw new ChartSyncError('internal', 'Not built yet.');
};

/** The dashboard and the quota planner: reads only, from the database and what Soundcharts last said. */
export function analyticsHandlers({
  database,
  now,
}: HandlerContext): Pick<
  CallHandlers,
  'analytics/overview' | 'analytics/quota-plan' | 'analytics/quota-impact'
> {
  return {
    'analytics/overview': ({ from, to, timeZone }) =>
      analyticsOverview(database, { from, to, timeZone: timeZone ?? hostTimeZone(), now: now() }),
    'analytics/quota-plan': notYet,
    'analytics/quota-impact': notYet,
  };
}
