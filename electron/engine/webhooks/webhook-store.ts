import { desc, eq } from 'drizzle-orm';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../../../shared/domain/alert-kinds';
import type { WebhookAttemptView, WebhookDeliveryView, WebhookView } from '../../../shared/views/webhook';
import type { AppDatabase } from '../db/open-database';
import { webhookDeliveries, webhooks } from '../db/schema';

export type WebhookRow = typeof webhooks.$inferSelect;
type DeliveryRow = typeof webhookDeliveries.$inferSelect;

/** A delivery to queue: the body is final (signed and sent as is, on every attempt). */
export type NewDelivery = { webhookId: number; url: string; event: string; body: string };

const KNOWN_EVENTS: ReadonlySet<string> = new Set(WEBHOOK_EVENTS);

/** What the database holds, read defensively: an event name no longer known is dropped rather than sent. */
export function eventsOf(row: Pick<WebhookRow, 'eventsJson'>): WebhookEvent[] {
  try {
    const parsed: unknown = JSON.parse(row.eventsJson);
    return Array.isArray(parsed) ? (parsed.filter((e) => KNOWN_EVENTS.has(String(e))) as WebhookEvent[]) : [];
  } catch {
    return [];
  }
}

export function insertWebhook(
  database: AppDatabase,
  values: { url: string; secretCiphertext: string; events: WebhookEvent[]; createdBy: string },
  now: number,
): WebhookRow {
  return (
    database.db
      .insert(webhooks)
      .values({
        url: values.url,
        secretCiphertext: values.secretCiphertext,
        eventsJson: JSON.stringify(values.events),
        createdBy: values.createdBy,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      // all(), not get(): get() stops at the row, and a commit that then fails (a full disk) would go unseen.
      .all()[0]!
  );
}

export function getWebhook(database: AppDatabase, id: number): WebhookRow | undefined {
  return database.db.select().from(webhooks).where(eq(webhooks.id, id)).get();
}

type ListRow = WebhookRow & { pending: number; delivered: number; failed: number };

/** Every webhook with its delivery counts, in one query. */
export function listWebhooks(database: AppDatabase): WebhookView[] {
  const rows = database.sqlite
    .prepare(
      `SELECT w.id, w.url, w.events_json AS eventsJson, w.is_active AS isActive, w.created_by AS createdBy,
              w.created_at AS createdAt,
              COALESCE(SUM(d.status = 'pending'), 0) AS pending,
              COALESCE(SUM(d.status = 'delivered'), 0) AS delivered,
              COALESCE(SUM(d.status = 'failed'), 0) AS failed
       FROM webhooks w LEFT JOIN webhook_deliveries d ON d.webhook_id = w.id
       GROUP BY w.id ORDER BY w.id`,
    )
    .all() as (Omit<ListRow, 'isActive'> & { isActive: number })[];
  return rows.map((row) => ({
    id: row.id,
    url: row.url,
    events: eventsOf(row),
    isActive: row.isActive === 1,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    deliveries: { pending: row.pending, delivered: row.delivered, failed: row.failed },
  }));
}

/** Active subscriptions, for matching an event (a handful of rows: read at each event, never cached stale). */
export function activeWebhooks(database: AppDatabase): { id: number; url: string; events: WebhookEvent[] }[] {
  return database.db
    .select({ id: webhooks.id, url: webhooks.url, eventsJson: webhooks.eventsJson })
    .from(webhooks)
    .where(eq(webhooks.isActive, true))
    .all()
    .map((row) => ({ id: row.id, url: row.url, events: eventsOf(row) }));
}

/**
 * Removes a subscription. Its delivery log stays (the URL is copied on each delivery); what was still waiting
 * is closed as failed, since nothing may be sent for a webhook the operator removed.
 */
export function removeWebhook(database: AppDatabase, id: number, now: number): boolean {
  return database.sqlite.transaction(() => {
    database.sqlite
      .prepare(
        `UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, updated_at = ?,
           last_error = 'The webhook was removed before this was delivered.'
         WHERE webhook_id = ? AND status = 'pending'`,
      )
      .run(now, id);
    return database.sqlite.prepare('DELETE FROM webhooks WHERE id = ?').run(id).changes === 1;
  })();
}

/** Queues deliveries in one transaction; each is due at once. Returns their ids. */
export function insertDeliveries(database: AppDatabase, deliveries: NewDelivery[], now: number): number[] {
  const insert = database.sqlite.prepare(
    `INSERT INTO webhook_deliveries (webhook_id, url, event, body, status, attempts, next_attempt_at, created_at, updated_at)
     VALUES (@webhookId, @url, @event, @body, 'pending', 0, @now, @now, @now)`,
  );
  return database.sqlite.transaction(() =>
    deliveries.map((delivery) => Number(insert.run({ ...delivery, now }).lastInsertRowid)),
  )();
}

/** One webhook's deliveries, newest first, with their attempts: two queries, whatever the count. */
export function listDeliveries(
  database: AppDatabase,
  webhookId: number,
  limit: number,
): WebhookDeliveryView[] {
  const rows = database.db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.webhookId, webhookId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit)
    .all();
  return withAttempts(database, rows);
}

export function getDelivery(database: AppDatabase, id: number): WebhookDeliveryView | undefined {
  const row = database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).get();
  return row ? withAttempts(database, [row])[0] : undefined;
}

function withAttempts(database: AppDatabase, rows: DeliveryRow[]): WebhookDeliveryView[] {
  const byDelivery = new Map<number, WebhookAttemptView[]>();
  if (rows.length > 0) {
    const attempts = database.sqlite
      .prepare(
        `SELECT delivery_id AS deliveryId, attempt, at AS attemptedAt, status_code AS statusCode, error,
                duration_ms AS durationMs
         FROM webhook_delivery_attempts WHERE delivery_id IN (SELECT value FROM json_each(?))
         ORDER BY delivery_id, attempt`,
      )
      .all(JSON.stringify(rows.map((row) => row.id))) as (WebhookAttemptView & { deliveryId: number })[];
    for (const { deliveryId, ...attempt } of attempts) {
      const list = byDelivery.get(deliveryId) ?? [];
      list.push(attempt);
      byDelivery.set(deliveryId, list);
    }
  }
  return rows.map((row) => ({
    id: row.id,
    webhookId: row.webhookId,
    url: row.url,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    // A claimed delivery's lease is not a time the operator needs: only a pending one waits for a next attempt.
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt : null,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    deliveredAt: row.deliveredAt,
    createdAt: row.createdAt,
    log: byDelivery.get(row.id) ?? [],
  }));
}
