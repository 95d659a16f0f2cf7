import { useState } from 'react';
import type { QuotaPlanView } from '../../../../shared/views/analytics';
import { SortableHeader } from '../../components/table-headers';
import { nextSort, type SortState } from '../../components/table-sort';
import { ErrorState, Loading, RefreshError } from '../../components/states';
import { TimeText } from '../../components/time-text';
import { useCallResult } from '../../components/use-call-result';
import { useDebouncedCallback } from '../../components/use-debounced-callback';
import { formatCount } from '../../format/numbers';
import { hrefOf } from '../../routing/routes';
import { call, useEvent } from '../../transport/api';
import { ANALYTICS_REFETCH_DEBOUNCE_MS } from './analytics-live';
import { DEFAULT_QUOTA_SORT, formatDay, quotaOutlook, sortProjections, type QuotaColumn } from './quota-plan';

/**
 * The quota planner: what every schedule is projected to spend per month against the plan's quota and the days
 * left in the billing cycle, and when the quota would run out at that rate. Soundcharts bills by request.
 */
export function QuotaPlanner() {
  const { data, reload, refresh, refreshError } = useCallResult(() => call('analytics/quota-plan', {}), []);
  const refreshSoon = useDebouncedCallback(refresh, ANALYTICS_REFETCH_DEBOUNCE_MS);
  useEvent('execution/updated', refreshSoon);
  useEvent('schedule/updated', refreshSoon);
  useEvent('schedule/removed', refreshSoon);
  useEvent('app/external-change', refreshSoon);
  return (
    <section className="card quota-planner" aria-labelledby="quota-planner-title">
      <h3 id="quota-planner-title">Quota planner</h3>
      {refreshError && <RefreshError what="the quota plan" error={refreshError} onRetry={refresh} />}
      {data.state === 'loading' && <Loading what="the quota plan" />}
      {data.state === 'error' && <ErrorState error={data.error} onRetry={reload} />}
      {data.state === 'ready' && <Plan plan={data.value} />}
    </section>
  );
}

function Plan({ plan }: { plan: QuotaPlanView }) {
  const [sort, setSort] = useState<SortState<QuotaColumn>>(DEFAULT_QUOTA_SORT);
  const rows = sortProjections(plan.schedules, sort);
  const outlook = quotaOutlook(plan);
  const onSort = (column: QuotaColumn) => setSort(nextSort(sort, column));
  const header = (column: QuotaColumn, label: string, numeric = true) => (
    <SortableHeader
      column={column}
      label={label}
      sort={sort}
      onSort={onSort}
      className={numeric ? 'numeric' : undefined}
    />
  );
  return (
    <>
      <dl className="quota-facts">
        <div>
          <dt>Plan quota</dt>
          <dd>{plan.quota.limit === null ? 'Not reported' : formatCount(plan.quota.limit)}</dd>
        </div>
        <div>
          <dt>Remaining</dt>
          <dd>
            {plan.quota.remaining === null ? 'Not reported' : formatCount(plan.quota.remaining)}
            {plan.quota.observedAt !== null && (
              <span className="muted cell-note">
                {' '}
                seen <TimeText at={plan.quota.observedAt} />
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>Cycle ends</dt>
          <dd>
            {formatDay(plan.cycle.end)}
            <span className="muted cell-note">
              {' '}
              {plan.cycle.daysLeft} day{plan.cycle.daysLeft === 1 ? '' : 's'} left
            </span>
          </dd>
        </div>
        <div>
          <dt>Projected per month</dt>
          <dd>{formatCount(plan.projectedPerMonth)}</dd>
        </div>
        <div>
          <dt>Projected to cycle end</dt>
          <dd>{formatCount(plan.projectedToCycleEnd)}</dd>
        </div>
      </dl>
      <p
        className={`quota-outlook quota-outlook-${outlook.tone}`}
        role={outlook.tone === 'bad' ? 'alert' : 'status'}
      >
        {outlook.text}
      </p>
      {rows.length === 0 ? (
        <p className="muted">No schedule yet: each one you add is projected here.</p>
      ) : (
        <div className="table-scroll">
          <table className="quota-table" aria-label="Projected requests per schedule">
            <thead>
              <tr>
                {header('chart', 'Schedule', false)}
                {header('runs', 'Runs / month')}
                {header('perRun', 'Requests / run')}
                {header('metadata', 'Metadata / month')}
                {header('perMonth', 'Per month')}
                {header('basis', 'Basis', false)}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.scheduleId} className={row.active ? undefined : 'quota-paused'}>
                  <td>
                    <a href={hrefOf({ screen: 'schedule-detail', id: row.scheduleId })}>{row.name}</a>
                    <span className="muted cell-note">
                      {' '}
                      {row.slug}
                      {row.active ? '' : ' · paused'}
                    </span>
                  </td>
                  <td className="numeric">{formatCount(row.runsPerMonth)}</td>
                  <td className="numeric">{formatCount(row.requestsPerRun)}</td>
                  <td className="numeric">{formatCount(row.metadataPerMonth)}</td>
                  <td className="numeric">{formatCount(row.perMonth)}</td>
                  <td
                    title={
                      row.basis === 'history'
                        ? 'From its finished syncs'
                        : 'No sync yet: from the chart’s size and frequency'
                    }
                  >
                    {row.basis === 'history' ? 'History' : 'Estimate'}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Audience on demand</th>
                <td colSpan={3} className="muted">
                  fetched when songs are opened, from the last 30 days
                </td>
                <td className="numeric">{formatCount(plan.audiencePerMonth)}</td>
                <td />
              </tr>
              <tr>
                <th scope="row">Total per month</th>
                <td colSpan={3} />
                <td className="numeric">
                  <strong>{formatCount(plan.projectedPerMonth)}</strong>
                </td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </>
  );
}
