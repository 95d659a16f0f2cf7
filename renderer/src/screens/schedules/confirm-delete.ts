import { formatCount } from '../../format/numbers';
import { confirm } from '../../store/confirm-store';

/** One row's schedule (named by its chart) or a selection of them. */
export type DeleteTarget = { chartName: string } | { count: number };

/**
 * Deleting a schedule also deletes its execution history (the database cascades), so it is always confirmed.
 */
export function confirmDelete(target: DeleteTarget): Promise<boolean> {
  const one = 'chartName' in target || target.count === 1;
  return confirm({
    title:
      'chartName' in target
        ? `Delete the schedule of ${target.chartName}?`
        : `Delete ${formatCount(target.count)} schedule${one ? '' : 's'}?`,
    message: one
      ? 'Its execution history is deleted too and the chart stops syncing. Rankings already synced are kept.'
      : 'Their execution history is deleted too and the charts stop syncing. Rankings already synced are kept.',
    confirmLabel: 'Delete',
    danger: true,
  });
}
