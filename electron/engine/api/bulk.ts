import { ChartSyncError, toErrorShape } from '../../../shared/errors';
import type { BulkItemResult, BulkResult } from '../../../shared/views/bulk-result';
import type { HandlerContext } from './handler-context';

export type BulkItemOutcome = { scheduleId: number | null; executionId: number | null };

/**
 * Applies `action` to every id and reports each one: a bad item never stops the others. The whole action is one
 * transaction (a catalogue-wide selection commits once) with one savepoint per item, so an item that fails
 * halfway leaves nothing behind; the scheduler is woken once, at the end.
 */
export function runBulk(
  context: Pick<HandlerContext, 'database' | 'engine' | 'report'>,
  ids: readonly number[],
  action: (id: number) => BulkItemOutcome,
): BulkResult {
  const item = (id: number) => context.database.sqlite.transaction(() => action(id))();
  const results = context.engine.inBatch(() =>
    ids.map((id): BulkItemResult => {
      try {
        return { id, ok: true, ...item(id) };
      } catch (error) {
        if (!(error instanceof ChartSyncError)) context.report(error);
        return { id, ok: false, error: toErrorShape(error) };
      }
    }),
  );
  const succeeded = results.filter((r) => r.ok).length;
  return { results, succeeded, failed: results.length - succeeded };
}
