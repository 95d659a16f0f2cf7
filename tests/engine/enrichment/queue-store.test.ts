import { describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../../electron/engine/db/open-database';
import {
  claimTasks,
  completeTask,
  enqueueAudience,
  enqueueMetadata,
  failTask,
  listOpenTasks,
  nextRunAfter,
  queueCounts,
  recoverInterrupted,
  releaseTask,
  retryOrFailTask,
} from '../../../electron/engine/enrichment/queue-store';
import {
  enqueueStaleMetadata,
  songsNeedingMetadata,
} from '../../../electron/engine/enrichment/stale-metadata';
import { backoffDelayMs } from '../../../shared/domain/backoff';
import {
  DAY_MS,
  ENRICHMENT_FAILED_COOLDOWN_MS,
  ENRICHMENT_RETRY_POLICY,
  METADATA_MAX_AGE_MS,
} from '../../../shared/domain/policies';
import { insertSong, NOW, songUuids } from './setup';

const memory = (): AppDatabase => openDatabase({ file: ':memory:', now: () => NOW });
const subjects = (database: AppDatabase) => listOpenTasks(database).map((task) => task.subject);

describe('which songs need metadata', () => {
  it('queues new and stale songs, not fresh ones, and never one twice', () => {
    const database = memory();
    const [never, stale, exactlyAtLimit, fresh, unknown] = songUuids(5);
    insertSong(database, never!);
    insertSong(database, stale!, NOW - METADATA_MAX_AGE_MS - 1);
    insertSong(database, exactlyAtLimit!, NOW - METADATA_MAX_AGE_MS);
    insertSong(database, fresh!, NOW - DAY_MS);
    const period = [never!, stale!, exactlyAtLimit!, fresh!, unknown!, never!];

    expect(songsNeedingMetadata(database, period, NOW)).toEqual([never, stale, unknown]);
    expect(enqueueStaleMetadata(database, period, NOW)).toBe(3);
    // The next period holds the same songs: their tasks are still open.
    expect(enqueueStaleMetadata(database, period, NOW)).toBe(0);
    expect(subjects(database)).toEqual([never, stale, unknown]);
    expect(queueCounts(database)).toEqual({ queued: 3, running: 0, failed: 0 });
  });

  it('queues a song again once its task is done and its metadata has aged', () => {
    const database = memory();
    const [uuid] = songUuids(1);
    insertSong(database, uuid!);
    enqueueStaleMetadata(database, [uuid!], NOW);
    const [task] = claimTasks(database, 1, NOW);
    database.sqlite.prepare('UPDATE songs SET metadata_fetched_at = ? WHERE uuid = ?').run(NOW, uuid);
    completeTask(database, task!, NOW);
    expect(enqueueStaleMetadata(database, [uuid!], NOW + DAY_MS)).toBe(0);
    expect(enqueueStaleMetadata(database, [uuid!], NOW + METADATA_MAX_AGE_MS + 1)).toBe(1);
  });

  it('leaves a song whose task failed for good alone for a day', () => {
    const database = memory();
    const [uuid] = songUuids(1);
    enqueueStaleMetadata(database, [uuid!], NOW);
    const [task] = claimTasks(database, 1, NOW);
    failTask(database, task!, 'not_found: Not found.', NOW);
    expect(enqueueStaleMetadata(database, [uuid!], NOW + 1)).toBe(0);
    expect(enqueueStaleMetadata(database, [uuid!], NOW + ENRICHMENT_FAILED_COOLDOWN_MS + 1)).toBe(1);
  });
});

describe('the task queue', () => {
  it('claims ready tasks atomically, audience reads before the metadata backlog', () => {
    const database = memory();
    const metadata = songUuids(3);
    enqueueMetadata(database, metadata, NOW);
    expect(enqueueAudience(database, metadata[0]!, ['spotify', 'youtube', 'spotify'], NOW)).toEqual([
      'spotify',
      'youtube',
    ]);
    expect(enqueueAudience(database, metadata[0]!, ['spotify', 'shazam'], NOW)).toEqual(['shazam']);

    const first = claimTasks(database, 2, NOW);
    expect(first.map((task) => [task.kind, task.platform, task.attempts])).toEqual([
      ['song_audience', 'spotify', 1],
      ['song_audience', 'youtube', 1],
    ]);
    const rest = claimTasks(database, 10, NOW);
    expect(rest.map((task) => task.kind)).toEqual([
      'song_audience',
      'song_metadata',
      'song_metadata',
      'song_metadata',
    ]);
    expect(claimTasks(database, 10, NOW)).toEqual([]);
    expect(queueCounts(database)).toEqual({ queued: 0, running: 6, failed: 0 });
  });

  it('retries with backoff while attempts remain, then fails for good', () => {
    const database = memory();
    enqueueMetadata(database, songUuids(1), NOW);
    let now = NOW;
    for (let attempt = 1; attempt < ENRICHMENT_RETRY_POLICY.maxAttempts; attempt += 1) {
      const [task] = claimTasks(database, 1, now);
      expect(task?.attempts).toBe(attempt);
      expect(
        retryOrFailTask(database, task!, 'server_error: boom', now, ENRICHMENT_RETRY_POLICY, () => 0.5),
      ).toBe('retrying');
      const delay = backoffDelayMs(attempt, ENRICHMENT_RETRY_POLICY, () => 0.5);
      expect(nextRunAfter(database)).toBe(now + delay);
      // Not ready one millisecond early.
      expect(claimTasks(database, 1, now + delay - 1)).toEqual([]);
      now += delay;
    }
    const [last] = claimTasks(database, 1, now);
    expect(retryOrFailTask(database, last!, 'server_error: boom', now)).toBe('failed');
    const row = database.sqlite.prepare('SELECT * FROM task_queue').get() as Record<string, unknown>;
    expect(row).toMatchObject({
      status: 'failed',
      attempts: ENRICHMENT_RETRY_POLICY.maxAttempts,
      last_error: 'server_error: boom',
      completed_at: now,
    });
    expect(queueCounts(database)).toEqual({ queued: 0, running: 0, failed: 1 });
  });

  it('gives the attempt back when a task is released or interrupted', () => {
    const database = memory();
    enqueueMetadata(database, songUuids(3), NOW);
    const [a, b] = claimTasks(database, 2, NOW);
    releaseTask(database, a!, 'auth: You are not logged in.', NOW);
    expect(queueCounts(database)).toEqual({ queued: 2, running: 1, failed: 0 });
    expect(recoverInterrupted(database, NOW)).toBe(1);
    const rows = database.sqlite
      .prepare('SELECT id, status, attempts, last_error FROM task_queue ORDER BY id')
      .all() as { id: number; status: string; attempts: number; last_error: string | null }[];
    expect(rows.map((row) => [row.status, row.attempts])).toEqual([
      ['queued', 0],
      ['queued', 0],
      ['queued', 0],
    ]);
    expect(rows.find((row) => row.id === a!.id)?.last_error).toMatch(/^auth/);
    expect(rows.find((row) => row.id === b!.id)?.last_error).toBeNull();
  });

  it('forgets earlier failures of a song once a fetch succeeds', () => {
    const database = memory();
    const [uuid] = songUuids(1);
    enqueueMetadata(database, [uuid!], NOW);
    failTask(database, claimTasks(database, 1, NOW)[0]!, 'transient: reset', NOW);
    enqueueMetadata(database, [uuid!], NOW + 1);
    expect(queueCounts(database)).toEqual({ queued: 1, running: 0, failed: 1 });
    completeTask(database, claimTasks(database, 1, NOW + 1)[0]!, NOW + 2);
    expect(queueCounts(database)).toEqual({ queued: 0, running: 0, failed: 0 });
  });
});
