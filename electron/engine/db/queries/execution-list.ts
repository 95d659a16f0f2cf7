import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { ExecutionStatus, ExecutionTrigger } from '../../../../shared/domain/execution';
import type { AppDatabase } from '../open-database';
import { charts, chartSyncExecutions } from '../schema';
import type { ChartRow } from './charts';

export type ExecutionFilter = {
  status?: ExecutionStatus | undefined;
  trigger?: ExecutionTrigger | undefined;
  chartId?: number | undefined;
  scheduleId?: number | undefined;
  /** Created at or after (epoch ms). */
  from?: number | undefined;
  /** Created before (epoch ms). */
  to?: number | undefined;
};

export type ExecutionWithChartRow = {
  execution: typeof chartSyncExecutions.$inferSelect;
  chart: ChartRow;
};

function conditions(filter: ExecutionFilter): SQL | undefined {
  const e = chartSyncExecutions;
  const where: SQL[] = [];
  if (filter.status !== undefined) where.push(eq(e.status, filter.status));
  if (filter.trigger !== undefined) where.push(eq(e.trigger, filter.trigger));
  if (filter.scheduleId !== undefined) where.push(eq(e.scheduleId, filter.scheduleId));
  if (filter.chartId !== undefined) where.push(eq(e.chartId, filter.chartId));
  if (filter.from !== undefined) where.push(gte(e.createdAt, filter.from));
  if (filter.to !== undefined) where.push(lt(e.createdAt, filter.to));
  return and(...where);
}

/**
 * Executions name their chart themselves: one whose schedule was deleted (schedule_id set to null) is still
 * listed under its chart.
 */
function joined(database: AppDatabase) {
  return database.db
    .select({ execution: chartSyncExecutions, chart: charts })
    .from(chartSyncExecutions)
    .innerJoin(charts, eq(charts.id, chartSyncExecutions.chartId));
}

/** One page of the execution history, newest first, and how many match in all. */
export function listExecutions(
  database: AppDatabase,
  filter: ExecutionFilter,
  page: { limit: number; offset: number },
): { rows: ExecutionWithChartRow[]; total: number } {
  const where = conditions(filter);
  const rows = joined(database)
    .where(where)
    .orderBy(desc(chartSyncExecutions.createdAt), desc(chartSyncExecutions.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  const total = database.db.select({ n: count() }).from(chartSyncExecutions).where(where).get()?.n ?? 0;
  return { rows, total };
}

export function getExecutionWithChart(database: AppDatabase, id: number): ExecutionWithChartRow | undefined {
  return joined(database).where(eq(chartSyncExecutions.id, id)).get();
}

/** The newest execution of a chart (whether its schedule still exists or not), or undefined before its first. */
export function latestExecutionOfChart(
  database: AppDatabase,
  chartId: number,
): typeof chartSyncExecutions.$inferSelect | undefined {
  return database.db
    .select()
    .from(chartSyncExecutions)
    .where(eq(chartSyncExecutions.chartId, chartId))
    .orderBy(desc(chartSyncExecutions.createdAt), desc(chartSyncExecutions.id))
    .limit(1)
    .get();
}
