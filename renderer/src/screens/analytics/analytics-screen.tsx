import { useMemo } from 'react';
import { operatorTimeZone } from '../schedule-editor/time-zones';
import { EmptyState, ErrorState, Loading, RefreshError } from '../../components/states';
import { useCallResult } from '../../components/use-call-result';
import { useDebouncedCallback } from '../../components/use-debounced-callback';
import { hrefOf } from '../../routing/routes';
import { navigate } from '../../routing/use-route';
import { call, useEvent } from '../../transport/api';
import { ANALYTICS_REFETCH_DEBOUNCE_MS } from './analytics-live';
import { AnalyticsPlots } from './analytics-plots';
import {
  analyticsInput,
  analyticsRangeParams,
  describeRange,
  parseAnalyticsRange,
  type AnalyticsRange,
} from './analytics-range';
import { AttentionList } from './attention-list';
import { DayTable } from './day-table';
import { FreshnessList } from './freshness-list';
import { HeadlineTotals } from './headline-totals';
import { QuotaPlanner } from './quota-planner';
import { RangePicker } from './range-picker';
import { SlowestCharts } from './slowest-charts';
import './analytics.css';

/**
 * The Analytics dashboard (the original's "Analytics Dashboard" and "Monitoring and Reporting"): how the syncs
 * went over a range of days, what they cost in requests, how fresh each chart's data is, what needs a look, and
 * the quota planner. The range lives in the URL; the screen follows the engine live.
 */
export function AnalyticsScreen({ filter }: { filter: Record<string, string> }) {
  const range = parseAnalyticsRange(filter);
  const key = JSON.stringify(analyticsRangeParams(range));
  const timeZone = useMemo(operatorTimeZone, []);
  // "The last 30 days" ends today: the day is taken when the range is chosen, and again on each refetch.
  const now = Date.now();
  const { data, pending, refreshError, reload, refresh } = useCallResult(
    () => call('analytics/overview', analyticsInput(range, Date.now(), timeZone)),
    [key, timeZone],
  );
  const refreshSoon = useDebouncedCallback(refresh, ANALYTICS_REFETCH_DEBOUNCE_MS);
  // Syncs ending (executions, durations, requests), periods stored (freshness), schedules added or changed.
  useEvent('execution/updated', refreshSoon);
  useEvent('rankings/stored', refreshSoon);
  useEvent('schedule/updated', refreshSoon);
  useEvent('schedule/removed', refreshSoon);
  useEvent('app/external-change', refreshSoon);
  useEvent('usage/recorded', refreshSoon);

  const setRange = (next: AnalyticsRange) =>
    navigate(hrefOf({ screen: 'analytics', filter: analyticsRangeParams(next) }));
  const view = data.state === 'ready' ? data.value : null;

  return (
    <section className="analytics-screen" aria-labelledby="analytics-title" aria-busy={pending}>
      <div className="screen-header">
        <h2 id="analytics-title">Analytics</h2>
        <span className="muted">Syncs, requests and data freshness over {describeRange(range)}</span>
      </div>
      <RangePicker range={range} now={now} onChange={setRange} />
      {refreshError && <RefreshError what="the dashboard" error={refreshError} onRetry={refresh} />}
      {data.state === 'loading' && <Loading what="the dashboard" />}
      {data.state === 'error' && <ErrorState error={data.error} onRetry={reload} />}
      {view && (
        <>
          <HeadlineTotals view={view} />
          {view.totals.executions === 0 && view.totals.requests === 0 && (
            <EmptyState title="Nothing happened in this range">
              <p>
                No sync ended and no request was sent. Choose a longer range, or{' '}
                <a href={hrefOf({ screen: 'schedules' })}>sync a schedule</a>.
              </p>
            </EmptyState>
          )}
          <AnalyticsPlots view={view} />
          <DayTable view={view} />
        </>
      )}
      <QuotaPlanner />
      {view && (
        <div className="analytics-columns">
          <AttentionList schedules={view.attention} />
          <FreshnessList charts={view.freshness} />
          <SlowestCharts charts={view.slowest} />
        </div>
      )}
    </section>
  );
}
