import { calendarDateOf } from '../../../../shared/domain/periods';
import type { PlannedPeriod } from '../../../../shared/domain/sync-plan';
import type { BackfillPreview } from '../../../../shared/views/schedule-detail';

export type BackfillSummary = {
  count: number;
  /** Periods stored but lacking entries, fetched again in place. */
  incomplete: number;
  /** Calendar dates of the oldest and newest period to fetch; null when there is nothing to fetch. */
  first: string | null;
  last: string | null;
  /** Oldest first, as the operator reads a list of dates (the plan itself runs newest first). */
  periods: PlannedPeriod[];
};

export function summarizeBackfill(preview: BackfillPreview): BackfillSummary {
  const periods = [...preview.periods].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const first = periods[0];
  const last = periods.at(-1);
  return {
    count: periods.length,
    incomplete: periods.filter((p) => p.reason === 'incomplete').length,
    first: first ? calendarDateOf(first.datetime) : null,
    last: last ? calendarDateOf(last.datetime) : null,
    periods,
  };
}

/** Consecutive calendar days of one month to fetch: "3–9", or "12" for one day. */
export type DayRun = { from: number; to: number };

export type BackfillMonth = {
  /** "2026-01". */
  key: string;
  /** "Jan 2026". */
  label: string;
  count: number;
  incomplete: number;
  /** The days of the month to fetch, consecutive days as one run. */
  runs: DayRun[];
  /** "1–31", "5, 12, 19, 26": the runs as read. */
  days: string;
};

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The periods to fetch, one line per month with their days as runs ("1–31"): a year of daily periods is 13
 * short lines rather than 365 items, so the preview stays as wide as the card and its count stays in sight.
 */
export function backfillMonths(periods: readonly PlannedPeriod[]): BackfillMonth[] {
  const months = new Map<string, { days: Set<number>; count: number; incomplete: number }>();
  for (const period of periods) {
    const date = calendarDateOf(period.datetime);
    const key = date.slice(0, 7);
    const month = months.get(key) ?? { days: new Set<number>(), count: 0, incomplete: 0 };
    month.days.add(Number(date.slice(8, 10)));
    month.count += 1;
    if (period.reason === 'incomplete') month.incomplete += 1;
    months.set(key, month);
  }
  return [...months.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, month]) => {
      const runs = dayRuns([...month.days].sort((a, b) => a - b));
      return {
        key,
        label: `${MONTH_NAMES[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`,
        count: month.count,
        incomplete: month.incomplete,
        runs,
        days: runs.map((run) => (run.from === run.to ? `${run.from}` : `${run.from}–${run.to}`)).join(', '),
      };
    });
}

function dayRuns(days: readonly number[]): DayRun[] {
  const runs: DayRun[] = [];
  for (const day of days) {
    const last = runs.at(-1);
    if (last && day === last.to + 1) last.to = day;
    else runs.push({ from: day, to: day });
  }
  return runs;
}
