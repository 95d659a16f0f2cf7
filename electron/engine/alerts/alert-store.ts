import { and, count, desc, eq, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { AlertDecision, AlertDraft } from '../../../shared/domain/alert-rules';
import type { AlertKind } from '../../../shared/domain/alert-kinds';
import { ChartSyncError } from '../../../shared/errors';
import type { AlertPage, AlertView } from '../../../shared/views/alert';
import type { AppDatabase } from '../db/open-database';
import { alerts } from '../db/schema';

type AlertRow = typeof alerts.$inferSelect;

export type AlertFilter = {
  unread?: boolean | undefined;
  kind?: AlertKind | undefined;
  scheduleId?: number | undefined;
  limit: number;
  offset: number;
};

/** What recording a decision changed: the alerts that are new (not folded repeats), and whether anything did. */
export type Recorded = { raised: AlertView[]; changed: boolean };

/**
 * The alerts table. Recording runs in one transaction with prepared statements: a repeat of an open condition
 * (same fold key, the partial unique index allows one open row per key) adds to its count instead of a new row.
 */
export class AlertStore {
  private readonly statements;

  constructor(private readonly database: AppDatabase) {
    const { sqlite } = database;
    this.statements = {
      fold: sqlite.prepare(
        `UPDATE alerts SET count = count + 1, last_seen_at = @at, message = @message, updated_at = @at,
           execution_id = coalesce(@executionId, execution_id), schedule_id = coalesce(@scheduleId, schedule_id)
         WHERE fold_key = @foldKey AND resolved_at IS NULL`,
      ),
      // An execution's ending heard again (a replayed event) is not a repeat of the condition.
      counted: sqlite.prepare(`SELECT 1 FROM alerts WHERE fold_key = ? AND execution_id = ? LIMIT 1`),
      insert: sqlite.prepare(
        `INSERT INTO alerts (kind, severity, fold_key, schedule_id, execution_id, chart_id, chart_slug, chart_name,
           message, count, last_seen_at, resolved_at, created_at, updated_at)
         SELECT @kind, @severity, @foldKey, @scheduleId, @executionId, @chartId, c.slug, c.name,
           @message, 1, @at, @resolvedAt, @at, @at
         FROM (SELECT 1) LEFT JOIN charts c ON c.id = @chartId`,
      ),
      resolve: sqlite.prepare(
        `UPDATE alerts SET resolved_at = @at, updated_at = @at WHERE fold_key = @foldKey AND resolved_at IS NULL`,
      ),
      openKeys: sqlite.prepare(`SELECT fold_key AS foldKey FROM alerts WHERE resolved_at IS NULL`),
      unread: sqlite.prepare(`SELECT count(*) AS n FROM alerts WHERE read_at IS NULL`),
    };
  }

  /** Records the raised alerts (new or folded) and resolves ended conditions, in one transaction. */
  record(decision: AlertDecision, at: number): Recorded {
    const { fold, counted, insert, resolve } = this.statements;
    const newIds: number[] = [];
    let changed = false;
    this.database.sqlite.transaction(() => {
      for (const key of decision.resolve) {
        if (resolve.run({ foldKey: key, at }).changes > 0) changed = true;
      }
      for (const alert of decision.raise) {
        const params = toParams(alert, at);
        if (alert.executionId !== null && counted.get(alert.foldKey, alert.executionId)) continue;
        if (!alert.resolved && fold.run(params).changes > 0) {
          changed = true;
          continue;
        }
        newIds.push(Number(insert.run(params).lastInsertRowid));
        changed = true;
      }
    })();
    const raised =
      newIds.length === 0
        ? []
        : this.database.db.select().from(alerts).where(inArray(alerts.id, newIds)).all().map(toAlertView);
    return { raised, changed };
  }

  /** The alerts among `ids` that are resolved now. */
  resolvedAmong(ids: readonly number[]): Set<number> {
    if (ids.length === 0) return new Set();
    const rows = this.database.db
      .select({ id: alerts.id })
      .from(alerts)
      .where(and(inArray(alerts.id, [...ids]), isNotNull(alerts.resolvedAt)))
      .all();
    return new Set(rows.map((row) => row.id));
  }

  openKeys(): Set<string> {
    return new Set((this.statements.openKeys.all() as { foldKey: string }[]).map((r) => r.foldKey));
  }

  unreadCount(): number {
    return (this.statements.unread.get() as { n: number }).n;
  }

  list(filter: AlertFilter): AlertPage {
    const { db } = this.database;
    const conditions: SQL[] = [];
    if (filter.unread === true) conditions.push(isNull(alerts.readAt));
    if (filter.unread === false) conditions.push(isNotNull(alerts.readAt));
    if (filter.kind) conditions.push(eq(alerts.kind, filter.kind));
    if (filter.scheduleId !== undefined) conditions.push(eq(alerts.scheduleId, filter.scheduleId));
    const where = conditions.length > 0 ? and(...conditions) : undefined;
    const rows = db
      .select()
      .from(alerts)
      .where(where)
      .orderBy(desc(alerts.createdAt), desc(alerts.id))
      .limit(filter.limit)
      .offset(filter.offset)
      .all();
    const total = db.select({ n: count() }).from(alerts).where(where).get()?.n ?? 0;
    return { alerts: rows.map(toAlertView), total, unread: this.unreadCount() };
  }

  /** Marks alerts read; unknown ids are refused by name before anything changes. Returns how many changed. */
  markRead(target: { ids: number[] } | { all: true }, at: number): number {
    const { db } = this.database;
    if ('all' in target) {
      return db.update(alerts).set({ readAt: at, updatedAt: at }).where(isNull(alerts.readAt)).run().changes;
    }
    return this.database.sqlite.transaction(() => {
      const found = new Set(
        db
          .select({ id: alerts.id })
          .from(alerts)
          .where(inArray(alerts.id, target.ids))
          .all()
          .map((r) => r.id),
      );
      const missing = target.ids.filter((id) => !found.has(id));
      if (missing.length > 0) {
        throw new ChartSyncError(
          'not_found',
          `No alert ${missing.join(', ')}: nothing was marked read. List them with \`chart-sync alerts\`.`,
        );
      }
      return db
        .update(alerts)
        .set({ readAt: at, updatedAt: at })
        .where(and(inArray(alerts.id, target.ids), isNull(alerts.readAt)))
        .run().changes;
    })();
  }
}

function toParams(alert: AlertDraft, at: number) {
  return {
    kind: alert.kind,
    severity: alert.severity,
    foldKey: alert.foldKey,
    scheduleId: alert.scheduleId,
    executionId: alert.executionId,
    chartId: alert.chartId,
    message: alert.message,
    resolvedAt: alert.resolved ? at : null,
    at,
  };
}

export function toAlertView(row: AlertRow): AlertView {
  return {
    id: row.id,
    kind: row.kind,
    severity: row.severity,
    scheduleId: row.scheduleId,
    executionId: row.executionId,
    chart:
      row.chartId === null
        ? null
        : { id: row.chartId, slug: row.chartSlug ?? '', name: row.chartName ?? `Chart ${row.chartId}` },
    message: row.message,
    count: row.count,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    readAt: row.readAt,
    resolvedAt: row.resolvedAt,
  };
}
