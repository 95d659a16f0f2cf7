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
    requestsFailed: row.requestsFailed,
    requestFailures: parseRequestFailures(row.requestFailuresJson),
    heartbeatAt: row.heartbeatAt,
    workerTaskId: row.workerTaskId,
    retryCount: row.retryCount,
    maxRetries: row.maxRetries,
    durationMs: executionDurationMs(row.startedAt, endOf(row)),
  };
}

/**
 * When the run's time stopped counting: when it closed, or, for one waiting out a retry, when its attempt ended
 * (its last heartbeat), so that "waiting to retry" still shows the time the attempt took.
 */
function endOf(row: ExecutionRow): number | null {
  if (row.completedAt !== null) return row.completedAt;
  return row.status === 'pending' && row.nextAttemptAt !== null ? row.heartbeatAt : null;
}

function parseRequestFailures(json: string | null): Record<string, number> {
  if (!json) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, number] => Number.isSafeInteger(entry[1]) && entry[1] > 0,
      ),
    );
  } catch {
    return {};
  }
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
