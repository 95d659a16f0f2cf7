import type { ExecutionStatus, ExecutionTrigger } from '../domain/execution';
import type { SyncFrequency } from '../domain/frequency';
import type { Health } from '../domain/health';
import type { ChartSyncStatus } from '../domain/schedule-status';

/** A chart as the operator sees it in lists. */
export type ChartSummary = {
  id: number;
  slug: string;
  name: string;
  platform: string;
  frequency: string;
  countryCode: string;
  countryName: string;
};

/** A schedule with everything derived from it at read time: success rate and health are never stale. */
export type ScheduleView = {
  id: number;
  chart: ChartSummary;
  isActive: boolean;
  syncFrequency: SyncFrequency;
  customIntervalHours: number | null;
  cronExpression: string | null;
  timeZone: string | null;
  anchorAt: number;
  lastSyncAt: number | null;
  nextSyncAt: number | null;
  totalExecutions: number;
  successfulExecutions: number;
  failedExecutions: number;
  syncImmediately: boolean;
  syncHistoricalData: boolean;
  fetchTrackMetadata: boolean;
  historyWindowDays: number;
  attentionReason: string | null;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  /** Derived. */
  intervalMs: number;
  successRate: number | null;
  /** What the operator is told about it (shared/domain/health.ts), and why, as a sentence. */
  health: Health;
  healthReason: string;
  /** The original's sync status (active, overdue, inactive), read from health. */
  status: ChartSyncStatus;
};

export type ExecutionView = {
  id: number;
  /** Null once its schedule was deleted: the execution stays in its chart's history. */
  scheduleId: number | null;
  chartId: number;
  status: ExecutionStatus;
  trigger: ExecutionTrigger;
  createdAt: number;
  startedAt: number | null;
  completedAt: number | null;
  nextAttemptAt: number | null;
  errorMessage: string | null;
  errorCode: string | null;
  rankingsCreated: number;
  rankingsUpdated: number;
  tracksCreated: number;
  tracksUpdated: number;
  periodsPlanned: number;
  periodsSynced: number;
  periodsFailed: number;
  failedPeriods: string[];
  /** Soundcharts requests it sent (date lists, pages, retries), every attempt included: what it cost. */
  requestsMade: number;
  /** Of those, the attempts that failed (retried or not): why a run was slow even when it completed. */
  requestsFailed: number;
  /** The failed attempts by reason: an HTTP status ("503", "401"), "timeout", "reset", "cut_short", "rate_limit"… */
  requestFailures: Record<string, number>;
  /** Last sign of life while it ran (each stored period, and every few seconds): where an interrupted run ended. */
  heartbeatAt: number | null;
  workerTaskId: string | null;
  retryCount: number;
  maxRetries: number;
  /** Derived. */
  durationMs: number | null;
};
