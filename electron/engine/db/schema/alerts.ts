import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ALERT_KINDS, ALERT_SEVERITIES } from '../../../../shared/domain/alert-kinds';
import { createdAt, oneOf, updatedAt } from './columns';

/**
 * Alerts the engine raised. No foreign keys: an alert outlives the schedule or execution it is about (ids and
 * the chart's slug/name are copied). Repeats of one open condition fold into one row (`count`, `last_seen_at`).
 */
export const alerts = sqliteTable(
  'alerts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ALERT_KINDS }).notNull(),
    severity: text('severity', { enum: ALERT_SEVERITIES }).notNull(),
    // What makes two alerts "the same open condition", e.g. 'sync_failed:schedule:12' or 'quota_low'.
    foldKey: text('fold_key').notNull(),
    scheduleId: integer('schedule_id'),
    executionId: integer('execution_id'),
    chartId: integer('chart_id'),
    chartSlug: text('chart_slug'),
    chartName: text('chart_name'),
    message: text('message').notNull(),
    detailJson: text('detail_json'),
    count: integer('count').notNull().default(1),
    lastSeenAt: integer('last_seen_at').notNull(),
    readAt: integer('read_at'),
    // Set when the condition ends (the schedule recovered, the quota renewed): a later repeat opens a new alert.
    resolvedAt: integer('resolved_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('alerts_one_open')
      .on(t.foldKey)
      .where(sql`${t.resolvedAt} IS NULL`),
    index('alerts_created_idx').on(t.createdAt),
    index('alerts_unread_idx').on(t.readAt, t.createdAt),
    index('alerts_schedule_idx').on(t.scheduleId, t.createdAt),
    check('alerts_kind_check', oneOf(t.kind, ALERT_KINDS)),
    check('alerts_severity_check', oneOf(t.severity, ALERT_SEVERITIES)),
    check('alerts_count_check', sql`${t.count} >= 1`),
  ],
);
