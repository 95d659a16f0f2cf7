import { scheduleHealth, type HealthExecution, type HealthResult } from '../../../shared/domain/health';
import { HEALTH_FAILING_STREAK } from '../../../shared/domain/policies';
import type { ScheduleView } from '../../../shared/views/schedule-view';
import type { AppDatabase } from '../db/open-database';

/**
 * Every schedule's health, with its recent executions read in one query (a window per schedule). The health
 * engineer's loader will replace this once it lands on main; the rule itself is shared/domain/health.ts.
 */
export function loadScheduleHealth(
  database: AppDatabase,
  schedules: readonly ScheduleView[],
  now: number,
): Map<number, HealthResult> {
  const rows = database.sqlite
    .prepare(
      `SELECT schedule_id AS scheduleId, status, retry_count AS retryCount, next_attempt_at AS nextAttemptAt,
              error_message AS errorMessage
       FROM (SELECT *, row_number() OVER (PARTITION BY schedule_id ORDER BY created_at DESC, id DESC) AS rn
             FROM chart_sync_executions WHERE schedule_id IS NOT NULL AND status != 'cancelled')
       WHERE rn <= ? ORDER BY schedule_id, rn`,
    )
    .all(HEALTH_FAILING_STREAK + 1) as (HealthExecution & { scheduleId: number })[];
  const recent = new Map<number, HealthExecution[]>();
  for (const { scheduleId, ...execution } of rows) {
    const list = recent.get(scheduleId) ?? [];
    list.push(execution);
    recent.set(scheduleId, list);
  }
  const health = new Map<number, HealthResult>();
  for (const schedule of schedules) {
    health.set(
      schedule.id,
      scheduleHealth({
        isActive: schedule.isActive,
        intervalMs: schedule.intervalMs,
        nextSyncAt: schedule.nextSyncAt,
        lastSyncAt: schedule.lastSyncAt,
        createdAt: schedule.createdAt,
        attentionReason: schedule.attentionReason,
        recent: recent.get(schedule.id) ?? [],
        now,
      }),
    );
  }
  return health;
}
