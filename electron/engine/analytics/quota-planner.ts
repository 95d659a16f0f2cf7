import type { Statement } from 'better-sqlite3';
import type { z } from 'zod';
import { detectSyncFrequency } from '../../../shared/domain/frequency';
import type { ScheduleTiming } from '../../../shared/domain/next-sync';
import { storedHistoryWindow, utcDateOf } from '../../../shared/domain/periods';
import { DAY_MS, QUOTA_PLAN_MONTH_DAYS } from '../../../shared/domain/policies';
import {
  billingCycle,
  DATE_LIST_REQUESTS_PER_RUN,
  projectQuota,
  projectSchedule,
  QUOTA_HISTORY_RUNS,
  quotaImpactMessage,
  RANKING_PAGE_SIZE,
  untilCycleEnd,
  type QuotaPlanSchedule,
} from '../../../shared/domain/quota-plan';
import { planPeriods, planRequestCost, windowSpan } from '../../../shared/domain/sync-plan';
import { ChartSyncError } from '../../../shared/errors';
import type { quotaImpactInput } from '../../../shared/schemas/analytics-input';
import type { QuotaImpactView, QuotaPlanView } from '../../../shared/views/analytics';
import type { AppDatabase } from '../db/open-database';
import { getChartById } from '../db/queries/charts';
import { storedSnapshots } from '../sync/store-snapshot';
import { latestQuotaLimit, latestQuotaSample } from './usage-store';
import { preparedPer } from '../db/prepared';
import { historyWindowOrDefault } from '../schedules/default-history-window';

/** Entries of a ranking whose chart does not say (as the sync runner assumes). */
const DEFAULT_ENTRIES_PER_RANKING = 100;

type ScheduleRow = {
  id: number;
  chart_id: number;
  slug: string;
  name: string;
  chart_frequency: string | null;
  max_results_count: number | null;
  is_active: number;
  sync_frequency: ScheduleTiming['frequency'];
  custom_interval_hours: number | null;
  cron_expression: string | null;
  time_zone: string | null;
  anchor_at: number;
  sync_historical_data: number;
  fetch_track_metadata: number;
  history_window_days: number;
};
type RunRow = { schedule_id: number; requests_made: number; tracks_created: number; periods_planned: number };

type Statements = {
  schedules: Statement<[], ScheduleRow>;
  runs: Statement<{ runs: number }, RunRow>;
  refresh: Statement<{ since: string }, { chart_id: number; songs: number }>;
  audience: Statement<{ since: number }, { requests: number | null }>;
};

const prepared = preparedPer((database: AppDatabase): Statements => {
  const { sqlite } = database;
  return {
    schedules: sqlite.prepare(`
      SELECT s.id, s.chart_id, c.slug, c.name, c.frequency AS chart_frequency, c.max_results_count,
             s.is_active, s.sync_frequency, s.custom_interval_hours, s.cron_expression, s.time_zone,
             s.anchor_at, s.sync_historical_data, s.fetch_track_metadata, s.history_window_days
      FROM chart_sync_schedules s JOIN charts c ON c.id = s.chart_id
      ORDER BY s.id`),
    // Each schedule's latest completed routine runs that sent something, newest first (schedule_created index).
    runs: sqlite.prepare(`
      SELECT schedule_id, requests_made, tracks_created, periods_planned FROM (
        SELECT schedule_id, requests_made, tracks_created, periods_planned,
               ROW_NUMBER() OVER (PARTITION BY schedule_id ORDER BY created_at DESC, id DESC) AS n
        FROM chart_sync_executions
        WHERE schedule_id IS NOT NULL AND status = 'completed' AND trigger <> 'backfill' AND requests_made > 0)
      WHERE n <= @runs
      ORDER BY schedule_id, n`),
    // Songs of the last month's rankings of charts that fetch metadata, each owned by one chart (the lowest id)
    // so a song on two charts is refreshed, and counted, once.
    refresh: sqlite.prepare(`
      SELECT owner AS chart_id, COUNT(*) AS songs FROM (
        SELECT e.song_id, MIN(r.chart_id) AS owner
        FROM chart_rankings r JOIN chart_ranking_entries e ON e.ranking_id = r.id
        WHERE r.ranking_date >= @since AND r.chart_id IN (
          SELECT chart_id FROM chart_sync_schedules WHERE is_active = 1 AND fetch_track_metadata = 1)
        GROUP BY e.song_id)
      GROUP BY owner`),
    audience: sqlite.prepare(`
      SELECT SUM(requests) AS requests FROM api_usage_hourly WHERE kind = 'audience' AND hour_start >= @since`),
  };
});

type PlanContext = { database: AppDatabase; now: number; billingCycleDay: number };

/** Every schedule as the projection reads it, with its own history. */
function planSchedules(database: AppDatabase, now: number): QuotaPlanSchedule[] {
  const sql = prepared(database);
  const runs = new Map<number, RunRow[]>();
  for (const row of sql.runs.all({ runs: QUOTA_HISTORY_RUNS })) {
    const list = runs.get(row.schedule_id) ?? [];
    list.push(row);
    runs.set(row.schedule_id, list);
  }
  const since = utcDateOf(now - QUOTA_PLAN_MONTH_DAYS * DAY_MS);
  const refresh = new Map(sql.refresh.all({ since }).map((row) => [row.chart_id, row.songs]));
  return sql.schedules.all().map((row) => {
    const own = runs.get(row.id) ?? [];
    return {
      scheduleId: row.id,
      chartId: row.chart_id,
      slug: row.slug,
      name: row.name,
      active: row.is_active === 1,
      timing: {
        frequency: row.sync_frequency,
        customIntervalHours: row.custom_interval_hours,
        cronExpression: row.cron_expression,
        timeZone: row.time_zone,
        anchorAt: row.anchor_at,
      },
      chartFrequency: detectSyncFrequency(row.chart_frequency),
      entriesPerRanking: row.max_results_count ?? DEFAULT_ENTRIES_PER_RANKING,
      syncHistoricalData: row.sync_historical_data === 1,
      fetchTrackMetadata: row.fetch_track_metadata === 1,
      recentRequests: own.map((r) => r.requests_made),
      recentTracksCreated: own.map((r) => r.tracks_created),
      recentPeriodsPlanned: own.map((r) => r.periods_planned),
      songsToRefresh: refresh.get(row.chart_id) ?? 0,
    };
  });
}

/**
 * What Soundcharts last said about the quota, as any process on this machine recorded it. A sample from before
 * the cycle started says nothing of this cycle's quota (it starts again): not known until the next request.
 */
function quotaFacts(database: AppDatabase, cycleStart: number): QuotaPlanView['quota'] {
  const latest = latestQuotaSample(database);
  const sample = latest && latest.at >= cycleStart ? latest : null;
  return {
    limit: latestQuotaLimit(database),
    remaining: sample?.remaining ?? null,
    observedAt: sample?.at ?? null,
  };
}

/** The quota planner: every schedule's projected requests per month against what is left of the cycle. */
export function quotaPlan({ database, now, billingCycleDay }: PlanContext): QuotaPlanView {
  const cycle = billingCycle(now, billingCycleDay);
  const quota = quotaFacts(database, cycle.start);
  const audience = prepared(database).audience.get({ since: now - QUOTA_PLAN_MONTH_DAYS * DAY_MS });
  const plan = projectQuota({
    now,
    schedules: planSchedules(database, now),
    audienceLast30Days: audience?.requests ?? 0,
    remaining: quota.remaining,
    cycle,
  });
  return { quota, cycle, ...plan };
}

type ImpactInput = z.output<typeof quotaImpactInput>;

/**
 * What a new or changed schedule adds: its projection before and after, the one-off cost of fetching the
 * history window's missing periods (planned on the chart's calendar from what is stored: no request is sent),
 * and whether the plan with the change runs out of quota before the cycle ends.
 */
export function quotaImpact(context: PlanContext, input: ImpactInput): QuotaImpactView {
  const { database, now } = context;
  const { schedule: change, scheduleId } = input;
  const chart = getChartById(database, change.chartId);
  if (!chart) throw new ChartSyncError('not_found', `Chart ${change.chartId} does not exist.`);
  const schedules = planSchedules(database, now);
  const current = scheduleId === undefined ? undefined : schedules.find((s) => s.scheduleId === scheduleId);
  if (scheduleId !== undefined && !current) {
    throw new ChartSyncError('not_found', `Schedule ${scheduleId} does not exist.`);
  }
  if (current && current.chartId !== change.chartId) {
    throw new ChartSyncError(
      'invalid_input',
      `Schedule ${scheduleId} syncs chart ${current.chartId}, not ${change.chartId}: a schedule's chart cannot change.`,
      { fields: { 'schedule.chartId': 'Not the chart of this schedule.' } },
    );
  }
  const frequency = detectSyncFrequency(chart.frequency);
  const syncFrequency = change.syncFrequency ?? frequency;
  const after: QuotaPlanSchedule = {
    scheduleId: scheduleId ?? 0,
    chartId: chart.id,
    slug: chart.slug,
    name: chart.name,
    active: change.isActive,
    timing: {
      frequency: syncFrequency,
      customIntervalHours: syncFrequency === 'custom' ? (change.customIntervalHours ?? null) : null,
      cronExpression: syncFrequency === 'cron' ? (change.cronExpression ?? null) : null,
      timeZone: syncFrequency === 'cron' ? (change.timeZone ?? null) : null,
      anchorAt: now,
    },
    chartFrequency: frequency,
    entriesPerRanking: chart.maxResultsCount ?? DEFAULT_ENTRIES_PER_RANKING,
    syncHistoricalData: change.syncHistoricalData,
    fetchTrackMetadata: change.fetchTrackMetadata,
    // A changed schedule keeps its measured cost per run only while it fetches the same way.
    recentRequests:
      current && current.syncHistoricalData === change.syncHistoricalData ? current.recentRequests : [],
    recentTracksCreated: current?.recentTracksCreated ?? [],
    recentPeriodsPlanned: current?.recentPeriodsPlanned ?? [],
    songsToRefresh: current?.songsToRefresh ?? 0,
  };
  const plan = quotaPlan(context);
  const beforePerMonth = current ? projectSchedule(current, now).perMonth : 0;
  const afterPerMonth = projectSchedule(after, now).perMonth;
  const backfillBefore = current
    ? backfillCost(database, now, current, currentWindowDays(database, current))
    : 0;
  const backfillAfter =
    change.isActive || change.syncImmediately
      ? backfillCost(database, now, after, historyWindowOrDefault(database, change.historyWindowDays))
      : 0;
  const backfillRequests = Math.max(0, backfillAfter - backfillBefore);
  const perMonth = plan.projectedPerMonth - beforePerMonth + afterPerMonth;
  const { projectedToCycleEnd, exhaustsAt } = untilCycleEnd(perMonth, backfillRequests, {
    now,
    remaining: plan.quota.remaining,
    cycle: plan.cycle,
  });
  return {
    beforePerMonth,
    afterPerMonth,
    backfillRequests,
    projectedToCycleEnd,
    remaining: plan.quota.remaining,
    exhaustsBeforeCycleEnd: exhaustsAt !== null,
    exhaustsAt,
    message: quotaImpactMessage({
      beforePerMonth,
      afterPerMonth,
      backfillRequests,
      remaining: plan.quota.remaining,
      cycleEnd: plan.cycle.end,
      exhaustsAt,
    }),
  };
}

function currentWindowDays(database: AppDatabase, schedule: QuotaPlanSchedule): number {
  const row = database.sqlite
    .prepare<[number], { days: number }>(
      'SELECT history_window_days AS days FROM chart_sync_schedules WHERE id = ?',
    )
    .get(schedule.scheduleId);
  return row?.days ?? 0;
}

/**
 * Requests the next sync of a schedule would spend on what is missing of its window: the sync plan on the
 * chart's calendar (as the coverage grid and a backfill preview without a date list plan it), its pages, and the
 * date list.
 */
function backfillCost(
  database: AppDatabase,
  now: number,
  schedule: QuotaPlanSchedule,
  historyWindowDays: number,
): number {
  const window = storedHistoryWindow(now, historyWindowDays);
  const periods = planPeriods({
    frequency: schedule.chartFrequency,
    window,
    available: null,
    stored: storedSnapshots(database, schedule.chartId, windowSpan(schedule.chartFrequency, window)),
    historical: schedule.syncHistoricalData,
  });
  if (periods.length === 0) return 0;
  return (
    DATE_LIST_REQUESTS_PER_RUN +
    planRequestCost(periods.length, schedule.entriesPerRanking, RANKING_PAGE_SIZE)
  );
}
