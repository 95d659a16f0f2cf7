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

export type LiveCounts = {
  planned: number;
  synced: number;
  failed: number;
  rankingsCreated: number;
  rankingsUpdated: number;
  tracksCreated: number;
  tracksUpdated: number;
};

/**
 * An execution's counts, with the latest progress event over the stored ones while it runs: progress arrives
 * per period, the execution row only on a state change. A count never goes backwards (an event older than the
 * row); once finished, the stored counts are the truth. Periods planned can shrink (a date Soundcharts turns out
 * not to have), so the event's own number is taken.
 */
export function liveCounts(execution: ExecutionView, progress: ExecutionProgress | undefined): LiveCounts {
  const stored: LiveCounts = {
    planned: execution.periodsPlanned,
    synced: execution.periodsSynced,
    failed: execution.periodsFailed,
    rankingsCreated: execution.rankingsCreated,
    rankingsUpdated: execution.rankingsUpdated,
    tracksCreated: execution.tracksCreated,
    tracksUpdated: execution.tracksUpdated,
  };
  if (!progress || !isActive(execution.status)) return stored;
  return {
    planned: progress.periodsPlanned,
    synced: Math.max(progress.periodsSynced, stored.synced),
    failed: Math.max(progress.periodsFailed, stored.failed),
    rankingsCreated: Math.max(progress.rankingsCreated, stored.rankingsCreated),
    rankingsUpdated: Math.max(progress.rankingsUpdated, stored.rankingsUpdated),
    tracksCreated: Math.max(progress.tracksCreated, stored.tracksCreated),
    tracksUpdated: Math.max(progress.tracksUpdated, stored.tracksUpdated),
  };
}
