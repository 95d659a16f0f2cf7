import type { PruneCounts } from '../../../shared/views/retention';

/**
 * What retention prunes, one table at a time: which rows are old enough and finished (never an open execution,
 * a pending delivery or a queued task), and what goes with them. `?` is the cutoff (epoch ms) each time.
 */
export type PruneTable = {
  key: Exclude<keyof PruneCounts, 'webhookAttempts'>;
  table: string;
  where: string;
  /** The column batches pick rows by (an integer key); `id` unless said. */
  idColumn?: string;
  /** Rows of another table that belong to these (deleted first, counted under that key). */
  dependents?: { key: keyof PruneCounts; table: string; column: string };
};

export const PRUNE_TABLES: readonly PruneTable[] = [
  {
    key: 'executions',
    table: 'chart_sync_executions',
    // created_at narrows by its index; the end of the run is what must be older than the cutoff.
    where: `status IN ('completed', 'failed', 'cancelled', 'interrupted') AND created_at < @cutoff
            AND COALESCE(completed_at, created_at) < @cutoff`,
  },
  { key: 'auditEntries', table: 'audit_log', where: 'at < @cutoff' },
  {
    key: 'webhookDeliveries',
    table: 'webhook_deliveries',
    where: `status IN ('delivered', 'failed') AND updated_at < @cutoff`,
    dependents: { key: 'webhookAttempts', table: 'webhook_delivery_attempts', column: 'delivery_id' },
  },
  {
    key: 'queueTasks',
    table: 'task_queue',
    where: `status IN ('done', 'failed') AND completed_at < @cutoff`,
  },
  // The dashboard's and the planner's history: an hour is old once it ended before the cutoff.
  {
    key: 'apiUsageHours',
    table: 'api_usage_hourly',
    where: 'hour_start < @cutoff - 3600000',
    idColumn: 'rowid',
  },
  { key: 'quotaSamples', table: 'quota_samples', where: 'at < @cutoff', idColumn: 'at' },
];

export const NO_COUNTS: PruneCounts = {
  executions: 0,
  auditEntries: 0,
  webhookDeliveries: 0,
  webhookAttempts: 0,
  queueTasks: 0,
  apiUsageHours: 0,
  quotaSamples: 0,
};
