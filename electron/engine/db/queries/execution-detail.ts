import { and, asc, eq, sql } from 'drizzle-orm';
import type {
  AuditAction,
  AuditEntryView,
  AuditResult,
  AuditTrigger,
} from '../../../../shared/views/audit-entry';
import type { AppDatabase } from '../open-database';
import { auditLog, chartRankings } from '../schema';

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

/**
 * What the audit trail recorded about one execution, oldest first. The execution's events are recorded with
 * its chart, so the (chart, time) index narrows the search to that chart's entries.
 */
export function executionTimeline(
  database: AppDatabase,
  executionId: number,
  chartId: number,
): AuditEntryView[] {
  return database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.chartId, chartId), eq(auditLog.executionId, executionId)))
    .orderBy(asc(auditLog.at), asc(auditLog.id))
    .all()
    .map((row): AuditEntryView => ({
      id: row.id,
      at: row.at,
      // Written only through recordAudit, whose input types hold these to the known values.
      action: row.action as AuditAction,
      chartId: row.chartId,
      chartSlug: row.chartSlug,
      scheduleId: row.scheduleId,
      executionId: row.executionId,
      trigger: row.trigger as AuditTrigger | null,
      result: row.result as AuditResult,
      message: row.message,
      detail: parseDetail(row.detailJson),
    }));
}

function parseDetail(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { value };
  } catch {
    // A hand-edited or truncated row must not make the execution unreadable.
    return { raw: json };
  }
}
