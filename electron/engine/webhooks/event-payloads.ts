import { eq } from 'drizzle-orm';
import type { AlertView } from '../../../shared/views/alert';
import type { ExecutionView } from '../../../shared/views/schedule-view';
import type { AppDatabase } from '../db/open-database';
import { getChartById } from '../db/queries/charts';
import { chartSyncSchedules } from '../db/schema';

/**
 * The `data` of each webhook event, in the REST API's snake_case: the schedule, chart and execution involved
 * (and the alert for alert.* events). Times are ISO 8601 in UTC, as a receiver in any language parses them.
 */
export type WebhookData = Record<string, unknown>;

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The whole body: what is signed and sent, byte for byte the same on every attempt. */
export function webhookBody(event: string, at: number, data: WebhookData): string {
  return JSON.stringify({ event, delivered_at: iso(at), data });
}

export function executionData(database: AppDatabase, execution: ExecutionView): WebhookData {
  return {
    schedule: scheduleOf(database, execution.scheduleId),
    chart: chartOf(database, execution.chartId),
    execution: {
      id: execution.id,
      status: execution.status,
      trigger: execution.trigger,
      started_at: iso(execution.startedAt),
      completed_at: iso(execution.completedAt),
      duration_ms: execution.durationMs,
      retry_count: execution.retryCount,
      counts: {
        periods_planned: execution.periodsPlanned,
        periods_synced: execution.periodsSynced,
        periods_failed: execution.periodsFailed,
        rankings_created: execution.rankingsCreated,
        rankings_updated: execution.rankingsUpdated,
        tracks_created: execution.tracksCreated,
        tracks_updated: execution.tracksUpdated,
      },
      failed_periods: execution.failedPeriods,
      error:
        execution.errorMessage === null && execution.errorCode === null
          ? null
          : { code: execution.errorCode, message: execution.errorMessage },
    },
  };
}

export function overdueData(database: AppDatabase, scheduleId: number, chartId: number): WebhookData {
  return { schedule: scheduleOf(database, scheduleId), chart: chartOf(database, chartId), execution: null };
}

export function alertData(database: AppDatabase, alert: AlertView): WebhookData {
  const execution =
    alert.executionId === null
      ? null
      : database.sqlite
          .prepare(
            `SELECT id, status, error_code AS code, error_message AS message FROM chart_sync_executions WHERE id = ?`,
          )
          .get(alert.executionId);
  return {
    alert: {
      id: alert.id,
      kind: alert.kind,
      severity: alert.severity,
      message: alert.message,
      count: alert.count,
      created_at: iso(alert.createdAt),
    },
    schedule: scheduleOf(database, alert.scheduleId),
    chart: alert.chart ? (chartOf(database, alert.chart.id) ?? alert.chart) : null,
    execution: execution ?? null,
  };
}

/** What `webhooks/test` sends: enough for a receiver to check its signature code end to end. */
export function testData(webhookId: number): WebhookData {
  return {
    webhook: { id: webhookId },
    message: 'A test event from Chart Sync: the signature check works if you read this.',
  };
}

function chartOf(database: AppDatabase, chartId: number) {
  const chart = getChartById(database, chartId);
  if (!chart) return { id: chartId, slug: null, name: null };
  return {
    id: chart.id,
    slug: chart.slug,
    name: chart.name,
    platform: chart.platform,
    country_code: chart.countryCode,
  };
}

/** Null when the execution outlived its schedule (deleted since). */
function scheduleOf(database: AppDatabase, scheduleId: number | null) {
  if (scheduleId === null) return null;
  const row = database.db
    .select({
      id: chartSyncSchedules.id,
      isActive: chartSyncSchedules.isActive,
      syncFrequency: chartSyncSchedules.syncFrequency,
      lastSyncAt: chartSyncSchedules.lastSyncAt,
      nextSyncAt: chartSyncSchedules.nextSyncAt,
    })
    .from(chartSyncSchedules)
    .where(eq(chartSyncSchedules.id, scheduleId))
    .get();
  if (!row) return null;
  return {
    id: row.id,
    is_active: row.isActive,
    sync_frequency: row.syncFrequency,
    last_sync_at: iso(row.lastSyncAt),
    next_sync_at: iso(row.nextSyncAt),
  };
}
