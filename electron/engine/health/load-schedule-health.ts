import type { Statement } from 'better-sqlite3';
import type { HealthExecution, HealthResult } from '../../../shared/domain/health';
import type { AppDatabase } from '../db/open-database';
import {
  groupRuns,
  RECENT_COLUMNS,
  RECENT_EXECUTIONS_CTE,
  RECENT_JOIN,
  RECENT_ORDER,
  type RecentColumns,
} from './recent-executions';
import { healthOf, type HealthFields } from './schedule-health';
import { preparedPer } from '../db/prepared';

export type ScheduleHealth = HealthResult & { scheduleId: number; chartId: number };

type ScheduleHealthRow = RecentColumns & {
  id: number;
  chart_id: number;
  is_active: number;
  sync_frequency: HealthFields['syncFrequency'];
  custom_interval_hours: number | null;
  cron_expression: string | null;
  time_zone: string | null;
  anchor_at: number;
  next_sync_at: number | null;
  last_sync_at: number | null;
  created_at: number;
  attention_reason: string | null;
};

type Only = { only: number | null };

type Statements = {
  health: Statement<[Only], ScheduleHealthRow>;
  recent: Statement<[Only], RecentColumns & { schedule_id: number }>;
};

const prepared = preparedPer((database: AppDatabase): Statements => {
  return {
    health: database.sqlite.prepare(`
      WITH ${RECENT_EXECUTIONS_CTE}
      SELECT s.id, s.chart_id, s.is_active, s.sync_frequency, s.custom_interval_hours, s.cron_expression,
             s.time_zone, s.anchor_at, s.next_sync_at, s.last_sync_at, s.created_at, s.attention_reason,
             ${RECENT_COLUMNS}
      FROM chart_sync_schedules s
      ${RECENT_JOIN}
      ORDER BY s.id, ${RECENT_ORDER}`),
    recent: database.sqlite.prepare(`
      WITH ${RECENT_EXECUTIONS_CTE}
      SELECT r.schedule_id, ${RECENT_COLUMNS}
      FROM recent r
      ORDER BY r.schedule_id, ${RECENT_ORDER}`),
  };
});

/**
 * Every schedule's health at `now`, in one query: what the alerts' "turns overdue" check and the status counts
 * read on each tick. Keyed by schedule id.
 */
export function loadScheduleHealth(database: AppDatabase, now: number): Map<number, ScheduleHealth> {
  const rows = prepared(database).health.all({ only: null });
  const result = new Map<number, ScheduleHealth>();
  for (const { first: s, recent } of groupRuns(rows, (row) => row.id)) {
    const fields: HealthFields = {
      isActive: s.is_active === 1,
      syncFrequency: s.sync_frequency,
      customIntervalHours: s.custom_interval_hours,
      cronExpression: s.cron_expression,
      timeZone: s.time_zone,
      anchorAt: s.anchor_at,
      nextSyncAt: s.next_sync_at,
      lastSyncAt: s.last_sync_at,
      createdAt: s.created_at,
      attentionReason: s.attention_reason,
    };
    result.set(s.id, { ...healthOf(fields, recent, now), scheduleId: s.id, chartId: s.chart_id });
  }
  return result;
}

/**
 * The executions health reads, per schedule (one schedule with `only`, else all of them), in one query: what
 * the schedule views are built with. A schedule without executions has no entry.
 */
export function recentExecutions(
  database: AppDatabase,
  only: number | null = null,
): Map<number, HealthExecution[]> {
  const rows = prepared(database).recent.all({ only });
  return new Map(
    groupRuns(rows, (row) => row.schedule_id).map(({ first, recent }) => [first.schedule_id, recent]),
  );
}
