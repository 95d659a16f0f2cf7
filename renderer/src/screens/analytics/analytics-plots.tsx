import { useMemo } from 'react';
import type { AnalyticsView } from '../../../../shared/views/analytics';
import { Plot } from '../../components/plot/plot';
import { formatCount } from '../../format/numbers';
import { formatDuration } from '../../format/time';
import {
  dayAxis,
  durationSeries,
  executionSeries,
  formatRate,
  plotSummaries,
  requestSeries,
  successSeries,
} from './analytics-series';

// A little above 100 %, so a perfect day's point is not drawn on the frame (the ticks stop at 100 %).
const RATE_RANGE: [number, number] = [0, 104];
// Under 10 s, tenths: otherwise a few seconds' range writes "2 s" on every tick.
const formatMs = (ms: number) => (ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : formatDuration(ms));
const formatRequests = (n: number) => formatCount(Math.round(n));

/**
 * The four plots of the range, one day per point. Each says what it shows in a sentence under its title, and
 * every number is in the table of days below (DayTable), so none is only a picture.
 */
export function AnalyticsPlots({ view }: { view: AnalyticsView }) {
  // uPlot is rebuilt when its arrays change: they are made once per answer, not once per render.
  const plots = useMemo(
    () => ({
      x: dayAxis(view.days),
      executions: executionSeries(view.days),
      success: successSeries(view.days),
      duration: durationSeries(view.days),
      requests: requestSeries(view.days),
      summaries: plotSummaries(view),
    }),
    [view],
  );
  return (
    <div className="analytics-plots">
      <Plot
        title="Executions per day by status"
        summary={plots.summaries.executions}
        x={plots.x}
        days
        series={plots.executions}
        stacked
        counts
        formatY={formatRequests}
        emptyText="No execution ended in this range."
      />
      <Plot
        title="Success rate per day"
        summary={plots.summaries.success}
        x={plots.x}
        days
        series={plots.success}
        yRange={RATE_RANGE}
        formatY={formatRate}
        emptyText="No execution completed or failed in this range."
      />
      <Plot
        title="Duration per day: median and p95 (dashed)"
        summary={plots.summaries.duration}
        x={plots.x}
        days
        series={plots.duration}
        formatY={formatMs}
        emptyText="No execution ended in this range."
      />
      <Plot
        title="Requests per day and quota remaining"
        summary={plots.summaries.requests}
        x={plots.x}
        days
        series={plots.requests}
        counts
        formatY={formatRequests}
        formatRightY={formatRequests}
        emptyText="No request was sent to Soundcharts in this range."
      />
    </div>
  );
}
