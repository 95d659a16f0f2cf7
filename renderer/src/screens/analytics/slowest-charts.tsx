import type { SlowChart } from '../../../../shared/views/analytics';
import { formatCount } from '../../format/numbers';
import { formatDuration } from '../../format/time';
import { hrefOf, rankingHref } from '../../routing/routes';

/** The charts whose syncs took longest in the range, by median duration. */
export function SlowestCharts({ charts }: { charts: readonly SlowChart[] }) {
  return (
    <section className="card analytics-slowest" aria-labelledby="analytics-slowest-title">
      <h3 id="analytics-slowest-title">Slowest charts</h3>
      {charts.length === 0 ? (
        <p className="muted analytics-caption">No sync ended in this range.</p>
      ) : (
        <div className="table-scroll">
          <table aria-labelledby="analytics-slowest-title">
            <thead>
              <tr>
                <th scope="col">Chart</th>
                <th scope="col">Syncs</th>
                <th scope="col">Median</th>
                <th scope="col">p95</th>
                <th scope="col">Longest</th>
              </tr>
            </thead>
            <tbody>
              {charts.map((chart) => (
                <tr key={chart.chartId}>
                  <td>
                    <a
                      href={
                        chart.scheduleId === null
                          ? rankingHref(chart.slug)
                          : hrefOf({ screen: 'schedule-detail', id: chart.scheduleId })
                      }
                    >
                      {chart.name}
                    </a>
                    <span className="muted cell-note"> {chart.slug}</span>
                  </td>
                  <td className="numeric">{formatCount(chart.executions)}</td>
                  <td className="numeric">{formatDuration(chart.medianMs)}</td>
                  <td className="numeric">{formatDuration(chart.p95Ms)}</td>
                  <td className="numeric">{formatDuration(chart.maxMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
