import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  ACTIVE_EXECUTION_STATUSES,
  EXECUTION_STATUSES,
  EXECUTION_TRIGGERS,
} from '../../../../shared/domain/execution';
import { SYNC_FREQUENCIES } from '../../../../shared/domain/frequency';
import { charts } from './catalogue';
import { createdAt, oneOf, updatedAt } from './columns';

export const chartSyncSchedules = sqliteTable(
  'chart_sync_schedules',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    chartId: integer('chart_id')
      .notNull()
      .references(() => charts.id, { onDelete: 'cascade' }),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    syncFrequency: text('sync_frequency', { enum: SYNC_FREQUENCIES }).notNull(),
    customIntervalHours: integer('custom_interval_hours'),
    cronExpression: text('cron_expression'),
    timeZone: text('time_zone'),
    // The instant the schedule's slots are counted from, so that next_sync_at never drifts.
    anchorAt: integer('anchor_at').notNull(),
    lastSyncAt: integer('last_sync_at'),
    nextSyncAt: integer('next_sync_at'),
    totalExecutions: integer('total_executions').notNull().default(0),
    successfulExecutions: integer('successful_executions').notNull().default(0),
    failedExecutions: integer('failed_executions').notNull().default(0),
    syncImmediately: integer('sync_immediately', { mode: 'boolean' }).notNull().default(false),
    syncHistoricalData: integer('sync_historical_data', { mode: 'boolean' }).notNull().default(true),
    fetchTrackMetadata: integer('fetch_track_metadata', { mode: 'boolean' }).notNull().default(true),
    historyWindowDays: integer('history_window_days').notNull().default(365),
    // Set when a sync stopped on something only the operator can fix (credentials, plan, quota).
    attentionReason: text('attention_reason'),
    createdBy: text('created_by').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('chart_sync_schedules_chart_unique').on(t.chartId),
    index('chart_sync_schedules_due_idx').on(t.isActive, t.nextSyncAt),
    check('chart_sync_schedules_frequency_check', oneOf(t.syncFrequency, SYNC_FREQUENCIES)),
    check(
      'chart_sync_schedules_custom_check',
      sql`${t.syncFrequency} <> 'custom' OR ${t.customIntervalHours} >= 1`,
    ),
    check(
      'chart_sync_schedules_cron_check',
      sql`${t.syncFrequency} <> 'cron' OR (${t.cronExpression} IS NOT NULL AND ${t.timeZone} IS NOT NULL)`,
    ),
    check(
      'chart_sync_schedules_counts_check',
      sql`${t.successfulExecutions} + ${t.failedExecutions} <= ${t.totalExecutions}`,
    ),
  ],
);

export const chartSyncExecutions = sqliteTable(
  'chart_sync_executions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // Null once the schedule is deleted: the execution stays, as history of its chart.
    scheduleId: integer('schedule_id').references(() => chartSyncSchedules.id, { onDelete: 'set null' }),
    chartId: integer('chart_id')
      .notNull()
      .references(() => charts.id, { onDelete: 'cascade' }),
    status: text('status', { enum: EXECUTION_STATUSES }).notNull().default('pending'),
    trigger: text('trigger', { enum: EXECUTION_TRIGGERS }).notNull(),
    startedAt: integer('started_at'),
    completedAt: integer('completed_at'),
    // While a retry waits out its backoff the execution stays pending until this instant.
    nextAttemptAt: integer('next_attempt_at'),
    errorMessage: text('error_message'),
    errorCode: text('error_code'),
    rankingsCreated: integer('rankings_created').notNull().default(0),
    rankingsUpdated: integer('rankings_updated').notNull().default(0),
    tracksCreated: integer('tracks_created').notNull().default(0),
    tracksUpdated: integer('tracks_updated').notNull().default(0),
    periodsPlanned: integer('periods_planned').notNull().default(0),
    periodsSynced: integer('periods_synced').notNull().default(0),
    periodsFailed: integer('periods_failed').notNull().default(0),
    // The periods still missing when an execution failed: JSON array of period keys.
    failedPeriodsJson: text('failed_periods_json'),
    // Soundcharts requests this execution sent (pages, date lists, retries): the quota planner's history.
    requestsMade: integer('requests_made').notNull().default(0),
    // Of those, the attempts that failed (retried or not): why a sync was slow, even when it completed.
    requestsFailed: integer('requests_failed').notNull().default(0),
    // The same failures by reason ("503", "timeout", "reset", "malformed", "rate_limit", "401"…): JSON object of counts.
    requestFailuresJson: text('request_failures_json'),
    // Written while the execution runs (each committed period, and every few seconds): an interrupted execution
    // ends at its last heartbeat, not when the next process noticed it.
    heartbeatAt: integer('heartbeat_at'),
    workerTaskId: text('worker_task_id'),
    retryCount: integer('retry_count').notNull().default(0),
    maxRetries: integer('max_retries').notNull().default(3),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('chart_sync_executions_schedule_created_idx').on(t.scheduleId, t.createdAt),
    index('chart_sync_executions_status_idx').on(t.status),
    index('chart_sync_executions_created_idx').on(t.createdAt),
    index('chart_sync_executions_chart_created_idx').on(t.chartId, t.createdAt),
    // The analytics dashboard reads executions by when they ended; covering, so a year of them is one range scan.
    index('chart_sync_executions_completed_idx').on(
      t.completedAt,
      t.status,
      t.startedAt,
      t.chartId,
      t.scheduleId,
    ),
    // Never two executions of one schedule at the same time, even if two hosts share the file.
    uniqueIndex('chart_sync_executions_one_active')
      .on(t.scheduleId)
      .where(oneOf(t.status, ACTIVE_EXECUTION_STATUSES)),
    check('chart_sync_executions_status_check', oneOf(t.status, EXECUTION_STATUSES)),
    check('chart_sync_executions_trigger_check', oneOf(t.trigger, EXECUTION_TRIGGERS)),
  ],
);
