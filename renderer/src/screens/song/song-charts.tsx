import { useMemo } from 'react';
import type { SongDetail } from '../../../../shared/views/song';
import { Plot } from '../../components/plot/plot';
import { formatCount } from '../../format/numbers';
import { formatCalendarDate } from '../../format/time';
import { rankingHref } from '../../routing/routes';
import { chartLabel, formatPosition, positionPlot } from './song-plot-data';

/** Every chart the song is on: its position over time (one line per chart, #1 at the top) and a table. */
export function SongCharts({ detail }: { detail: SongDetail }) {
  const { charts } = detail;
  const plot = useMemo(() => positionPlot(charts), [charts]);
  return (
    <section className="card" aria-labelledby="charts-heading">
      <div className="card-header">
        <h3 id="charts-heading">Charts</h3>
        <span className="muted">
          {charts.length === 0
            ? 'In no stored ranking'
            : `On ${formatCount(charts.length)} chart${charts.length === 1 ? '' : 's'}`}
        </span>
      </div>
      <Plot
        title="Position over time"
        x={plot.x}
        series={plot.series}
        invertY
        days
        formatY={formatPosition}
        height={240}
        emptyText="The song is in no stored ranking yet."
      />
      {charts.length > 0 && (
        <div className="table-scroll">
          <table className="song-charts-table">
            <caption className="visually-hidden">Charts the song appears on, best peak first</caption>
            <thead>
              <tr>
                <th scope="col">Chart</th>
                <th scope="col" className="num">
                  Peak
                </th>
                <th scope="col">First</th>
                <th scope="col">Last</th>
                <th scope="col" className="num">
                  Rankings
                </th>
              </tr>
            </thead>
            <tbody>
              {charts.map((chart) => (
                <tr key={chart.chartId} data-chart={chart.slug}>
                  <td>
                    {chart.name}
                    <span className="cell-sub">
                      {chartLabel(chart).split(' · ').slice(1).join(' · ')} · {chart.frequency}
                    </span>
                  </td>
                  <td className="num">
                    <a
                      href={rankingHref(chart.chartId, chart.peakDate)}
                      title={`Peak on ${formatCalendarDate(chart.peakDate)}`}
                    >
                      #{chart.peakPosition}
                    </a>
                    <span className="cell-sub">{formatCalendarDate(chart.peakDate)}</span>
                  </td>
                  <td>
                    <a href={rankingHref(chart.chartId, chart.firstDate)}>
                      {formatCalendarDate(chart.firstDate)}
                    </a>
                  </td>
                  <td>
                    <a href={rankingHref(chart.chartId, chart.lastDate)}>
                      {formatCalendarDate(chart.lastDate)}
                    </a>
                    <span className="cell-sub">at #{chart.lastPosition}</span>
                  </td>
                  <td className="num">{formatCount(chart.appearances)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
