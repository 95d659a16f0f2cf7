import type { Health } from '../domain/health';
import type { ChartSyncStatus } from '../domain/schedule-status';
import type { ChartSummary, ExecutionView, ScheduleView } from './schedule-view';

/** One row of the Charts screen: the chart and where it stands in the sync schedule. */
export type ChartListItem = ChartSummary & {
  /** The original's ✅ Active, ⚠ Overdue, ⏸ Inactive, "Not scheduled", read from health. */
  syncStatus: ChartSyncStatus;
  /** The schedule's health and why (shared/domain/health.ts); null when the chart is not scheduled. */
  health: Health | null;
  healthReason: string | null;
  /** The chart's schedule, for the quick link; null when the chart is not scheduled. */
  scheduleId: number | null;
  lastSyncAt: number | null;
  nextSyncAt: number | null;
  /** The chart has execution history (kept when its schedule is deleted), listed on the Executions screen. */
  hasExecutions: boolean;
};

/** What `charts/discover` imported. */
export type DiscoverySummary = { platforms: number; charts: number; created: number; updated: number };

/** The original's `GET /api/sync/status/{chart_id}/`: the chart, its schedule and its latest execution. */
export type ChartSyncStatusView = {
  chart: ChartSummary;
  syncStatus: ChartSyncStatus;
  /** The schedule's health and why; null when the chart is not scheduled. */
  health: Health | null;
  healthReason: string | null;
  schedule: ScheduleView | null;
  latestExecution: ExecutionView | null;
};
