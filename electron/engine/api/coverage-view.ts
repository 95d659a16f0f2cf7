import type { ChartFrequency } from '../../../shared/domain/frequency';
import { planPeriods, windowPeriods, type StoredSnapshot } from '../../../shared/domain/sync-plan';
import type { CoverageState, CoverageView } from '../../../shared/views/schedule-detail';

/**
 * The history window as a grid, from the same plan a sync and a backfill make (on the chart's calendar, as the
 * list of dates is Soundcharts' to give): a period is `synced` when planning would not fetch it (a complete
 * snapshot is stored), `failed` when the latest finished execution listed it as failed, `pending` when it has
 * not ended yet (the window ends today: its ranking may not be published), else `missing` (never fetched, or
 * left for the next run). So "Missing" here is always something "Backfill missing" fetches.
 */
export function coverageView(input: {
  frequency: ChartFrequency;
  window: { from: string; to: string };
  stored: readonly StoredSnapshot[];
  failedKeys: readonly string[];
}): CoverageView {
  const { frequency, window } = input;
  const toFetch = new Set(
    planPeriods({ frequency, window, available: null, stored: input.stored, historical: true }).map(
      (p) => p.key,
    ),
  );
  const failed = new Set(input.failedKeys);
  const counts: Record<CoverageState, number> = { synced: 0, missing: 0, failed: 0, pending: 0 };
  const periods = windowPeriods(frequency, window).map((period) => {
    const state: CoverageState = !toFetch.has(period.key)
      ? 'synced'
      : failed.has(period.key)
        ? 'failed'
        : period.end >= window.to
          ? 'pending'
          : 'missing';
    counts[state] += 1;
    return { key: period.key, start: period.start, end: period.end, state };
  });
  return { frequency, from: window.from, to: window.to, periods, ...counts };
}
