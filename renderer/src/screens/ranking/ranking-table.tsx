import { memo, useCallback } from 'react';
import type { RankingChartView, RankingEntryView } from '../../../../shared/views/ranking';
import { VirtualTable, type RowContext } from '../../components/virtual-table';
import { hrefOf } from '../../routing/routes';
import { navigate } from '../../routing/use-route';
import { formatMetric, formatTimeOnChart, movementMark } from './ranking-format';

/** One line per entry: 200 rows are rendered as a screenful at a time. */
const ROW_HEIGHT = 36;

const songHref = (entry: RankingEntryView) => hrefOf({ screen: 'song', uuid: entry.song.uuid });
const entryKey = (entry: RankingEntryView) => entry.position;

/** A stored ranking's entries by position: movement, the song (linked), ISRC, the chart's metric, time on chart, peak. */
export function RankingTable({
  chart,
  entries,
  showMetric,
}: {
  chart: RankingChartView;
  entries: readonly RankingEntryView[];
  /** False when the chart has no metric at this date: an empty column would only take room. */
  showMetric: boolean;
}) {
  const renderCells = useCallback(
    (entry: RankingEntryView, { active }: RowContext) => (
      <EntryCells entry={entry} active={active} showMetric={showMetric} />
    ),
    [showMetric],
  );
  return (
    <VirtualTable
      label={`Ranking of ${chart.name}`}
      className="ranking-table"
      rows={entries}
      rowKey={entryKey}
      rowHeight={ROW_HEIGHT}
      columnCount={showMetric ? 8 : 7}
      columns={
        <>
          <col className="col-position" />
          <col className="col-movement" />
          <col className="col-title" />
          <col className="col-artists" />
          <col className="col-isrc" />
          {showMetric && <col className="col-metric" />}
          <col className="col-time-on-chart" />
          <col className="col-peak" />
        </>
      }
      head={
        <>
          <th scope="col" className="num">
            #
          </th>
          <th scope="col">Move</th>
          <th scope="col">Title</th>
          <th scope="col">Artists</th>
          <th scope="col">ISRC</th>
          {showMetric && (
            <th scope="col" className="num" title={chart.metricType ?? undefined}>
              {chart.metricDescription ?? 'Metric'}
            </th>
          )}
          <th scope="col" className="num">
            On chart
          </th>
          <th scope="col" className="num">
            Peak
          </th>
        </>
      }
      renderCells={renderCells}
      onOpen={(entry) => navigate(songHref(entry))}
    />
  );
}

const EntryCells = memo(function EntryCells({
  entry,
  active,
  showMetric,
}: {
  entry: RankingEntryView;
  active: boolean;
  showMetric: boolean;
}) {
  const move = movementMark(entry);
  return (
    <>
      <td className="num ranking-position">{entry.position}</td>
      <td>
        <span className={`movement movement-${move.tone}`} title={move.label}>
          <span aria-hidden="true">{move.mark}</span>
          <span className="visually-hidden">{move.label}</span>
        </span>
      </td>
      <td title={entry.song.name}>
        <a href={songHref(entry)} tabIndex={active ? 0 : -1}>
          {entry.song.name}
        </a>
      </td>
      <td title={entry.song.creditName}>{entry.song.creditName}</td>
      <td>{entry.song.isrc ? <code>{entry.song.isrc}</code> : <span className="muted">—</span>}</td>
      {showMetric && <td className="num">{formatMetric(entry.metric)}</td>}
      <td className="num">{formatTimeOnChart(entry.timeOnChart, entry.timeOnChartUnit)}</td>
      <td className="num">{entry.peakPosition}</td>
    </>
  );
});
