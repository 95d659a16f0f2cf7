import { scheduleIntervalMs, type ScheduleTiming } from '../../../shared/domain/next-sync';
import {
  chartSyncStatus,
  isOverdue,
  overdueLevel,
  successRate,
} from '../../../shared/domain/schedule-status';
import type { ScheduleView } from '../../../shared/views/schedule-view';
import { toChartSummary, type ChartRow } from '../db/queries/charts';
import type { chartSyncSchedules } from '../db/schema';

export type ScheduleRow = typeof chartSyncSchedules.$inferSelect;

export function timingOf(row: ScheduleRow): ScheduleTiming {
  return {
    frequency: row.syncFrequency,
    customIntervalHours: row.customIntervalHours,
    cronExpression: row.cronExpression,
    timeZone: row.timeZone,
    anchorAt: row.anchorAt,
  };
}

/** Success rate, overdue and status are computed on every read, so no stored value can go stale. */
export function toScheduleView(row: ScheduleRow, chart: ChartRow, now: number): ScheduleView {
  const intervalMs = scheduleIntervalMs(timingOf(row), now);
  const schedule = { isActive: row.isActive, nextSyncAt: row.nextSyncAt, intervalMs };
  const overdue = overdueLevel({ ...schedule, now });
  return {
    id: row.id,
    chart: toChartSummary(chart),
    isActive: row.isActive,
    syncFrequency: row.syncFrequency,
    customIntervalHours: row.customIntervalHours,
    cronExpression: row.cronExpression,
    timeZone: row.timeZone,
    anchorAt: row.anchorAt,
    lastSyncAt: row.lastSyncAt,
    nextSyncAt: row.nextSyncAt,
    totalExecutions: row.totalExecutions,
    successfulExecutions: row.successfulExecutions,
    failedExecutions: row.failedExecutions,
    syncImmediately: row.syncImmediately,
    syncHistoricalData: row.syncHistoricalData,
    fetchTrackMetadata: row.fetchTrackMetadata,
    historyWindowDays: row.historyWindowDays,
    attentionReason: row.attentionReason,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    intervalMs,
    successRate: successRate(row.totalExecutions, row.successfulExecutions),
    overdueLevel: overdue.level,
    lateByMs: overdue.lateByMs,
    isOverdue: isOverdue(overdue.level),
    status: chartSyncStatus(schedule, now),
  };
}
