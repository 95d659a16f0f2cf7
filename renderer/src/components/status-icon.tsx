import type { ChartSyncStatus } from '../../../shared/domain/schedule-status';

/** The original admin's sync status column: same icons, same words. */
export const CHART_STATUS_LABEL: Record<ChartSyncStatus, { icon: string; label: string }> = {
  active: { icon: '✅', label: 'Active' },
  overdue: { icon: '⚠', label: 'Overdue' },
  inactive: { icon: '⏸', label: 'Inactive' },
  not_scheduled: { icon: '', label: 'Not scheduled' },
};

/** The order statuses sort and are offered in: what needs attention first. */
export const CHART_STATUS_ORDER: Record<ChartSyncStatus, number> = {
  overdue: 0,
  active: 1,
  inactive: 2,
  not_scheduled: 3,
};

export function StatusIcon({ status }: { status: ChartSyncStatus }) {
  const { icon, label } = CHART_STATUS_LABEL[status];
  return (
    <span className={`chart-status chart-status-${status}`} data-status={status}>
      {icon && <span aria-hidden="true">{icon} </span>}
      {label}
    </span>
  );
}
