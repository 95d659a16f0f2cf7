import type { AnalyticsView } from '../../../../shared/views/analytics';
import { SuccessRate } from '../../components/success-rate';
import { formatCount } from '../../format/numbers';
import { formatDuration } from '../../format/time';
import { rangeTotals } from './analytics-series';

/** The range in five numbers, above the plots that show how they moved. */
export function HeadlineTotals({ view }: { view: AnalyticsView }) {
  const totals = rangeTotals(view.days);
  const { durationMedianMs: median, durationP95Ms: p95 } = view.totals;
  return (
    <dl className="analytics-totals" aria-label="Totals of the range">
      <div>
        <dt>Executions</dt>
        <dd>{formatCount(view.totals.executions)}</dd>
      </div>
      <div>
        <dt>Success rate</dt>
        <dd>
          <SuccessRate rate={totals.successRate} />
        </dd>
      </div>
      <div>
        <dt>Median duration</dt>
        <dd>{median === null ? '—' : formatDuration(median)}</dd>
      </div>
      <div>
        <dt>p95 duration</dt>
        <dd>{p95 === null ? '—' : formatDuration(p95)}</dd>
      </div>
      <div>
        <dt>Requests</dt>
        <dd>{formatCount(view.totals.requests)}</dd>
      </div>
      <div>
        <dt>Quota remaining</dt>
        <dd>{totals.lastQuota === null ? '—' : formatCount(totals.lastQuota)}</dd>
      </div>
    </dl>
  );
}
