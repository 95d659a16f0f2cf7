import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import { ChartSyncError } from '../../shared/errors';
import { chartReference } from '../../shared/schemas/data-input';
import { parseInput } from '../../shared/schemas/parse-input';
import type { ScheduleView } from '../../shared/views/schedule-view';
import { findChartByReference, type ChartRow } from '../engine/db/queries/charts';
import type { AppDatabase } from '../engine/db/open-database';
import { charts } from '../engine/db/schema';
import type { Engine } from '../engine/engine';

/** The chart an operator names on the command line: its id or its slug (as the REST status path takes it). */
export function resolveChart(database: AppDatabase, reference: string): ChartRow {
  // Checked before the lookup, so a pasted megabyte is refused in one line rather than echoed in "No chart …".
  const ref = parseInput(chartReference, reference);
  const chart = findChartByReference(database, ref);
  if (chart) return chart;
  throw new ChartSyncError(
    'not_found',
    `No chart "${ref}" in the local catalogue. Find its slug with \`chart-sync charts list --search <text>\`, or import the catalogue with \`chart-sync charts discover\`.`,
  );
}

/** The schedule of a chart, for commands that act on one; a clear error says how to make it. */
export function requireSchedule(engine: Engine, chart: ChartRow): ScheduleView {
  const schedule = engine.schedules.getByChart(chart.id);
  if (schedule) return schedule;
  throw new ChartSyncError(
    'not_found',
    `"${chart.name}" (${chart.slug}) has no sync schedule; add one with \`chart-sync schedules add ${chart.slug}\`.`,
  );
}

export type ChartFilter = {
  platform?: string;
  country?: string;
  frequency?: string;
  /** Every match when not given. */
  limit?: number;
};

/** Words an operator may use for the worldwide charts, stored with an empty country code. */
const WORLDWIDE = new Set(['', 'ww', 'worldwide', 'global']);

/** The catalogue, filtered for `charts list`: the page asked for and how many match in all. */
export function findCharts(database: AppDatabase, filter: ChartFilter): { rows: ChartRow[]; total: number } {
  const conditions: SQL[] = [];
  if (filter.platform)
    conditions.push(sql`lower(${charts.platform}) = ${filter.platform.trim().toLowerCase()}`);
  if (filter.country !== undefined) {
    const country = filter.country.trim().toLowerCase();
    conditions.push(
      WORLDWIDE.has(country) ? eq(charts.countryCode, '') : sql`lower(${charts.countryCode}) = ${country}`,
    );
  }
  if (filter.frequency) {
    conditions.push(sql`lower(trim(${charts.frequency})) = ${filter.frequency.toLowerCase()}`);
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const query = database.db
    .select()
    .from(charts)
    .where(where)
    .orderBy(asc(charts.platform), asc(charts.countryCode), asc(charts.name), asc(charts.id));
  if (filter.limit === undefined) {
    const rows = query.all();
    return { rows, total: rows.length };
  }
  const total = database.db.select({ n: count() }).from(charts).where(where).get()?.n ?? 0;
  return { rows: query.limit(filter.limit).all(), total };
}
