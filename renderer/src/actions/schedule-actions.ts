import type { Result } from '../../../shared/errors';
import type { BulkResult } from '../../../shared/views/bulk-result';
import { formatCountOf } from '../format/numbers';
import { confirm } from '../store/confirm-store';
import { call } from '../transport/api';
import { reportBulk } from './run-action';

/** What can be done to schedules, one from its row or detail page, or a selection from the bulk bar. */
export type ScheduleAction = 'activate' | 'deactivate' | 'sync' | 'delete';

const ACTIONS: Record<
  ScheduleAction,
  { verb: { done: string; failed: string }; send: (ids: number[]) => Promise<Result<BulkResult>> }
> = {
  activate: {
    verb: { done: 'Activated', failed: 'Could not activate' },
    send: (ids) => call('schedules/set-active', { ids, active: true }),
  },
  deactivate: {
    verb: { done: 'Deactivated', failed: 'Could not deactivate' },
    send: (ids) => call('schedules/set-active', { ids, active: false }),
  },
  sync: {
    verb: { done: 'Sync started', failed: 'Could not start the sync' },
    send: (ids) => call('schedules/sync-now', { ids }),
  },
  delete: {
    verb: { done: 'Deleted', failed: 'Could not delete' },
    send: (ids) => call('schedules/delete', { ids }),
  },
};

/** Runs an action on schedules and reports the outcome in a toast; the result is the caller's to show. */
export async function runScheduleAction(
  action: ScheduleAction,
  ids: readonly number[],
): Promise<Result<BulkResult>> {
  const { verb, send } = ACTIONS[action];
  const result = await send([...ids]);
  reportBulk(result, verb, 'schedule');
  return result;
}

/** One schedule (named by its chart) or a selection of them. */
export type DeleteTarget = { chartName: string } | { count: number };

/**
 * Deleting a schedule stops the chart syncing and cancels a sync waiting to start, so it is always confirmed.
 * Its execution history and audit entries stay, listed under the chart.
 */
export function confirmDelete(target: DeleteTarget, confirmLabel = 'Delete'): Promise<boolean> {
  const one = 'chartName' in target || target.count === 1;
  return confirm({
    title:
      'chartName' in target
        ? `Delete the schedule of ${target.chartName}?`
        : `Delete ${formatCountOf(target.count, 'schedule')}?`,
    message: one
      ? 'The chart stops syncing and a sync waiting to start is cancelled. Its execution history and rankings are kept.'
      : 'The charts stop syncing and syncs waiting to start are cancelled. Their execution history and rankings are kept.',
    confirmLabel,
    danger: true,
  });
}
