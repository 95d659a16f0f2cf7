import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, oneOf, updatedAt } from './columns';

export const QUEUE_TASK_KINDS = ['song_metadata', 'song_audience'] as const;
export type QueueTaskKind = (typeof QUEUE_TASK_KINDS)[number];
export const QUEUE_TASK_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type QueueTaskStatus = (typeof QUEUE_TASK_STATUSES)[number];
export const QUEUE_OPEN_STATUSES = ['queued', 'running'] as const satisfies readonly QueueTaskStatus[];

/** Metadata and audience fetches waiting for a slot: persistent, so the queue survives a restart. */
export const taskQueue = sqliteTable(
  'task_queue',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: QUEUE_TASK_KINDS }).notNull(),
    // The song's Soundcharts uuid.
    subject: text('subject').notNull(),
    // '' for tasks not tied to one platform (NULLs would defeat the uniqueness below).
    platform: text('platform').notNull().default(''),
    status: text('status', { enum: QUEUE_TASK_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(3),
    runAfter: integer('run_after').notNull().default(0),
    lastError: text('last_error'),
    completedAt: integer('completed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // A song is queued at most once per kind and platform until that task ends.
    uniqueIndex('task_queue_one_open')
      .on(t.kind, t.subject, t.platform)
      .where(oneOf(t.status, QUEUE_OPEN_STATUSES)),
    index('task_queue_ready_idx').on(t.status, t.runAfter),
    check('task_queue_kind_check', oneOf(t.kind, QUEUE_TASK_KINDS)),
    check('task_queue_status_check', oneOf(t.status, QUEUE_TASK_STATUSES)),
  ],
);

/** Every sync operation: what, on which chart, why, and how it ended. No foreign keys: it outlives charts. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    action: text('action').notNull(),
    chartId: integer('chart_id'),
    chartSlug: text('chart_slug'),
    scheduleId: integer('schedule_id'),
    executionId: integer('execution_id'),
    trigger: text('trigger'),
    // Who did it: 'ui', 'rest', 'cli' or 'scheduler' (null on entries written before actors were recorded).
    actor: text('actor'),
    result: text('result').notNull(),
    message: text('message'),
    detailJson: text('detail_json'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_chart_at_idx').on(t.chartId, t.at),
    index('audit_log_schedule_at_idx').on(t.scheduleId, t.at),
    index('audit_log_action_at_idx').on(t.action, t.at),
  ],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  valueJson: text('value_json').notNull(),
  updatedAt: updatedAt(),
});
