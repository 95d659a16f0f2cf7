import { scheduleHealth, type HealthExecution, type HealthResult } from '../../../shared/domain/health';
import { healthIntervalMs } from '../../../shared/domain/health-interval';
import { invalidTimingReason, timingOf, timingState, type ScheduleRow } from '../schedules/schedule-view';

/** What health reads of a stored schedule. */
export type HealthFields = Pick<
  ScheduleRow,
  | 'isActive'
  | 'syncFrequency'
  | 'customIntervalHours'
  | 'cronExpression'
  | 'timeZone'
  | 'anchorAt'
  | 'nextSyncAt'
  | 'lastSyncAt'
  | 'createdAt'
  | 'attentionReason'
>;

/**
 * A stored schedule's health. A timing that cannot be used needs the operator (its attention reason says so, as
 * the schedule view does) and is measured against its frequency's nominal interval.
 */
export function healthOf(row: HealthFields, recent: readonly HealthExecution[], now: number): HealthResult {
  const { intervalMs, problem } = timingState(row, now);
  const since = row.lastSyncAt ?? row.createdAt;
  return scheduleHealth({
    isActive: row.isActive,
    intervalMs: problem === null ? healthIntervalMs(timingOf(row), since) : intervalMs,
    nextSyncAt: row.nextSyncAt,
    lastSyncAt: row.lastSyncAt,
    createdAt: row.createdAt,
    attentionReason: problem === null ? row.attentionReason : invalidTimingReason(problem),
    recent,
    now,
  });
}
