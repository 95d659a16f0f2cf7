import type { Statement } from 'better-sqlite3';
import {
  byStaleness,
  dayIndexOf,
  freshnessOf,
  median,
  percentile,
  zonedDayOf,
  zonedDays,
} from '../../../shared/domain/analytics';
import { API_REQUEST_KINDS, type ApiRequestKind } from '../../../shared/domain/api-usage';
import type { ExecutionStatus } from '../../../shared/domain/execution';
import { detectSyncFrequency } from '../../../shared/domain/frequency';
import type { Health } from '../../../shared/domain/health';
import { ANALYTICS_SLOWEST_CHARTS } from '../../../shared/domain/policies';
import { successRate } from '../../../shared/domain/schedule-status';
import type {
  AnalyticsDay,
  AnalyticsView,
  AttentionSchedule,
  ChartFreshness,
  SlowChart,
} from '../../../shared/views/analytics';
import type { AppDatabase } from '../db/open-database';
import { loadScheduleHealth } from '../health/load-schedule-health';
import { preparedPer } from '../db/prepared';

/** The health states the dashboard lists as needing a look (late and never synced are not alarms). */
const ATTENTION: readonly Health[] = ['action_required', 'failing', 'retrying', 'overdue'];

/**
 * Quota samples are reduced to their minimum per 15 minutes in SQL before they are placed on days: every real
 * zone's offset is a multiple of 15 minutes, so no bucket straddles two days of any zone, and a year of
 * once-a-minute samples becomes at most 35,136 rows.
 */
const QUOTA_BUCKET_MS = 15 * 60_000;

/** completed_at, status, started_at, chart_id: read as arrays (raw), as a year may hold 100,000 of them. */
type EndedRow = [completedAt: number, status: ExecutionStatus, startedAt: number | null, chartId: number];
type UsageRow = { hour_start: number; kind: ApiRequestKind; requests: number };
type QuotaRow = { bucket: number; remaining: number };
type FreshnessRow = {
  schedule_id: number;
  chart_id: number;
  slug: string;
  name: string;
  frequency: string | null;
  newest: string | null;
};
type ChartRow = { id: number; slug: string; name: string; schedule_id: number | null };
type Range = { from: number; to: number };

type Statements = {
  ended: Statement<[Range], unknown>;
  usage: Statement<[Range], UsageRow>;
  quota: Statement<[Range], QuotaRow>;
  freshness: Statement<[], FreshnessRow>;
  charts: Statement<[string], ChartRow>;
};

const prepared = preparedPer((database: AppDatabase): Statements => {
  const { sqlite } = database;
  return {
    // One range scan of the covering chart_sync_executions_completed_idx, no table lookups. Only a final
    // status sets completed_at; a status filter here would lead the planner to the status index instead.
    ended: sqlite.prepare(`
      SELECT completed_at, status, started_at, chart_id
      FROM chart_sync_executions
      WHERE completed_at >= @from AND completed_at < @to`),
    usage: sqlite.prepare(`
      SELECT hour_start, kind, requests FROM api_usage_hourly
      WHERE hour_start >= @from AND hour_start < @to`),
    // The bucket is written into the statement: a bound JS number is a REAL, and REAL division groups nothing.
    quota: sqlite.prepare(`
      SELECT (at / ${QUOTA_BUCKET_MS}) * ${QUOTA_BUCKET_MS} AS bucket, MIN(remaining) AS remaining
      FROM quota_samples WHERE at >= @from AND at < @to
      GROUP BY at / ${QUOTA_BUCKET_MS}`),
    // The newest date per chart is a seek on chart_rankings_chart_date_idx, once per schedule.
    freshness: sqlite.prepare(`
      SELECT s.id AS schedule_id, c.id AS chart_id, c.slug, c.name, c.frequency,
             (SELECT MAX(r.ranking_date) FROM chart_rankings r WHERE r.chart_id = c.id) AS newest
      FROM chart_sync_schedules s JOIN charts c ON c.id = s.chart_id`),
    charts: sqlite.prepare(`
      SELECT c.id, c.slug, c.name, s.id AS schedule_id
      FROM charts c LEFT JOIN chart_sync_schedules s ON s.chart_id = c.id
      WHERE c.id IN (SELECT value FROM json_each(?))`),
  };
});

export type OverviewRequest = { from: number; to: number; timeZone: string; now: number };

/**
 * The dashboard for a range, in the viewer's zone: executions that ended each day by status, success rate,
 * durations of completed syncs, requests by kind and the lowest quota seen, then freshness, the slowest charts
 * and the schedules that need a look. Five statements, each a range scan or a per-schedule index seek.
 */
export function analyticsOverview(database: AppDatabase, request: OverviewRequest): AnalyticsView {
  const { timeZone, now } = request;
  const days = zonedDays(request.from, request.to, timeZone);
  const range = { from: days[0]!.start, to: days[days.length - 1]!.end };
  const sql = prepared(database);

  const buckets = days.map(() => ({
    ended: { completed: 0, failed: 0, cancelled: 0, interrupted: 0 },
    durations: [] as number[],
    requestsByKind: Object.fromEntries(API_REQUEST_KINDS.map((k) => [k, 0])) as Record<
      ApiRequestKind,
      number
    >,
    quotaRemaining: null as number | null,
  }));
  const allDurations: number[] = [];
  const durationsByChart = new Map<number, number[]>();
  for (const row of sql.ended.raw().iterate(range) as IterableIterator<EndedRow>) {
    const [completedAt, status, startedAt, chartId] = row;
    const bucket = buckets[dayIndexOf(days, completedAt)];
    if (!bucket || status === 'pending' || status === 'running') continue;
    bucket.ended[status] += 1;
    if (status !== 'completed' || startedAt === null) continue;
    // Durations are of completed syncs: a failure that stopped at once would make a chart look fast.
    const duration = Math.max(0, completedAt - startedAt);
    bucket.durations.push(duration);
    allDurations.push(duration);
    let chart = durationsByChart.get(chartId);
    if (!chart) durationsByChart.set(chartId, (chart = []));
    chart.push(duration);
  }
  for (const row of sql.usage.iterate(range)) {
    // api_usage_hourly is kept per UTC hour: an hour counts on the day of the zone its start falls on.
    const bucket = buckets[dayIndexOf(days, row.hour_start)];
    if (bucket) bucket.requestsByKind[row.kind] += row.requests;
  }
  for (const row of sql.quota.iterate(range)) {
    const bucket = buckets[dayIndexOf(days, row.bucket)];
    if (bucket) bucket.quotaRemaining = Math.min(bucket.quotaRemaining ?? row.remaining, row.remaining);
  }

  const dayViews: AnalyticsDay[] = days.map(({ day }, index) => {
    const bucket = buckets[index]!;
    const { completed, failed } = bucket.ended;
    const requests = API_REQUEST_KINDS.reduce((sum, kind) => sum + bucket.requestsByKind[kind], 0);
    return {
      day,
      ...bucket.ended,
      successRate: successRate(completed + failed, completed),
      durationMedianMs: median(bucket.durations),
      durationP95Ms: percentile(bucket.durations, 95),
      requests,
      requestsByKind: bucket.requestsByKind,
      quotaRemaining: bucket.quotaRemaining,
    };
  });
  const sum = (pick: (day: AnalyticsDay) => number) => dayViews.reduce((total, d) => total + pick(d), 0);
  const completed = sum((d) => d.completed);
  const failed = sum((d) => d.failed);

  return {
    from: range.from,
    to: range.to,
    timeZone,
    days: dayViews,
    totals: {
      executions: sum((d) => d.completed + d.failed + d.cancelled + d.interrupted),
      successRate: successRate(completed + failed, completed),
      durationMedianMs: median(allDurations),
      durationP95Ms: percentile(allDurations, 95),
      requests: sum((d) => d.requests),
    },
    freshness: freshness(sql, zonedDayOf(now, timeZone)),
    slowest: slowest(sql, durationsByChart),
    attention: attention(database, sql, now),
  };
}

function freshness(sql: Statements, today: string): ChartFreshness[] {
  return sql.freshness
    .all()
    .map((row) => {
      const frequency = detectSyncFrequency(row.frequency);
      return {
        chartId: row.chart_id,
        slug: row.slug,
        name: row.name,
        frequency,
        scheduleId: row.schedule_id,
        newestDate: row.newest,
        ...freshnessOf(frequency, row.newest, today),
      };
    })
    .sort(byStaleness);
}

function slowest(sql: Statements, durationsByChart: Map<number, number[]>): SlowChart[] {
  const ranked = [...durationsByChart.entries()]
    .map(([chartId, durations]) => ({
      chartId,
      executions: durations.length,
      medianMs: median(durations)!,
      p95Ms: percentile(durations, 95)!,
      maxMs: Math.max(...durations),
    }))
    .sort((a, b) => b.medianMs - a.medianMs || b.maxMs - a.maxMs || a.chartId - b.chartId)
    .slice(0, ANALYTICS_SLOWEST_CHARTS);
  const charts = chartsById(
    sql,
    ranked.map((r) => r.chartId),
  );
  return ranked.flatMap((r) => {
    const chart = charts.get(r.chartId);
    return chart ? [{ ...r, slug: chart.slug, name: chart.name, scheduleId: chart.schedule_id }] : [];
  });
}

function attention(database: AppDatabase, sql: Statements, now: number): AttentionSchedule[] {
  const flagged = [...loadScheduleHealth(database, now).values()].filter((h) => ATTENTION.includes(h.health));
  const charts = chartsById(
    sql,
    flagged.map((h) => h.chartId),
  );
  return flagged
    .sort((a, b) => ATTENTION.indexOf(a.health) - ATTENTION.indexOf(b.health) || a.scheduleId - b.scheduleId)
    .map((h) => ({
      scheduleId: h.scheduleId,
      chartId: h.chartId,
      slug: charts.get(h.chartId)?.slug ?? '',
      name: charts.get(h.chartId)?.name ?? '',
      health: h.health,
      reason: h.reason,
    }));
}

function chartsById(sql: Statements, ids: readonly number[]): Map<number, ChartRow> {
  if (ids.length === 0) return new Map();
  return new Map(sql.charts.all(JSON.stringify(ids)).map((row) => [row.id, row]));
}
