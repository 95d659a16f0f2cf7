import { and, asc, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { AUDIT_LIST_DEFAULT_LIMIT, AUDIT_LIST_MAX_LIMIT } from '../../../shared/domain/policies';
import type {
  AuditAction,
  AuditActor,
  AuditEntryView,
  AuditListItem,
  AuditPage,
  AuditResult,
  AuditTrigger,
} from '../../../shared/views/audit-entry';
import type { AppDatabase } from '../db/open-database';
import { auditLog, chartSyncExecutions, chartSyncSchedules } from '../db/schema';
import { currentActor } from './actor';

/**
 * The audit trail: one row per sync operation. Entries copy what they refer to (chart slug, ids) instead of
 * linking to it, so deleting a chart or a schedule never deletes its history.
 */

export type AuditEntryInput = {
  action: AuditAction;
  result: AuditResult;
  chartId?: number | null;
  chartSlug?: string | null;
  scheduleId?: number | null;
  executionId?: number | null;
  trigger?: AuditTrigger | null;
  /** By default whoever is acting now (see actor.ts). */
  actor?: AuditActor;
  message?: string | null;
  /** Anything else worth keeping (counts, error codes, failed periods); stored as JSON. */
  detail?: Record<string, unknown> | null;
};

export type AuditFilter = {
  chartId?: number | undefined;
  scheduleId?: number | undefined;
  action?: AuditAction | undefined;
  /** Only entries at or after this instant (epoch ms). */
  since?: number | undefined;
  /** Only entries before this instant (epoch ms). */
  until?: number | undefined;
  /** Default AUDIT_LIST_DEFAULT_LIMIT, capped at AUDIT_LIST_MAX_LIMIT. */
  limit?: number | undefined;
  offset?: number | undefined;
};

type AuditRow = typeof auditLog.$inferSelect;

export function recordAudit(database: AppDatabase, entry: AuditEntryInput, now: number): AuditEntryView {
  const row = database.db
    .insert(auditLog)
    .values({
      at: now,
      action: entry.action,
      chartId: entry.chartId ?? null,
      chartSlug: entry.chartSlug ?? null,
      scheduleId: entry.scheduleId ?? null,
      executionId: entry.executionId ?? null,
      trigger: entry.trigger ?? null,
      actor: entry.actor ?? currentActor(),
      result: entry.result,
      message: entry.message ?? null,
      detailJson: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .returning()
    // all(), not get(): get() stops at the row, and a commit that then fails (a full disk) would go unseen.
    .all()[0]!;
  return toAuditEntryView(row);
}

/** Newest first (ties in order of recording, latest first). */
export function listAudit(database: AppDatabase, filter: AuditFilter = {}): AuditEntryView[] {
  return pageAudit(database, filter).items.map(
    ({ executionExists: _execution, scheduleExists: _schedule, ...entry }) => entry,
  );
}

/** One page of the log, newest first, and how many entries match the filter in all. */
export function pageAudit(database: AppDatabase, filter: AuditFilter = {}): AuditPage {
  const conditions: SQL[] = [];
  if (filter.chartId !== undefined) conditions.push(eq(auditLog.chartId, filter.chartId));
  if (filter.scheduleId !== undefined) conditions.push(eq(auditLog.scheduleId, filter.scheduleId));
  if (filter.action !== undefined) conditions.push(eq(auditLog.action, filter.action));
  if (filter.since !== undefined) conditions.push(gte(auditLog.at, filter.since));
  if (filter.until !== undefined) conditions.push(lt(auditLog.at, filter.until));
  const where = and(...conditions);
  const limit = Math.min(
    Math.max(1, Math.trunc(filter.limit ?? AUDIT_LIST_DEFAULT_LIMIT)),
    AUDIT_LIST_MAX_LIMIT,
  );
  // Entries outlive what they describe: the screen links to an execution or a schedule only while it exists.
  const items: AuditListItem[] = database.db
    .select({
      entry: auditLog,
      executionExists: sql<number>`EXISTS (SELECT 1 FROM ${chartSyncExecutions} WHERE ${chartSyncExecutions.id} = ${auditLog.executionId})`,
      scheduleExists: sql<number>`EXISTS (SELECT 1 FROM ${chartSyncSchedules} WHERE ${chartSyncSchedules.id} = ${auditLog.scheduleId})`,
    })
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
    .offset(Math.max(0, Math.trunc(filter.offset ?? 0)))
    .all()
    .map((row) => ({
      ...toAuditEntryView(row.entry),
      executionExists: Boolean(row.executionExists),
      scheduleExists: Boolean(row.scheduleExists),
    }));
  const total = database.db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  return { items, total };
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
    .map(toAuditEntryView);
}

function toAuditEntryView(row: AuditRow): AuditEntryView {
  return {
    id: row.id,
    at: row.at,
    // Written only through recordAudit, whose input types hold these to the known values.
    action: row.action as AuditAction,
    chartId: row.chartId,
    chartSlug: row.chartSlug,
    scheduleId: row.scheduleId,
    executionId: row.executionId,
    trigger: row.trigger as AuditTrigger | null,
    actor: row.actor as AuditActor | null,
    result: row.result as AuditResult,
    message: row.message,
    detail: parseDetail(row.detailJson),
  };
}

function parseDetail(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { value };
  } catch {
    // A hand-edited or truncated row must not make the whole log unreadable.
    return { raw: json };
  }
}
