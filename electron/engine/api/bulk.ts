import { ChartSyncError, toErrorShape, type ErrorCode } from '../../../shared/errors';
import type { BulkItemResult, BulkResult } from '../../../shared/views/bulk-result';
import type { HandlerContext } from './handler-context';

export type BulkItemOutcome = { scheduleId: number | null; executionId: number | null };

export type BulkOptions = {
  /** Each id's name for a person (see bulk-labels.ts), read before anything changes: a deleted item keeps it. */
  labels: ReadonlyMap<number, string>;
  /** What an id is called when it names nothing (it does not exist). */
  unknown: (id: number) => string;
  /** Errors that mean "nothing to do for this item": reported as skipped, not failed. */
  skipWhen?: readonly ErrorCode[];
};

/**
 * Applies `action` to every id and reports each one: a bad item never stops the others. The whole action is one
 * transaction (a catalogue-wide selection commits once) with one savepoint per item, so an item that fails
 * halfway leaves nothing behind; the scheduler is woken once, at the end.
 */
export function runBulk(
  context: Pick<HandlerContext, 'database' | 'engine' | 'report'>,
  ids: readonly number[],
  options: BulkOptions,
  action: (id: number) => BulkItemOutcome,
): BulkResult {
  const item = (id: number) => context.database.sqlite.transaction(() => action(id))();
  const results = context.engine.inBatch(() =>
    ids.map((id): BulkItemResult => {
      const label = options.labels.get(id) ?? options.unknown(id);
      try {
        return { id, label, ok: true, outcome: 'done', ...item(id) };
      } catch (error) {
        if (!(error instanceof ChartSyncError)) context.report(error);
        const skipped = error instanceof ChartSyncError && (options.skipWhen ?? []).includes(error.code);
        return { id, label, ok: false, outcome: skipped ? 'skipped' : 'failed', error: toErrorShape(error) };
      }
    }),
  );
  const count = (outcome: BulkItemResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
  return { results, succeeded: count('done'), skipped: count('skipped'), failed: count('failed') };
}
