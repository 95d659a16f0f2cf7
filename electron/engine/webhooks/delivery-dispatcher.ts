import type { LookupFunction } from 'node:net';
import { backoffDelayMs } from '../../../shared/domain/backoff';
import {
  WEBHOOK_BACKOFF,
  WEBHOOK_CONCURRENCY,
  WEBHOOK_LEASE_MARGIN_MS,
  WEBHOOK_MAX_ATTEMPTS,
  WEBHOOK_TIMEOUT_MS,
  type BackoffPolicy,
} from '../../../shared/domain/policies';
import type { AppDatabase } from '../db/open-database';
import type { SecretBox } from './secret-box';
import { sendWebhook, type AttemptOutcome, type SendRequest } from './send-webhook';

export type DeliveryPolicy = {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  timeoutMs: number;
  backoff: BackoffPolicy;
  concurrency: number;
  /** A claimed delivery is left alone by other processes for the timeout plus this margin. */
  leaseMarginMs: number;
};

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  maxAttempts: WEBHOOK_MAX_ATTEMPTS,
  timeoutMs: WEBHOOK_TIMEOUT_MS,
  backoff: WEBHOOK_BACKOFF,
  concurrency: WEBHOOK_CONCURRENCY,
  leaseMarginMs: WEBHOOK_LEASE_MARGIN_MS,
};

export type DispatcherOptions = {
  database: AppDatabase;
  secrets: SecretBox;
  now: () => number;
  policy: DeliveryPolicy;
  lookup: LookupFunction;
  random?: () => number;
  send?: (request: SendRequest) => Promise<AttemptOutcome>;
  /** After each attempt is recorded: the delivery log of this webhook changed. */
  onAttempt?: (webhookId: number) => void;
  report(error: unknown): void;
};

type DueRow = {
  id: number;
  webhookId: number;
  url: string;
  event: string;
  body: string;
  attempts: number;
  secretCiphertext: string;
};

/** Timers cannot wait longer than this; a later retry is simply looked at again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Sends queued deliveries as soon as they are queued (woken by each insert, not by the scheduler's tick), and
 * retries failures with backoff until they succeed or use up their attempts. Every attempt is logged. The queue
 * is the database: pending deliveries outlive the process, and a claim (a lease on `next_attempt_at`) keeps two
 * processes on one database from sending the same delivery at once. Delivery is at least once.
 */
export class DeliveryDispatcher {
  private closed = false;
  private passQueued = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly inFlight = new Map<number, Promise<void>>();
  private readonly stopping = new AbortController();
  /** Deliveries queued by this process: what a one-shot host waits for before it exits. */
  private readonly owned = new Set<number>();
  private readonly waiters = new Set<() => void>();
  private readonly statements;

  constructor(private readonly options: DispatcherOptions) {
    const { sqlite } = options.database;
    this.statements = {
      due: sqlite.prepare(
        `SELECT d.id, d.webhook_id AS webhookId, d.url, d.event, d.body, d.attempts, w.secret_ciphertext AS secretCiphertext
         FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
         WHERE d.status = 'pending' AND d.next_attempt_at <= @now
         ORDER BY d.next_attempt_at, d.id LIMIT @limit`,
      ),
      claim: sqlite.prepare(
        `UPDATE webhook_deliveries SET next_attempt_at = @lease, updated_at = @now
         WHERE id = @id AND status = 'pending' AND next_attempt_at <= @now`,
      ),
      release: sqlite.prepare(
        `UPDATE webhook_deliveries SET next_attempt_at = @now, updated_at = @now WHERE id = @id AND status = 'pending'`,
      ),
      nextAt: sqlite.prepare(
        `SELECT MIN(next_attempt_at) AS at FROM webhook_deliveries WHERE status = 'pending'`,
      ),
      ownedPending: sqlite.prepare(
        `SELECT id, next_attempt_at AS nextAttemptAt FROM webhook_deliveries
         WHERE status = 'pending' AND id IN (SELECT value FROM json_each(?))`,
      ),
      attempt: sqlite.prepare(
        `INSERT INTO webhook_delivery_attempts (delivery_id, attempt, at, status_code, error, duration_ms)
         VALUES (@id, @attempt, @at, @statusCode, @error, @durationMs)`,
      ),
      outcome: sqlite.prepare(
        `UPDATE webhook_deliveries SET status = @status, attempts = @attempt, next_attempt_at = @nextAttemptAt,
           last_status_code = @statusCode, last_error = @error, delivered_at = @deliveredAt, updated_at = @now
         WHERE id = @id AND status = 'pending'`,
      ),
    };
  }

  /** Looks for due deliveries soon (after the current transaction commits). */
  kick(): void {
    if (this.closed || this.passQueued) return;
    this.passQueued = true;
    setImmediate(() => {
      this.passQueued = false;
      this.pass();
    });
  }

  /** Deliveries just queued by this process: sent at once, and waited for by settle(). */
  queued(ids: readonly number[]): void {
    for (const id of ids) this.owned.add(id);
    this.kick();
  }

  /**
   * For one-shot hosts: waits until this process's deliveries are delivered, failed for good or waiting for a
   * retry later than `maxWaitMs` from now, or until `maxWaitMs` has passed. What is still pending stays queued
   * for the next Chart Sync that runs.
   */
  async settle(maxWaitMs: number): Promise<void> {
    const deadline = performance.now() + maxWaitMs;
    for (;;) {
      const left = deadline - performance.now();
      if (left <= 0 || this.closed) return;
      const pending = this.ownedPending();
      if (pending.length === 0) return;
      const now = this.options.now();
      const busy = pending.some((row) => this.inFlight.has(row.id) || row.nextAttemptAt <= now + left);
      if (!busy) return;
      await this.nextChange(left);
    }
  }

  /** Stops sending: requests in flight are aborted and their deliveries left pending (not counted as attempts). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stopping.abort();
    await Promise.allSettled([...this.inFlight.values()]);
    this.notify();
  }

  private pass(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    try {
      const { concurrency } = this.options.policy;
      const now = this.options.now();
      if (this.inFlight.size < concurrency) {
        const rows = this.statements.due.all({ now, limit: concurrency + this.inFlight.size }) as DueRow[];
        for (const row of rows) {
          if (this.inFlight.size >= concurrency) break;
          if (this.inFlight.has(row.id)) continue;
          const lease = now + this.options.policy.timeoutMs + this.options.policy.leaseMarginMs;
          // Another process may have claimed it since the read: only the one whose update lands sends it.
          if (this.statements.claim.run({ id: row.id, lease, now }).changes !== 1) continue;
          const sending = this.deliver(row, now).finally(() => {
            this.inFlight.delete(row.id);
            this.notify();
            this.kick();
          });
          this.inFlight.set(row.id, sending);
        }
      }
      this.arm(now);
    } catch (error) {
      this.options.report(error);
    }
  }

  /** Wakes for the earliest retry (or another process's expired lease). */
  private arm(now: number): void {
    const { at } = this.statements.nextAt.get() as { at: number | null };
    if (at === null) return;
    const delay = Math.min(Math.max(at - now, 0), MAX_TIMER_MS);
    this.timer = setTimeout(() => this.pass(), delay);
    // A retry hours away must not keep a one-shot CLI alive.
    this.timer.unref();
  }

  private async deliver(row: DueRow, startedAt: number): Promise<void> {
    const { policy } = this.options;
    let secret: string;
    try {
      secret = this.options.secrets.decrypt(row.secretCiphertext);
    } catch (error) {
      // Retrying cannot bring a lost key back: fail now, saying what to do.
      const message = error instanceof Error ? error.message : String(error);
      this.record(row, startedAt, { ok: false, statusCode: null, error: message, durationMs: 0 }, true);
      return;
    }
    const outcome = await (this.options.send ?? sendWebhook)({
      url: row.url,
      event: row.event,
      body: row.body,
      secret,
      timeoutMs: policy.timeoutMs,
      lookup: this.options.lookup,
      signal: this.stopping.signal,
    });
    if (outcome.aborted) {
      this.statements.release.run({ id: row.id, now: this.options.now() });
      return;
    }
    this.record(row, startedAt, outcome, false);
  }

  /** The attempt and where the delivery now stands, in one transaction. */
  private record(row: DueRow, at: number, outcome: AttemptOutcome, final: boolean): void {
    const { policy } = this.options;
    const attempt = row.attempts + 1;
    const now = this.options.now();
    const exhausted = final || attempt >= policy.maxAttempts;
    const status = outcome.ok ? 'delivered' : exhausted ? 'failed' : 'pending';
    const nextAttemptAt =
      status === 'pending' ? now + backoffDelayMs(attempt, policy.backoff, this.options.random) : null;
    try {
      this.options.database.sqlite.transaction(() => {
        this.statements.attempt.run({
          id: row.id,
          attempt,
          at,
          statusCode: outcome.statusCode,
          error: outcome.error,
          durationMs: outcome.durationMs,
        });
        this.statements.outcome.run({
          id: row.id,
          status,
          attempt,
          nextAttemptAt,
          statusCode: outcome.statusCode,
          error: outcome.error,
          deliveredAt: outcome.ok ? now : null,
          now,
        });
      })();
      this.options.onAttempt?.(row.webhookId);
    } catch (error) {
      this.options.report(error);
    }
  }

  private ownedPending(): { id: number; nextAttemptAt: number }[] {
    if (this.owned.size === 0) return [];
    const rows = this.statements.ownedPending.all(JSON.stringify([...this.owned])) as {
      id: number;
      nextAttemptAt: number;
    }[];
    const still = new Set(rows.map((row) => row.id));
    for (const id of this.owned) if (!still.has(id)) this.owned.delete(id);
    return rows;
  }

  /** Resolves at the next finished attempt, or after `ms`. */
  private nextChange(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }

  private notify(): void {
    for (const wake of [...this.waiters]) wake();
  }
}
