import type { ChartSummary } from '../../../shared/views/schedule-view';

/** How the operator recognises a chart: the same chart name exists on several platforms and in many countries. */
export function chartLabel(chart: ChartSummary): string {
  return `${chart.name} · ${chart.platform} · ${chart.countryName}`;
}

/** A list of 10,000 charts is only usable narrowed: past this many matches the operator types more. */
export const CHART_SEARCH_LIMIT = 50;

function haystackOf(chart: ChartSummary): string {
  return [chart.name, chart.slug, chart.platform, chart.countryCode, chart.countryName]
    .join(' ')
    .toLowerCase();
}

/**
 * Charts matching every word of the query (in any of name, slug, platform, country), names starting with the
 * query first, otherwise in the given order; at most `limit` of them, with how many matched in all.
 */
export function searchCharts<C extends ChartSummary>(
  charts: readonly C[],
  query: string,
  limit = CHART_SEARCH_LIMIT,
): { matches: C[]; total: number } {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { matches: charts.slice(0, limit), total: charts.length };
  const needle = query.trim().toLowerCase();
  const prefixed: C[] = [];
  const others: C[] = [];
  for (const chart of charts) {
    const haystack = haystackOf(chart);
    if (!words.every((word) => haystack.includes(word))) continue;
    (chart.name.toLowerCase().startsWith(needle) ? prefixed : others).push(chart);
  }
  const all = [...prefixed, ...others];
  return { matches: all.slice(0, limit), total: all.length };
}
