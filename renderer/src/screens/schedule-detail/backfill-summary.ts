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
