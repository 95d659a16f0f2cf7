import type { ErrorShape } from '../errors';

/**
 * What became of one item: `done`; `skipped`, when there was nothing to do for it (a chart without a schedule
 * asked to sync or leave the schedule, a chart already scheduled asked to join it); `failed`, with why.
 */
export type BulkOutcome = 'done' | 'skipped' | 'failed';

/**
 * One item of a bulk action. A bulk action never stops at the first bad item: each succeeds, is skipped or fails
 * on its own, and the operator is told which and why. `label` names the item for a person: its chart's title,
 * platform, country and slug, since one title ("Top Songs") is shared by many charts.
 */
export type BulkItemResult =
  | {
      id: number;
      label: string;
      ok: true;
      outcome: 'done';
      scheduleId: number | null;
      executionId: number | null;
    }
  | { id: number; label: string; ok: false; outcome: 'skipped' | 'failed'; error: ErrorShape };

export type BulkResult = { results: BulkItemResult[]; succeeded: number; skipped: number; failed: number };
