import type { ExecutionStatus, ExecutionTrigger } from '../../../../shared/domain/execution';
import type { ExecutionProgress } from '../../../../shared/contract/events';
import type { ExecutionView } from '../../../../shared/views/schedule-view';

export const TRIGGER_LABEL: Record<ExecutionTrigger, string> = {
  scheduled: 'Scheduled',
  catch_up: 'Catch-up',
  immediate: 'Immediate',
  manual: 'Manual',
  bulk: 'Bulk',
  backfill: 'Backfill',
};

export const STATUS_LABEL: Record<ExecutionStatus, string> = {
  pending: 'Waiting',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};

/** The engine retries only what ended without success; a retry is a new execution of the same schedule. */
export function canRetry(status: ExecutionStatus): boolean {
  return status === 'failed' || status === 'cancelled' || status === 'interrupted';
}

export function canCancel(status: ExecutionStatus): boolean {
  return status === 'pending' || status === 'running';
}

export function isActive(status: ExecutionStatus): boolean {
  return status === 'pending' || status === 'running';
}

export type PeriodCounts = { planned: number; synced: number; failed: number };

/**
 * An execution's period counts, with the latest progress event over the stored ones while it runs: progress
 * arrives per period, the execution row only on a state change.
 */
export function liveCounts(execution: ExecutionView, progress: ExecutionProgress | undefined): PeriodCounts {
  if (progress && isActive(execution.status)) {
    return {
      planned: progress.periodsPlanned,
      synced: Math.max(progress.periodsSynced, execution.periodsSynced),
      failed: Math.max(progress.periodsFailed, execution.periodsFailed),
    };
  }
  return {
    planned: execution.periodsPlanned,
    synced: execution.periodsSynced,
    failed: execution.periodsFailed,
  };
}
