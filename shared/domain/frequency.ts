/** How often a schedule runs: the original's four fixed choices plus cron expressions. */
export const SYNC_FREQUENCIES = ['daily', 'weekly', 'monthly', 'custom', 'cron'] as const;
export type SyncFrequency = (typeof SYNC_FREQUENCIES)[number];

/** How often Soundcharts publishes a chart's ranking; decides what a "period" is in gap detection. */
export const CHART_FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;
export type ChartFrequency = (typeof CHART_FREQUENCIES)[number];

export function isSyncFrequency(value: string): value is SyncFrequency {
  return (SYNC_FREQUENCIES as readonly string[]).includes(value);
}

export function isChartFrequency(value: string): value is ChartFrequency {
  return (CHART_FREQUENCIES as readonly string[]).includes(value);
}

/**
 * The original system's rule: a chart's own frequency when Soundcharts reports a known one, otherwise weekly.
 * Soundcharts' spelling is not guaranteed, hence the trimming and case folding. The same answer also serves as
 * the chart's period length in gap detection, so there is deliberately only one function for both.
 */
export function detectSyncFrequency(chartFrequency: string | null | undefined): ChartFrequency {
  const normalized = (chartFrequency ?? '').trim().toLowerCase();
  return isChartFrequency(normalized) ? normalized : 'weekly';
}
