import { compareChartsByName, firstInOrder } from '../../../../shared/domain/chart-order';
import type { HealthExecution } from '../../../../shared/domain/health';
import type { ChartSummary } from '../../../../shared/views/schedule-view';
import type { HealthFields } from '../../health/schedule-health';
import {
  groupRuns,
  RECENT_COLUMNS,
  RECENT_EXECUTIONS_CTE,
  recentExecutionsCte,
  RECENT_JOIN,
  RECENT_ORDER,
  type RecentColumns,
} from '../../health/recent-executions';
import type { AppDatabase } from '../open-database';
import { preparedPer } from '../prepared';

type Row = RecentColumns & {
  id: number;
  slug: string;
  name: string;
  platform: string;
  frequency: string;
  country_code: string;
  country_name: string;
  schedule_id: number | null;
  is_active: number | null;
  sync_frequency: HealthFields['syncFrequency'] | null;
  custom_interval_hours: number | null;
  cron_expression: string | null;
  time_zone: string | null;
  anchor_at: number | null;
  last_sync_at: number | null;
  next_sync_at: number | null;
  created_at: number | null;
  attention_reason: string | null;
  has_executions: number;
};

/**
 * Every chart with its schedule and the executions its health reads, in ONE query, prepared once per
 * connection: the catalogue can hold tens of thousands of charts, and one query per chart would not do. A
 * scheduled chart spans up to 1 + HEALTH_FAILING_STREAK consecutive rows (one per recent execution).
 */
const CHART_COLUMNS = `
       c.id, c.slug, c.name, c.platform, c.frequency, c.country_code, c.country_name,
       s.id AS schedule_id, s.is_active, s.sync_frequency, s.custom_interval_hours, s.cron_expression, s.time_zone,
       s.anchor_at, s.last_sync_at, s.next_sync_at, s.created_at, s.attention_reason,
       EXISTS (SELECT 1 FROM chart_sync_executions h WHERE h.chart_id = c.id) AS has_executions,
       ${RECENT_COLUMNS}`;
const ORDER = `ORDER BY c.platform, c.name, c.id, ${RECENT_ORDER}`;

const CHART_LIST_SQL = `
WITH ${RECENT_EXECUTIONS_CTE}
SELECT ${CHART_COLUMNS}
FROM charts c
LEFT JOIN chart_sync_schedules s ON s.chart_id = c.id
${RECENT_JOIN}
${ORDER}`;

/**
 * The same rows for some charts only: those with these ids, and those of these schedules (JSON arrays). The
 * charts are found first (primary key, and the schedules' key), so a handful of rows costs a handful of probes.
 */
const SOME_CHARTS_SQL = `
WITH wanted AS MATERIALIZED (
  SELECT value AS id FROM json_each(:chartIds)
  UNION
  SELECT chart_id FROM chart_sync_schedules WHERE id IN (SELECT value FROM json_each(:scheduleIds))
),
${recentExecutionsCte({
  schedules: 'rs.chart_id IN (SELECT id FROM wanted)',
  executions: 'e.chart_id IN (SELECT id FROM wanted)',
})}
SELECT ${CHART_COLUMNS}
FROM charts c
LEFT JOIN chart_sync_schedules s ON s.chart_id = c.id
${RECENT_JOIN}
WHERE c.id IN (SELECT id FROM wanted)
${ORDER}`;

export type ChartListEntry = {
  chart: ChartSummary;
  /** Null when the chart is not scheduled. */
  schedule: (HealthFields & { id: number }) | null;
  /** The schedule's open and latest final executions, as health reads them. */
  recent: HealthExecution[];
  /** The chart has execution history, kept when its schedule is deleted (one index probe per chart). */
  hasExecutions: boolean;
};

// Each prepared on first use: the whole list is one statement, prepared once per connection.
const prepared = {
  all: preparedPer((database: AppDatabase) => database.sqlite.prepare<[{ only: null }], Row>(CHART_LIST_SQL)),
  some: preparedPer((database: AppDatabase) =>
    database.sqlite.prepare<[{ chartIds: string; scheduleIds: string }], Row>(SOME_CHARTS_SQL),
  ),
  names: preparedPer((database: AppDatabase) =>
    database.sqlite.prepare<[], { id: number; name: string }>('SELECT id, name FROM charts'),
  ),
};

/** Sorted by platform, then name (then id, so equal names keep a stable order). */
export function listChartsWithSchedules(database: AppDatabase): ChartListEntry[] {
  return toEntries(prepared.all(database).all({ only: null }));
}

/** The charts with these ids and the charts of these schedules (unknown ids are left out), in the same order. */
export function listSomeChartsWithSchedules(
  database: AppDatabase,
  chartIds: readonly number[],
  scheduleIds: readonly number[],
): ChartListEntry[] {
  const rows = prepared.some(database).all({
    chartIds: JSON.stringify(chartIds),
    scheduleIds: JSON.stringify(scheduleIds),
  });
  return toEntries(rows);
}

/**
 * The first `count` charts by name (compareChartsByName, the Charts screen's default order): the names alone
 * are read and sorted, then only those charts' rows, so the answer does not grow with the catalogue's columns.
 */
export function listFirstChartsByName(database: AppDatabase, count: number): ChartListEntry[] {
  const first = firstInOrder(prepared.names(database).all(), count, compareChartsByName);
  const rank = new Map(first.map((chart, i) => [chart.id, i]));
  return listSomeChartsWithSchedules(database, [...rank.keys()], []).sort(
    (a, b) => rank.get(a.chart.id)! - rank.get(b.chart.id)!,
  );
}

function toEntries(rows: Row[]): ChartListEntry[] {
  return groupRuns(rows, (row) => row.id).map(({ first: row, recent }) => ({
    chart: {
      id: row.id,
      slug: row.slug,
      name: row.name,
      platform: row.platform,
      frequency: row.frequency,
      countryCode: row.country_code,
      countryName: row.country_name,
    },
    schedule: scheduleOf(row),
    recent,
    hasExecutions: row.has_executions === 1,
  }));
}

/** The LEFT JOIN gives nulls for a chart without a schedule. */
function scheduleOf(row: Row): ChartListEntry['schedule'] {
  if (
    row.schedule_id === null ||
    row.is_active === null ||
    row.sync_frequency === null ||
    row.anchor_at === null ||
    row.created_at === null
  ) {
    return null;
  }
  return {
    id: row.schedule_id,
    isActive: row.is_active === 1,
    syncFrequency: row.sync_frequency,
    customIntervalHours: row.custom_interval_hours,
    cronExpression: row.cron_expression,
    timeZone: row.time_zone,
    anchorAt: row.anchor_at,
    lastSyncAt: row.last_sync_at,
    nextSyncAt: row.next_sync_at,
    createdAt: row.created_at,
    attentionReason: row.attention_reason,
  };
}
