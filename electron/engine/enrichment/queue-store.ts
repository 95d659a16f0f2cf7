import type Database from 'better-sqlite3';
import { and, asc, eq, inArray, min, sql } from 'drizzle-orm';
import { backoffDelayMs } from '../../../shared/domain/backoff';
import { ENRICHMENT_RETRY_POLICY, type BackoffPolicy } from '../../../shared/domain/policies';
import type { QueueCounts } from '../../../shared/contract/events';
import type { AppDatabase } from '../db/open-database';
import { taskQueue, type QueueTaskKind } from '../db/schema';
import { preparedPer } from '../db/prepared';

/**
 * The persistent queue of metadata and audience fetches (`task_queue`). Every transition is one SQL statement
 * or one transaction, so a crash leaves each task either before or after a step, never half-way; whatever was
 * `running` when the process died is put back by `recoverInterrupted()` at start-up.
 */

export type QueueTask = {
  readonly id: number;
  readonly kind: QueueTaskKind;
  /** The song's Soundcharts uuid. */
  readonly subject: string;
  /** '' for metadata. */
  readonly platform: string;
  /** Attempts including the one just claimed. */
  readonly attempts: number;
  readonly maxAttempts: number;
};

/** Metadata tasks have no platform; the column is '' rather than NULL so that the unique index applies. */
export const NO_PLATFORM = '';

/**
 * On-demand audience reads have someone waiting on a screen, while metadata arrives by the hundred after each
 * stored period: audience tasks are queued as ready since the epoch, so `ORDER BY run_after` (the ready index's
 * own order) takes them before the metadata backlog.
 */
const AUDIENCE_RUN_AFTER = 0;

type Statements = {
  insert: Database.Statement<[string, string, string, number, number, number, number]>;
};

/** Prepared once per connection: enqueueing runs after every stored period. */
const statements = preparedPer((sqlite: Database.Database): Statements => {
  return {
    // ON CONFLICT DO NOTHING applies to the partial unique index: a song with an open task is skipped.
    // (Not OR IGNORE, which would also swallow CHECK and NOT NULL violations.)
    insert: sqlite.prepare<[string, string, string, number, number, number, number]>(
      `INSERT INTO task_queue (kind, subject, platform, status, max_attempts, run_after, created_at, updated_at)
       VALUES (?, ?, ?, 'queued', ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    ),
  };
});

/** Queues a metadata fetch for each song without an open one; returns how many were queued. */
export function enqueueMetadata(
  database: AppDatabase,
  songUuids: readonly string[],
  now: number,
  maxAttempts: number = ENRICHMENT_RETRY_POLICY.maxAttempts,
): number {
  const { insert } = statements(database.sqlite);
  let queued = 0;
  database.sqlite.transaction(() => {
    for (const uuid of new Set(songUuids)) {
      queued += insert.run('song_metadata', uuid, NO_PLATFORM, maxAttempts, now, now, now).changes;
    }
  })();
  return queued;
}

/** Queues an audience fetch per platform without an open one; returns the platforms queued now. */
export function enqueueAudience(
  database: AppDatabase,
  songUuid: string,
  platforms: readonly string[],
  now: number,
  maxAttempts: number = ENRICHMENT_RETRY_POLICY.maxAttempts,
): string[] {
  const { insert } = statements(database.sqlite);
  const queued: string[] = [];
  database.sqlite.transaction(() => {
    for (const platform of new Set(platforms)) {
      const { changes } = insert.run(
        'song_audience',
        songUuid,
        platform,
        maxAttempts,
        AUDIENCE_RUN_AFTER,
        now,
        now,
      );
      if (changes > 0) queued.push(platform);
    }
  })();
  return queued;
}

/** Takes up to `limit` ready tasks in one statement: two runners can never claim the same task. */
export function claimTasks(database: AppDatabase, limit: number, now: number): QueueTask[] {
  if (limit <= 0) return [];
  const rows = database.sqlite
    .prepare<[number, number, number], RawTask>(
      `UPDATE task_queue SET status = 'running', attempts = attempts + 1, updated_at = ?
       WHERE id IN (SELECT id FROM task_queue WHERE status = 'queued' AND run_after <= ?
                    ORDER BY run_after, id LIMIT ?)
       RETURNING id, kind, subject, platform, attempts, max_attempts, run_after`,
    )
    .all(now, now, limit);
  // RETURNING does not promise the subquery's order: hand tasks out in queue order.
  return rows.sort((a, b) => a.run_after - b.run_after || a.id - b.id).map(toTask);
}

type RawTask = {
  id: number;
  kind: QueueTaskKind;
  subject: string;
  platform: string;
  attempts: number;
  max_attempts: number;
  run_after: number;
};

function toTask(row: RawTask): QueueTask {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    platform: row.platform,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
  };
}

/**
 * Marks a running task done. Earlier failures of the same song, kind and platform are superseded by this
 * success, so `failed` counts only what still has no data.
 */
export function completeTask(database: AppDatabase, task: QueueTask, now: number): void {
  database.db.transaction((tx) => {
    tx.update(taskQueue)
      .set({ status: 'done', lastError: null, completedAt: now, updatedAt: now })
      .where(and(eq(taskQueue.id, task.id), eq(taskQueue.status, 'running')))
      .run();
    tx.delete(taskQueue)
      .where(
        and(
          eq(taskQueue.kind, task.kind),
          eq(taskQueue.subject, task.subject),
          eq(taskQueue.platform, task.platform),
          eq(taskQueue.status, 'failed'),
        ),
      )
      .run();
  });
}

/** Fails a running task for good (no retry can help: the song does not exist, the request is refused). */
export function failTask(database: AppDatabase, task: QueueTask, message: string, now: number): void {
  database.db
    .update(taskQueue)
    .set({ status: 'failed', lastError: message, completedAt: now, updatedAt: now })
    .where(and(eq(taskQueue.id, task.id), eq(taskQueue.status, 'running')))
    .run();
}

/**
 * A failure that may pass: back to the queue after a backoff while attempts remain, else failed for good.
 * Returns what became of the task.
 */
export function retryOrFailTask(
  database: AppDatabase,
  task: QueueTask,
  message: string,
  now: number,
  policy: BackoffPolicy = ENRICHMENT_RETRY_POLICY,
  random: () => number = Math.random,
): 'retrying' | 'failed' {
  if (task.attempts >= task.maxAttempts) {
    failTask(database, task, message, now);
    return 'failed';
  }
  database.db
    .update(taskQueue)
    .set({
      status: 'queued',
      lastError: message,
      runAfter: now + backoffDelayMs(task.attempts, policy, random),
      updatedAt: now,
    })
    .where(and(eq(taskQueue.id, task.id), eq(taskQueue.status, 'running')))
    .run();
  return 'retrying';
}

/**
 * Puts a running task back as it was before it was claimed (the attempt is not spent), keeping the error: for
 * failures that are not the task's fault (credentials, plan, quota) and that stop the runner.
 */
export function releaseTask(database: AppDatabase, task: QueueTask, message: string, now: number): void {
  database.db
    .update(taskQueue)
    .set({
      status: 'queued',
      attempts: sql`MAX(${taskQueue.attempts} - 1, 0)`,
      lastError: message,
      updatedAt: now,
    })
    .where(and(eq(taskQueue.id, task.id), eq(taskQueue.status, 'running')))
    .run();
}

/**
 * At start-up, tasks left running by a previous process go back to the queue, ready at once. The interrupted
 * attempt is not counted: the process stopping is not the task's failure. Returns how many were recovered.
 */
export function recoverInterrupted(database: AppDatabase, now: number): number {
  return database.db
    .update(taskQueue)
    .set({ status: 'queued', attempts: sql`MAX(${taskQueue.attempts} - 1, 0)`, updatedAt: now })
    .where(eq(taskQueue.status, 'running'))
    .run().changes;
}

export function queueCounts(database: AppDatabase): QueueCounts {
  const rows = database.db
    .select({ status: taskQueue.status, count: sql<number>`COUNT(*)` })
    .from(taskQueue)
    .where(inArray(taskQueue.status, ['queued', 'running', 'failed']))
    .groupBy(taskQueue.status)
    .all();
  const counts: QueueCounts = { queued: 0, running: 0, failed: 0 };
  for (const row of rows) if (row.status !== 'done') counts[row.status] = row.count;
  return counts;
}

/** The earliest run_after of a queued task (possibly in the past), or null when nothing is queued. */
export function nextRunAfter(database: AppDatabase): number | null {
  const row = database.db
    .select({ at: min(taskQueue.runAfter) })
    .from(taskQueue)
    .where(eq(taskQueue.status, 'queued'))
    .get();
  return row?.at ?? null;
}

/** Queued tasks, ready first: for the CLI and tests. */
export function listOpenTasks(database: AppDatabase): (typeof taskQueue.$inferSelect)[] {
  return database.db
    .select()
    .from(taskQueue)
    .where(inArray(taskQueue.status, ['queued', 'running']))
    .orderBy(asc(taskQueue.runAfter), asc(taskQueue.id))
    .all();
}
