import { detectSyncFrequency, type SyncFrequency } from '../../../../shared/domain/frequency';
import type { ChartListItem } from '../../../../shared/views/chart-list-item';
import type { ChartSummary } from '../../../../shared/views/schedule-view';
import { chartLabel } from '../../components/chart-search';
import { hrefOf } from '../../routing/routes';

/** Says what the frequency means for this chart, and whether it is the chart's own. */
export function FrequencyHint({
  chart,
  frequency,
}: {
  chart: ChartSummary | null;
  frequency: SyncFrequency;
}) {
  if (!chart) return <>Choose a chart: its own publishing frequency is suggested.</>;
  const own = detectSyncFrequency(chart.frequency);
  const known = own === chart.frequency.trim().toLowerCase();
  const published = known
    ? `Soundcharts publishes this chart ${own}.`
    : `Soundcharts does not say how often it publishes this chart ("${chart.frequency}"), so ${own} is suggested.`;
  return frequency === own ? (
    <>Chart&apos;s own frequency. {published}</>
  ) : (
    <>
      {published} Its own frequency would be {own}.
    </>
  );
}

/** A link from the Charts screen may name a chart that cannot get a new schedule: say why rather than drop it. */
export function PreselectionNotice({
  chartId,
  chart,
}: {
  chartId: number | null;
  chart: ChartListItem | null;
}) {
  if (chartId === null) return null;
  if (!chart) {
    return (
      <p className="editor-notice" role="status">
        Chart {chartId} does not exist (any more). Choose another chart below.
      </p>
    );
  }
  if (chart.scheduleId !== null) {
    return (
      <p className="editor-notice" role="status">
        {chartLabel(chart)} already has a schedule:{' '}
        <a href={hrefOf({ screen: 'schedule-edit', id: chart.scheduleId })}>edit that one</a> instead, or
        choose another chart below.
      </p>
    );
  }
  return null;
}
