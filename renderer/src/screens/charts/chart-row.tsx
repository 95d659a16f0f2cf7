import { memo } from 'react';
import type { ChartListItem } from '../../../../shared/views/chart-list-item';
import { SelectCell } from '../../components/select-cell';
import { StatusIcon } from '../../components/status-icon';
import { TimeText } from '../../components/time-text';
import { chartExecutionsHref, hrefOf, rankingHref } from '../../routing/routes';

/** Where a chart's quick link (and Enter on its row) leads: its schedule, or the editor to create one. */
export function chartLinkOf(chart: ChartListItem): string {
  return chart.scheduleId === null
    ? hrefOf({ screen: 'schedule-new', chartId: chart.id })
    : hrefOf({ screen: 'schedule-detail', id: chart.scheduleId });
}

/** One chart's cells; memoized so scrolling re-renders only the rows that enter the window. */
export const ChartCells = memo(function ChartCells({
  chart,
  selected,
  active,
  onToggle,
}: {
  chart: ChartListItem;
  selected: boolean;
  active: boolean;
  onToggle: (id: number, range: boolean) => void;
}) {
  const tabIndex = active ? 0 : -1;
  return (
    <>
      <SelectCell
        id={chart.id}
        name={chart.name}
        selected={selected}
        tabIndex={tabIndex}
        onToggle={onToggle}
      />
      <td title={`${chart.name}\n${chart.slug}`}>
        <span className="chart-name">{chart.name}</span>
        <span className="cell-sub">{chart.slug}</span>
      </td>
      <td>{chart.platform}</td>
      <td title={chart.countryName}>
        {chart.countryName}
        <span className="cell-sub">{chart.countryCode}</span>
      </td>
      <td>{chart.frequency}</td>
      <td>
        <StatusIcon health={chart.health} reason={chart.healthReason} />
      </td>
      <td>
        <TimeText at={chart.lastSyncAt} />
      </td>
      <td>
        <TimeText at={chart.nextSyncAt} never="—" />
      </td>
      <td>
        {chart.scheduleId === null ? (
          <>
            <a href={chartLinkOf(chart)} tabIndex={tabIndex} aria-label={`Add schedule for ${chart.name}`}>
              Add schedule…
            </a>
            {chart.hasExecutions && (
              // A schedule deleted leaves its executions and its stored rankings.
              <span className="cell-sub">
                <a
                  href={chartExecutionsHref(chart.id)}
                  tabIndex={tabIndex}
                  aria-label={`Past executions of ${chart.name}`}
                >
                  Executions
                </a>{' '}
                · <RankingLink chart={chart} tabIndex={tabIndex} />
              </span>
            )}
          </>
        ) : (
          <>
            <a href={chartLinkOf(chart)} tabIndex={tabIndex} aria-label={`View schedule of ${chart.name}`}>
              View schedule
            </a>
            <span className="cell-sub">
              <RankingLink chart={chart} tabIndex={tabIndex} />
            </span>
          </>
        )}
      </td>
    </>
  );
});

/** The chart's latest stored ranking. */
function RankingLink({ chart, tabIndex }: { chart: ChartListItem; tabIndex: number }) {
  return (
    <a href={rankingHref(chart.id)} tabIndex={tabIndex} aria-label={`Ranking of ${chart.name}`}>
      Ranking
    </a>
  );
}
