import { executionDurationMs } from '../../../shared/domain/schedule-status';
import type { ExecutionView } from '../../../shared/views/schedule-view';
import type { chartSyncExecutions } from '../db/schema';

export type ExecutionRow = typeof chartSyncExecutions.$inferSelect;

export function toExecutionView(row: ExecutionRow): ExecutionView {
  return {
    id: row.id,
    scheduleId: row.scheduleId,
    chartId: row.chartId,
    status: row.status,
    trigger: row.trigger,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
    nextAttemptAt: row.nextAttemptAt,
    errorMessage: row.errorMessage,
    errorCode: row.errorCode,
    rankingsCreated: row.rankingsCreated,
    rankingsUpdated: row.rankingsUpdated,
    tracksCreated: row.tracksCreated,
    tracksUpdated: row.tracksUpdated,
    periodsPlanned: row.periodsPlanned,
    periodsSynced: row.periodsSynced,
    periodsFailed: row.periodsFailed,
    failedPeriods: parseFailedPeriods(row.failedPeriodsJson),
    requestsMade: row.requestsMade,
    workerTaskId: row.workerTaskId,
    retryCount: row.retryCount,
    maxRetries: row.maxRetries,
    durationMs: executionDurationMs(row.startedAt, row.completedAt),
  };
}

function parseFailedPeriods(json: string | null): string[] {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    // A damaged value must not make the whole history unreadable.
    return [];
  }
}
