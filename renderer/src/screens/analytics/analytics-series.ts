import type { AnalyticsDay, AnalyticsView, ChartFreshness } from '../../../../shared/views/analytics';
import type { PlotSeries } from '../../components/plot/plot-types';
import { formatCount, formatCountOf } from '../../format/numbers';
import { formatDuration } from '../../format/time';

/** The x of every plot: each day at noon UTC (epoch seconds), the convention of <Plot days>, oldest first. */
export function dayAxis(days: readonly AnalyticsDay[]): number[] {
  return days.map((d) => Date.parse(`${d.day}T12:00:00Z`) / 1_000);
}

/**
 * completed ÷ (completed + failed) as a percentage, from the day's own counts: what the view defines, read the
 * same way the schedules' success rates are shown (0–100). Null when nothing completed or failed.
 */
export function successPercent(counts: { completed: number; failed: number }): number | null {
  const ended = counts.completed + counts.failed;
  return ended === 0 ? null : (counts.completed * 100) / ended;
}

export const STATUS_SERIES = [
  { key: 'completed', label: 'Completed', color: '--good' },
  { key: 'failed', label: 'Failed', color: '--bad' },
  { key: 'interrupted', label: 'Interrupted', color: '--warn' },
  { key: 'cancelled', label: 'Cancelled', color: '--muted' },
] as const;

/** Executions per day, stacked by final status (completed at the bottom). */
export function executionSeries(days: readonly AnalyticsDay[]): PlotSeries[] {
  return STATUS_SERIES.map(({ key, label, color }) => ({
    label,
    color,
    style: 'bars',
    values: days.map((d) => d[key]),
  }));
}

export function successSeries(days: readonly AnalyticsDay[]): PlotSeries[] {
  return [{ label: 'Success rate', color: '--accent', values: days.map(successPercent) }];
}

export function durationSeries(days: readonly AnalyticsDay[]): PlotSeries[] {
  return [
    { label: 'Median', color: '--accent', values: days.map((d) => d.durationMedianMs) },
    { label: 'p95', color: '--warn', dashed: true, values: days.map((d) => d.durationP95Ms) },
  ];
}

export function requestSeries(days: readonly AnalyticsDay[]): PlotSeries[] {
  return [
    { label: 'Requests', color: '--accent', style: 'bars', values: days.map((d) => d.requests) },
    {
      label: 'Quota remaining',
      color: '--warn',
      style: 'step',
      rightAxis: true,
      values: days.map((d) => d.quotaRemaining),
    },
  ];
}

export type RangeTotals = {
  completed: number;
  failed: number;
  cancelled: number;
  interrupted: number;
  requests: number;
  /** Over the whole range, from the counts. */
  successRate: number | null;
  busiestDay: AnalyticsDay | null;
  /** The lowest quota remaining seen in the range, and the last one seen. */
  lowestQuota: number | null;
  lastQuota: number | null;
};

export function rangeTotals(days: readonly AnalyticsDay[]): RangeTotals {
  const sum = (key: 'completed' | 'failed' | 'cancelled' | 'interrupted' | 'requests') =>
    days.reduce((total, d) => total + d[key], 0);
  const quotas = days.map((d) => d.quotaRemaining).filter((q): q is number => q !== null);
  const busiestDay = days.reduce<AnalyticsDay | null>(
    (best, d) => (d.requests > 0 && (best === null || d.requests > best.requests) ? d : best),
    null,
  );
  const completed = sum('completed');
  const failed = sum('failed');
  return {
    completed,
    failed,
    cancelled: sum('cancelled'),
    interrupted: sum('interrupted'),
    requests: sum('requests'),
    successRate: successPercent({ completed, failed }),
    busiestDay,
    lowestQuota: quotas.length > 0 ? Math.min(...quotas) : null,
    lastQuota: quotas.at(-1) ?? null,
  };
}

export const formatRate = (value: number) => `${Math.round(value)}%`;

/** The sentence under each plot: what it shows, in numbers, for readers who cannot see it. */
export function plotSummaries(view: AnalyticsView): {
  executions: string;
  success: string;
  duration: string;
  requests: string;
} {
  const totals = rangeTotals(view.days);
  const ended = totals.completed + totals.failed + totals.cancelled + totals.interrupted;
  const rated = view.days.map(successPercent).filter((r): r is number => r !== null);
  const median = view.totals.durationMedianMs;
  const p95 = view.totals.durationP95Ms;
  return {
    executions:
      ended === 0
        ? 'No execution ended in this range.'
        : `${formatCountOf(ended, 'execution')} ended: ${formatCount(totals.completed)} completed, ${formatCount(totals.failed)} failed, ${formatCount(totals.interrupted)} interrupted, ${formatCount(totals.cancelled)} cancelled.`,
    success:
      totals.successRate === null
        ? 'No execution completed or failed in this range.'
        : `${formatRate(totals.successRate)} over the range; the worst day ${formatRate(Math.min(...rated))}, the best ${formatRate(Math.max(...rated))}.`,
    duration:
      median === null
        ? 'No execution ended in this range.'
        : `Median ${formatDuration(median)}${p95 === null ? '' : `, p95 ${formatDuration(p95)}`} over the range.`,
    requests:
      totals.requests === 0 && totals.lastQuota === null
        ? 'No request was sent to Soundcharts in this range.'
        : `${formatCountOf(totals.requests, 'request')} in the range${totals.busiestDay ? `, at most ${formatCount(totals.busiestDay.requests)} in a day` : ''}; ${totals.lastQuota === null ? 'the quota remaining was not reported' : `${formatCount(totals.lastQuota)} remaining when last seen`}.`,
  };
}

/** How far through its period a chart's newest data is: 1 = one whole period old. Nothing stored sorts first. */
export function freshnessRatio(chart: ChartFreshness): number {
  if (chart.ageDays === null) return Number.POSITIVE_INFINITY;
  return chart.ageDays / Math.max(chart.periodDays, 1);
}

/** Stalest first (never synced, then by age against period), ties by name: the ones to look at on top. */
export function sortFreshness(charts: readonly ChartFreshness[]): ChartFreshness[] {
  return [...charts].sort(
    (a, b) => freshnessRatio(b) - freshnessRatio(a) || a.name.localeCompare(b.name) || a.chartId - b.chartId,
  );
}

/** "3 days old, published daily": the age said against the period. */
export function describeFreshness(chart: ChartFreshness): string {
  if (chart.state === 'never' || chart.ageDays === null) return 'Nothing stored yet';
  const age = chart.ageDays === 0 ? 'From today' : `${formatCountOf(chart.ageDays, 'day')} old`;
  const period = chart.periodDays === 1 ? 'every day' : `every ${chart.periodDays} days`;
  return `${age}; a new period ${period}`;
}
