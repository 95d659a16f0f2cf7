import type { ApiRequestKind } from '../domain/api-usage';
import type { Health } from '../domain/health';

/** One calendar day (in the requested time zone) of the chosen range. */
export type AnalyticsDay = {
  /** 'YYYY-MM-DD'. */
  day: string;
  /** Executions that ended that day, by final status. */
  completed: number;
  failed: number;
  cancelled: number;
  interrupted: number;
  /** completed ÷ (completed + failed), in percent (0–100) like a schedule's success rate; null when none ended. */
  successRate: number | null;
  /**
   * Durations (ms) of the completed executions that ended that day: median, and p95 by the nearest-rank rule
   * (shared/domain/analytics.ts); null when none. A failure that stopped at once is not a fast sync.
   */
  durationMedianMs: number | null;
  durationP95Ms: number | null;
  /** Soundcharts requests sent that day, in total and by kind. */
  requests: number;
  requestsByKind: Record<ApiRequestKind, number>;
  /**
   * The lowest quota remaining observed that day; null when none was observed. Requests are stored per UTC hour,
   * so in a zone whose offset is not whole hours an hour counts on the day it starts in.
   */
  quotaRemaining: number | null;
};

/** How old a scheduled chart's newest stored period is, against its frequency. */
export type ChartFreshness = {
  chartId: number;
  slug: string;
  name: string;
  frequency: string;
  scheduleId: number | null;
  /** Newest stored ranking date; null when nothing is stored. */
  newestDate: string | null;
  /** Whole days from newestDate to today; null when nothing is stored. */
  ageDays: number | null;
  /** Days between two periods of the chart (1 daily, 7 weekly, 31 monthly). */
  periodDays: number;
  /** fresh: age ≤ one period (+1 day for publication); stale: beyond; never: nothing stored. Stalest first. */
  state: 'fresh' | 'stale' | 'never';
};

export type SlowChart = {
  chartId: number;
  slug: string;
  name: string;
  scheduleId: number | null;
  executions: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
};

export type AttentionSchedule = {
  scheduleId: number;
  chartId: number;
  slug: string;
  name: string;
  health: Health;
  reason: string;
};

export type AnalyticsView = {
  /** The range actually counted: from the start of the first day to the end of the last, in timeZone. */
  from: number;
  to: number;
  timeZone: string;
  /** Every day of the range, oldest first, days without activity included (zeros). */
  days: AnalyticsDay[];
  totals: {
    executions: number;
    successRate: number | null;
    durationMedianMs: number | null;
    durationP95Ms: number | null;
    requests: number;
  };
  /** Every scheduled chart, stalest first. */
  freshness: ChartFreshness[];
  /** The slowest charts of the range by median duration (at most 10). */
  slowest: SlowChart[];
  /** Schedules that are overdue, failing, retrying or need action now. */
  attention: AttentionSchedule[];
};

/** What one schedule is projected to cost per 30-day month, from its own history when it has one. */
export type ScheduleQuotaProjection = {
  scheduleId: number;
  chartId: number;
  slug: string;
  name: string;
  active: boolean;
  /** Syncs per month on its timing (0 when paused). */
  runsPerMonth: number;
  /** Ranking requests of one routine run (periods × pages, date lists): measured or estimated. */
  requestsPerRun: number;
  /** Song metadata requests per month (new songs, and stale ones refreshed every 30 days). */
  metadataPerMonth: number;
  perMonth: number;
  /** history: from its finished executions; estimate: from the chart's size and frequency (no history yet). */
  basis: 'history' | 'estimate';
};

export type QuotaPlanView = {
  /** What Soundcharts last said; null fields when it has not said. */
  quota: {
    limit: number | null;
    remaining: number | null;
    observedAt: number | null;
  };
  /** The billing cycle the projection runs to (its start day is a setting, as Soundcharts does not tell it). */
  cycle: { start: number; end: number; daysLeft: number };
  schedules: ScheduleQuotaProjection[];
  /** Audience fetched on demand, per month, from the last 30 days. */
  audiencePerMonth: number;
  /** Sum of every schedule's perMonth plus audience. */
  projectedPerMonth: number;
  /** What the projection spends between now and the end of the cycle. */
  projectedToCycleEnd: number;
  /** When the remaining quota runs out at the projected rate, if before the cycle ends; else null. */
  exhaustsAt: number | null;
};

/** What a new or changed schedule would add, for the editor's warning. */
export type QuotaImpactView = {
  /** This schedule's projection before the change (0 for a new one) and after it. */
  beforePerMonth: number;
  afterPerMonth: number;
  /** One-off cost of the first run's history backfill (missing periods × pages), when it will backfill. */
  backfillRequests: number;
  /** The plan with the change applied. */
  projectedToCycleEnd: number;
  remaining: number | null;
  /** The change would exhaust the quota before the cycle ends: the editor warns before saving. */
  exhaustsBeforeCycleEnd: boolean;
  exhaustsAt: number | null;
  /** One sentence for the editor ("Adds about 1,240 requests a month; 18,000 left until 1 January."). */
  message: string;
};
