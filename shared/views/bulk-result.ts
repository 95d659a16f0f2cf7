import type { ErrorShape } from '../errors';

/**
 * One item of a bulk action. A bulk action never stops at the first bad item: each succeeds or fails on its own,
 * and the operator is told which and why.
 */
export type BulkItemResult =
  | { id: number; ok: true; scheduleId: number | null; executionId: number | null }
  | { id: number; ok: false; error: ErrorShape };

export type BulkResult = { results: BulkItemResult[]; succeeded: number; failed: number };
