import { check, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { API_REQUEST_KINDS } from '../../../../shared/domain/api-usage';
import { oneOf } from './columns';

/**
 * Soundcharts requests this machine sent, counted per hour and per kind of endpoint. Soundcharts bills by
 * request, so this is what the dashboard plots and what the quota planner projects from. Every process that
 * talks to the API (host, CLI, their worker threads) adds its own counts: the sums are the machine's.
 */
export const apiUsageHourly = sqliteTable(
  'api_usage_hourly',
  {
    // Epoch ms of the start of the UTC hour.
    hourStart: integer('hour_start').notNull(),
    kind: text('kind', { enum: API_REQUEST_KINDS }).notNull(),
    requests: integer('requests').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.hourStart, t.kind] }),
    check('api_usage_hourly_kind_check', oneOf(t.kind, API_REQUEST_KINDS)),
  ],
);

/** The quota Soundcharts reported (x-quota-remaining, team/usage), sampled at most once a minute. */
export const quotaSamples = sqliteTable('quota_samples', {
  at: integer('at').primaryKey(),
  remaining: integer('remaining').notNull(),
  // The plan's quota per billing cycle, when team/usage told it.
  quotaLimit: integer('quota_limit'),
});
