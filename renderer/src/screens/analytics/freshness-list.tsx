import type { ChartFreshness } from '../../../../shared/views/analytics';
import { formatCalendarDate } from '../../format/time';
import { rankingHref } from '../../routing/routes';
import { describeFreshness, freshnessRatio, sortFreshness } from './analytics-series';

/** The bar spans three periods: the mark at a third is "one period old", where fresh ends. */
const BAR_PERIODS = 3;

const STATE_TEXT: Record<ChartFreshness['state'], string> = {
  fresh: 'Fresh',
  stale: 'Stale',
  never: 'Never synced',
};

/**
 * How old each scheduled chart's newest stored period is against how often the chart is published: stalest
 * first, stale ones in red, each linking to its ranking. The bar is drawn for the eye; the words say it all.
 */
export function FreshnessList({ charts }: { charts: readonly ChartFreshness[] }) {
  const sorted = sortFreshness(charts);
  const stale = charts.filter((c) => c.state !== 'fresh').length;
  return (
    <section className="card analytics-freshness" aria-labelledby="analytics-freshness-title">
      <h3 id="analytics-freshness-title">Data freshness per chart</h3>
      <p className="muted analytics-caption">
        {charts.length === 0
          ? 'No chart is scheduled.'
          : stale === 0
            ? 'Every scheduled chart has its latest period stored.'
            : `${stale} of ${charts.length} scheduled charts are behind. The mark on each bar is one period.`}
      </p>
      {sorted.length > 0 && (
        <ol className="freshness-list" aria-label="Data freshness per chart">
          {sorted.map((chart) => {
            const ratio = freshnessRatio(chart);
            const fill = Number.isFinite(ratio) ? Math.min(ratio / BAR_PERIODS, 1) : 1;
            return (
              <li key={chart.chartId} className={`freshness-${chart.state}`} data-state={chart.state}>
                <div className="freshness-head">
                  <a href={rankingHref(chart.slug)} className="truncate" title={chart.name}>
                    {chart.name}
                  </a>
                  <span className="freshness-state">{STATE_TEXT[chart.state]}</span>
                </div>
                <span className="freshness-bar" aria-hidden="true">
                  <span className="freshness-fill" style={{ width: `${fill * 100}%` }} />
                  <span className="freshness-mark" style={{ left: `${100 / BAR_PERIODS}%` }} />
                </span>
                <span className="freshness-text muted">
                  {chart.slug} · {describeFreshness(chart)}
                  {chart.newestDate && ` (newest ${formatCalendarDate(chart.newestDate)})`}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
