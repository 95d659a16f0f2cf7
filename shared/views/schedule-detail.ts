import type { ChartFrequency } from '../domain/frequency';
import type { PlannedPeriod } from '../domain/sync-plan';
import type { ExecutionView, ScheduleView } from './schedule-view';

/**
 * Where one period of the history window stands in the local copy. `pending`: the period has not ended yet, so
 * Soundcharts may not have published its ranking; it is not a gap to backfill.
 */
export type CoverageState = 'synced' | 'missing' | 'failed' | 'pending';

export type CoveragePeriod = { key: string; start: string; end: string; state: CoverageState };

/** The history window as a grid of periods, oldest first. */
export type CoverageView = {
  frequency: ChartFrequency;
  from: string;
  to: string;
  periods: CoveragePeriod[];
  synced: number;
  missing: number;
  failed: number;
  pending: number;
};

export type ScheduleStats = {
  /** Percentage 0–100, null before the first finished execution. */
  successRate: number | null;
  /** Mean duration of finished executions, null when none finished. */
  averageDurationMs: number | null;
  /** Ranking snapshots stored for the chart. */
  rankingsStored: number;
  /** The newest ranking date stored (YYYY-MM-DD), the data's freshness; null when nothing is stored. */
  latestRankingDate: string | null;
  /** When the newest snapshot was fetched (epoch ms). */
  latestFetchedAt: number | null;
};

export type ScheduleDetail = {
  schedule: ScheduleView;
  stats: ScheduleStats;
  coverage: CoverageView;
  /** Newest first. */
  executions: ExecutionView[];
};

/** What "Backfill missing" would fetch, asked of Soundcharts before anything is committed. */
export type BackfillPreview = {
  periods: PlannedPeriod[];
  /** Requests the backfill would spend, paging included. */
  requestCost: number;
  /** False when Soundcharts could not list the chart's dates, so the plan is the expected calendar. */
  listed: boolean;
};
