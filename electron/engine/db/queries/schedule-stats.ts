import { and, avg, count, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { FINAL_EXECUTION_STATUSES } from '../../../../shared/domain/execution';
import type { AppDatabase } from '../open-database';
import { chartRankings, chartSyncExecutions } from '../schema';

/**
 * Executions whose duration means something: they ran to an outcome. An interrupted one's end is when the next
 * process noticed (hours later, perhaps), and a cancelled one was cut short by the operator.
 */
const TIMED_STATUSES = ['completed', 'failed'] as const;

export function averageDurationMs(database: AppDatabase, scheduleId: number): number | null {
  const e = chartSyncExecutions;
  const row = database.db
    .select({ mean: avg(sql<number>`${e.completedAt} - ${e.startedAt}`) })
    .from(e)
    .where(
      and(
        eq(e.scheduleId, scheduleId),
        inArray(e.status, TIMED_STATUSES),
        isNotNull(e.startedAt),
        isNotNull(e.completedAt),
      ),
    )
    .get();
  // avg() comes back as text to keep SQLite's precision; a duration needs whole milliseconds.
  return row?.mean == null ? null : Math.round(Number(row.mean));
}

/** The failed period keys of the most recently closed execution. */
export function latestFinishedFailedPeriods(database: AppDatabase, scheduleId: number): string[] {
  const e = chartSyncExecutions;
  const row = database.db
    .select({ json: e.failedPeriodsJson })
    .from(e)
    .where(and(eq(e.scheduleId, scheduleId), inArray(e.status, FINAL_EXECUTION_STATUSES)))
    .orderBy(desc(e.completedAt), desc(e.id))
    .limit(1)
    .get();
  if (!row?.json) return [];
  try {
    const parsed: unknown = JSON.parse(row.json);
    return Array.isArray(parsed) ? parsed.filter((key): key is string => typeof key === 'string') : [];
  } catch {
    return [];
  }
}

export type RankingStats = { stored: number; latestDate: string | null; latestFetchedAt: number | null };

/** How much of a chart is stored and how fresh it is: the count, and the newest snapshot's date and fetch time. */
export function rankingStats(database: AppDatabase, chartId: number): RankingStats {
  const r = chartRankings;
  const stored = database.db.select({ n: count() }).from(r).where(eq(r.chartId, chartId)).get()?.n ?? 0;
  const newest = database.db
    .select({ date: r.rankingDate, fetchedAt: r.fetchedAt })
    .from(r)
    .where(eq(r.chartId, chartId))
    .orderBy(desc(r.rankingDate), desc(r.rankingInstant))
    .limit(1)
    .get();
  return { stored, latestDate: newest?.date ?? null, latestFetchedAt: newest?.fetchedAt ?? null };
}
