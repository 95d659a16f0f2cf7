import type { CallHandlers } from '../../../shared/contract/calls';
import { hostTimeZone } from '../../../shared/domain/wire-times';
import type { HandlerContext } from '../api/handler-context';
import { analyticsOverview } from './overview';
import { quotaImpact, quotaPlan } from './quota-planner';

/**
 * The dashboard and the quota planner: reads only, from the database (what every process on this machine
 * metered and sampled) and the billing cycle setting. Nothing here sends a request to Soundcharts.
 */
export function analyticsHandlers({
  database,
  settings,
  now,
}: HandlerContext): Pick<
  CallHandlers,
  'analytics/overview' | 'analytics/quota-plan' | 'analytics/quota-impact'
> {
  const planContext = () => ({ database, now: now(), billingCycleDay: settings.get().billingCycleDay });
  return {
    'analytics/overview': ({ from, to, timeZone }) =>
      analyticsOverview(database, { from, to, timeZone: timeZone ?? hostTimeZone(), now: now() }),
    'analytics/quota-plan': () => quotaPlan(planContext()),
    'analytics/quota-impact': (input) => quotaImpact(planContext(), input),
  };
}
