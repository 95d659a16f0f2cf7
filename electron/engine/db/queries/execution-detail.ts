import { and, eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../open-database';
import { chartRankings } from '../schema';

/** Calendar dates of a chart's snapshots fetched between two instants (inclusive): what one execution stored. */
export function rankingDatesFetchedBetween(
  database: AppDatabase,
  chartId: number,
  from: number,
  to: number,
): string[] {
  const r = chartRankings;
  return database.db
    .select({ date: r.rankingDate })
    .from(r)
    .where(and(eq(r.chartId, chartId), sql`${r.fetchedAt} BETWEEN ${from} AND ${to}`))
    .all()
    .map((row) => row.date);
}
