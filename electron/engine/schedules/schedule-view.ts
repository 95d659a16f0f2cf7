import { detectSyncFrequency } from '../../../shared/domain/frequency';
import { scheduleIntervalMs, timingProblem, type ScheduleTiming } from '../../../shared/domain/next-sync';
import { FREQUENCY_INTERVAL_MS, HOUR_MS } from '../../../shared/domain/policies';
import type { HealthResult } from '../../../shared/domain/health';
import { chartSyncStatus, successRate } from '../../../shared/domain/schedule-status';
import type { ScheduleView } from '../../../shared/views/schedule-view';
import { toChartSummary, type ChartRow } from '../db/queries/charts';
import type { chartSyncSchedules } from '../db/schema';

export type ScheduleRow = typeof chartSyncSchedules.$inferSelect;

type StoredTiming = Pick<
  ScheduleRow,
  'syncFrequency' | 'customIntervalHours' | 'cronExpression' | 'timeZone' | 'anchorAt'
>;

export function timingOf(row: StoredTiming): ScheduleTiming {
  return {
    frequency: row.syncFrequency,
    customIntervalHours: row.customIntervalHours,
    cronExpression: row.cronExpression,
    timeZone: row.timeZone,
    anchorAt: row.anchorAt,
  };
}

/**
 * The interval of a stored timing, and what is wrong with it. A row written by an older version, edited by
 * hand, or whose cron or time zone the runtime no longer accepts must not make every read of the schedule list
 * fail: it is shown with the problem as its attention reason, and measured against its frequency's nominal
 * interval (weekly when it has none, as for a chart of unknown frequency).
 */
export function timingState(row: StoredTiming, now: number): { intervalMs: number; problem: string | null } {
  const timing = timingOf(row);
  const problem = timingProblem(timing);
  if (problem === null) return { intervalMs: scheduleIntervalMs(timing, now), problem: null };
  const hours = row.customIntervalHours;
  const intervalMs =
    row.syncFrequency === 'custom' && hours !== null && Number.isFinite(hours) && hours > 0
      ? hours * HOUR_MS
      : FREQUENCY_INTERVAL_MS[detectSyncFrequency(row.syncFrequency)];
  return { intervalMs, problem };
}

/** The attention reason shown for a schedule whose stored timing cannot be used. */
export function invalidTimingReason(problem: string): string {
  return `This schedule's timing cannot be used (${problem.replace(/\.$/, '')}). Edit its frequency to fix it; until then it does not run on its own.`;
}

/**
 * Success rate, health and status are computed on every read, so no stored value can go stale. Health comes
 * from the caller (electron/engine/health), which reads the schedule's recent executions for a whole list at once.
 */
export function toScheduleView(
  row: ScheduleRow,
  chart: ChartRow,
  now: number,
  health: HealthResult,
): ScheduleView {
  const { intervalMs, problem } = timingState(row, now);
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
    // A timing that cannot be used is the more urgent problem: the schedule cannot run at all.
    attentionReason: problem === null ? row.attentionReason : invalidTimingReason(problem),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    intervalMs,
    successRate: safeSuccessRate(row.totalExecutions, row.successfulExecutions),
    health: health.health,
    healthReason: health.reason,
    status: chartSyncStatus(health.health),
  };
}

/** The CHECK constraint keeps the counts consistent; a damaged row still reads, without a rate. */
function safeSuccessRate(total: number, successful: number): number | null {
  try {
    return successRate(total, successful);
  } catch {
    return null;
  }
}
