import { asc, eq } from 'drizzle-orm';
import type { AppDatabase } from '../open-database';
import { charts, chartSyncSchedules } from '../schema';

/**
 * Every chart with the parts of its schedule the Charts screen shows. One LEFT JOIN, prepared once per
 * connection: the catalogue can hold tens of thousands of charts, and one query per chart would not do.
 */
function chartListQuery(database: AppDatabase) {
  return database.db
    .select({
      id: charts.id,
      slug: charts.slug,
      name: charts.name,
      platform: charts.platform,
      frequency: charts.frequency,
      countryCode: charts.countryCode,
      countryName: charts.countryName,
      scheduleId: chartSyncSchedules.id,
      isActive: chartSyncSchedules.isActive,
      syncFrequency: chartSyncSchedules.syncFrequency,
      customIntervalHours: chartSyncSchedules.customIntervalHours,
      cronExpression: chartSyncSchedules.cronExpression,
      timeZone: chartSyncSchedules.timeZone,
      anchorAt: chartSyncSchedules.anchorAt,
      lastSyncAt: chartSyncSchedules.lastSyncAt,
      nextSyncAt: chartSyncSchedules.nextSyncAt,
    })
    .from(charts)
    .leftJoin(chartSyncSchedules, eq(chartSyncSchedules.chartId, charts.id))
    .orderBy(asc(charts.platform), asc(charts.name), asc(charts.id))
    .prepare();
}

export type ChartListRow = ReturnType<ReturnType<typeof chartListQuery>['all']>[number];

const prepared = new WeakMap<AppDatabase, ReturnType<typeof chartListQuery>>();

/** Sorted by platform, then name (then id, so equal names keep a stable order). */
export function listChartsWithSchedules(database: AppDatabase): ChartListRow[] {
  let query = prepared.get(database);
  if (!query) {
    query = chartListQuery(database);
    prepared.set(database, query);
  }
  return query.all();
}
