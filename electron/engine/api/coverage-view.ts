import type { ChartFrequency } from '../../../shared/domain/frequency';
import { periodKeyOf, type Period } from '../../../shared/domain/periods';
import type { CoverageState, CoverageView } from '../../../shared/views/schedule-detail';

/**
 * The history window as a grid: a period is `synced` when a complete snapshot of it is stored, `failed` when
 * the latest finished execution listed it as failed and it is still missing, `pending` when it is missing but
 * has not ended yet (the window ends today: its ranking may not be published), else `missing` (never fetched,
 * or left for the next run).
 */
export function coverageView(input: {
  frequency: ChartFrequency;
  window: { from: string; to: string };
  expected: readonly Period[];
  storedDates: readonly string[];
  failedKeys: readonly string[];
}): CoverageView {
  const stored = new Set(input.storedDates.map((date) => periodKeyOf(input.frequency, date)));
  const failed = new Set(input.failedKeys);
  const counts: Record<CoverageState, number> = { synced: 0, missing: 0, failed: 0, pending: 0 };
  const periods = input.expected.map((period) => {
    const state: CoverageState = stored.has(period.key)
      ? 'synced'
      : failed.has(period.key)
        ? 'failed'
        : period.end >= input.window.to
          ? 'pending'
          : 'missing';
    counts[state] += 1;
    return { key: period.key, start: period.start, end: period.end, state };
  });
  return { frequency: input.frequency, from: input.window.from, to: input.window.to, periods, ...counts };
}
