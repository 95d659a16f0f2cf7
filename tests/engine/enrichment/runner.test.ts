import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dayOf } from '../../../electron/emulator/dates';
import { listAudit } from '../../../electron/engine/audit/audit-log';
import { openDatabase } from '../../../electron/engine/db/open-database';
import { songs, taskQueue } from '../../../electron/engine/db/schema';
import type { EnrichmentRunner } from '../../../electron/engine/enrichment/enrichment-runner';
import {
  enqueueAudience,
  enqueueMetadata,
  queueCounts,
} from '../../../electron/engine/enrichment/queue-store';
import { enqueueStaleMetadata } from '../../../electron/engine/enrichment/stale-metadata';
import { EventBus } from '../../../electron/engine/events';
import type { SongMetadata } from '../../../electron/engine/soundcharts';
import { backoffDelayMs } from '../../../shared/domain/backoff';
import { ENRICHMENT_CONCURRENCY, ENRICHMENT_RETRY_POLICY } from '../../../shared/domain/policies';
import { useTempDir } from '../../support/database';
import { clientFor, TEST_TODAY, useEmulator } from '../../support/emulator';
import {
  catalogue,
  countingClient,
  harness,
  insertSong,
  NOW,
  recordEvents,
  songUuid,
  songUuids,
  UNKNOWN_SONG,
} from './setup';

const emulator = useEmulator();
const runners: EnrichmentRunner[] = [];
const tempDir = useTempDir();

afterEach(async () => {
  emulator.current.faults.reset();
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
});

function started(h: ReturnType<typeof harness>) {
  runners.push(h.runner);
  h.runner.start();
  return h;
}

const taskRows = (h: ReturnType<typeof harness>) =>
  h.database.db.select().from(taskQueue).orderBy(taskQueue.id).all();

describe('EnrichmentRunner: metadata', () => {
  it('stores what the emulator says about each song, and reports counts and updates', async () => {
    const h = harness(emulator.current);
    const uuids = songUuids(3);
    for (const uuid of uuids) insertSong(h.database, uuid);
    const seen = recordEvents(h.events, 'queue/updated', 'song/metadata-updated');
    expect(enqueueStaleMetadata(h.database, uuids, NOW)).toBe(3);
    started(h);
    await h.runner.idle();

    expect(
      seen
        .of('song/metadata-updated')
        .map((event) => event.songUuid)
        .sort(),
    ).toEqual([...uuids].sort());
    const counts = seen.of('queue/updated');
    expect(counts[0]).toEqual({ queued: 3, running: 0, failed: 0 });
    expect(counts).toContainEqual({ queued: 1, running: 2, failed: 0 });
    expect(counts.at(-1)).toEqual({ queued: 0, running: 0, failed: 0 });
    expect(queueCounts(h.database)).toEqual({ queued: 0, running: 0, failed: 0 });

    const offsets = { olderThanDays: null, today: dayOf(TEST_TODAY) };
    for (const [n, uuid] of uuids.entries()) {
      const expected = catalogue.metadata(catalogue.indexOf(songUuid(n))!, 'v2.25', offsets) as {
        name: string;
        creditName: string;
        isrc: { value: string; countryCode: string };
        releaseDate: string;
        duration: number;
        explicit: boolean;
        distributor: string;
        artists: { uuid: string; name: string }[];
        genres: { root: string }[];
        labels: { name: string }[];
        composers: string[];
        producers: string[];
      };
      const row = h.database.db
        .select()
        .from(songs)
        .all()
        .find((song) => song.uuid === uuid)!;
      expect(row).toMatchObject({
        name: expected.name,
        creditName: expected.creditName,
        isrc: expected.isrc.value,
        isrcCountryCode: expected.isrc.countryCode,
        releaseDate: expected.releaseDate,
        durationSeconds: expected.duration,
        explicit: expected.explicit,
        distributor: expected.distributor,
        metadataFetchedAt: NOW,
      });
      const artists = JSON.parse(row.artistsJson!) as SongMetadata['artists'];
      expect(artists.map((artist) => [artist.uuid, artist.name])).toEqual(
        expected.artists.map((artist) => [artist.uuid, artist.name]),
      );
      expect(JSON.parse(row.genresJson!)[0].root).toBe(expected.genres[0]!.root);
      expect(JSON.parse(row.labelsJson!)[0].name).toBe(expected.labels[0]!.name);
      expect(JSON.parse(row.composersJson!)).toEqual(expected.composers);
      expect(JSON.parse(row.producersJson!)).toEqual(expected.producers);
    }
    // Fresh now: the next stored period queues nothing.
    expect(enqueueStaleMetadata(h.database, uuids, NOW)).toBe(0);
  });

  it('inserts a song it did not hold yet', async () => {
    const h = started(harness(emulator.current));
    const [uuid] = songUuids(1, 50);
    enqueueStaleMetadata(h.database, [uuid!], NOW);
    h.runner.kick();
    await h.runner.idle();
    const row = h.database.db.select().from(songs).get();
    expect(row).toMatchObject({ uuid, metadataFetchedAt: NOW });
    expect(row!.isrc).toMatch(/^[A-Z]{2}/);
  });

  it(`never has more than ${ENRICHMENT_CONCURRENCY} tasks in flight, metadata and audience together`, async () => {
    emulator.current.faults.configure({ latency: { minMs: 20, maxMs: 40 } });
    const { client, stats } = countingClient(clientFor(emulator.current));
    const h = harness(emulator.current, { client });
    const uuids = songUuids(8, 100);
    enqueueMetadata(h.database, uuids, NOW);
    insertSong(h.database, uuids[0]!);
    enqueueAudience(h.database, uuids[0]!, ['spotify', 'shazam'], NOW);
    started(h);
    await h.runner.idle();

    expect(stats.calls).toBe(10);
    expect(stats.peak).toBe(ENRICHMENT_CONCURRENCY);
    expect(h.runner.peakInFlight).toBe(ENRICHMENT_CONCURRENCY);
    expect(taskRows(h).map((task) => task.status)).toEqual(Array(10).fill('done'));
  });
});

describe('EnrichmentRunner: failures', () => {
  it('retries a server error with backoff, then fails for good and audits it', async () => {
    const [uuid] = songUuids(1, 200);
    emulator.current.faults.configure({ serverError: { status: 500, match: uuid } });
    const h = started(harness(emulator.current, { concurrency: 1 }));
    enqueueMetadata(h.database, [uuid!], NOW);

    for (let attempt = 1; attempt < ENRICHMENT_RETRY_POLICY.maxAttempts; attempt += 1) {
      h.runner.kick();
      await h.runner.idle();
      const [task] = taskRows(h);
      const delay = backoffDelayMs(attempt, ENRICHMENT_RETRY_POLICY, () => 0.5);
      expect(task).toMatchObject({ status: 'queued', attempts: attempt, runAfter: h.clock.now() + delay });
      expect(task!.lastError).toMatch(/^server_error:/);
      // Not taken before its time.
      h.runner.kick();
      await h.runner.idle();
      expect(taskRows(h)[0]).toMatchObject({ status: 'queued', attempts: attempt });
      h.clock.advance(delay);
    }
    h.runner.kick();
    await h.runner.idle();
    expect(taskRows(h)[0]).toMatchObject({
      status: 'failed',
      attempts: ENRICHMENT_RETRY_POLICY.maxAttempts,
      completedAt: h.clock.now(),
    });
    expect(queueCounts(h.database)).toEqual({ queued: 0, running: 0, failed: 1 });
    const [audit] = listAudit(h.database);
    expect(audit).toMatchObject({
      action: 'queue.failed',
      result: 'error',
      detail: { kind: 'song_metadata', songUuid: uuid, code: 'server_error', attempts: 3 },
    });
  });

  it('succeeds on a later attempt after a transient failure', async () => {
    const [uuid] = songUuids(1, 210);
    // A 500 is retried by the task, not by the request (malformed bodies now are retried per request).
    emulator.current.faults.configure({ serverError: { status: 500, next: 1, match: uuid } });
    const h = started(harness(emulator.current));
    enqueueMetadata(h.database, [uuid!], NOW);
    h.runner.kick();
    await h.runner.idle();
    expect(taskRows(h)[0]).toMatchObject({ status: 'queued', attempts: 1 });
    h.clock.advance(ENRICHMENT_RETRY_POLICY.maxDelayMs);
    h.runner.kick();
    await h.runner.idle();
    expect(taskRows(h)[0]).toMatchObject({ status: 'done', attempts: 2, lastError: null });
  });

  it('fails a song Soundcharts does not know at once, without retrying', async () => {
    const h = started(harness(emulator.current));
    enqueueMetadata(h.database, [UNKNOWN_SONG], NOW);
    emulator.current.stats.reset();
    h.runner.kick();
    await h.runner.idle();
    expect(taskRows(h)[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(taskRows(h)[0]!.lastError).toMatch(/^not_found:/);
    expect(emulator.current.stats.total).toBe(1);
    expect(listAudit(h.database)[0]?.detail).toMatchObject({ code: 'not_found' });
  });

  it('pauses on an auth error without spending the attempt, and resumes when kicked', async () => {
    const h = started(harness(emulator.current, { concurrency: 1 }));
    const seen = recordEvents(h.events, 'song/metadata-updated');
    enqueueMetadata(h.database, songUuids(3, 300), NOW);
    // Refused for good (a single 401 is checked and sent again, see single-unauthorized.test.ts).
    emulator.current.faults.configure({ unauthorized: { probability: 1 } });
    h.runner.kick();
    await h.runner.idle();

    expect(h.runner.paused).toMatchObject({ code: 'auth' });
    expect(taskRows(h).map((task) => [task.status, task.attempts])).toEqual([
      ['queued', 0],
      ['queued', 0],
      ['queued', 0],
    ]);
    expect(taskRows(h)[0]!.lastError).toMatch(/^auth:/);
    expect(seen.seen).toHaveLength(0);
    // Paused means paused: asking for idleness does not take tasks.
    await h.runner.idle();
    expect(queueCounts(h.database)).toEqual({ queued: 3, running: 0, failed: 0 });

    emulator.current.faults.reset();
    h.runner.kick();
    await h.runner.idle();
    expect(h.runner.paused).toBeNull();
    expect(taskRows(h).map((task) => [task.status, task.attempts])).toEqual([
      ['done', 1],
      ['done', 1],
      ['done', 1],
    ]);
    expect(seen.seen).toHaveLength(3);
  });
});

describe('EnrichmentRunner: restarts', () => {
  it('survives a crash with tasks running: the next process puts them back and finishes the queue', async () => {
    const file = join(tempDir(), 'chart-sync.sqlite');
    const uuids = songUuids(10, 400);
    const first = openDatabase({ file, now: () => NOW });
    enqueueMetadata(first, uuids, NOW);

    // Calls after the fourth hang until released: they are in flight when the process "dies".
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const inner = clientFor(emulator.current);
    let calls = 0;
    const hanging = harness(emulator.current, {
      database: first,
      client: {
        songMetadata: async (uuid) => {
          calls += 1;
          if (calls > 4) await gate;
          return inner.songMetadata(uuid);
        },
        songAudience: (...args) => inner.songAudience(...args),
      },
    });
    hanging.runner.start();
    await expect.poll(() => queueCounts(first)).toEqual({ queued: 4, running: 2, failed: 0 });

    first.close();
    release();
    await hanging.runner.stop();
    // The in-flight tasks could not write to the closed file: reported, not thrown.
    expect(hanging.errors.length).toBeGreaterThan(0);

    const second = openDatabase({ file, now: () => NOW });
    expect(queueCounts(second)).toEqual({ queued: 4, running: 2, failed: 0 });
    const h = started(harness(emulator.current, { database: second, events: new EventBus() }));
    await h.runner.idle();
    expect(queueCounts(second)).toEqual({ queued: 0, running: 0, failed: 0 });
    const rows = second.db.select().from(taskQueue).all();
    expect(rows.map((row) => [row.status, row.attempts])).toEqual(Array(10).fill(['done', 1]));
    const stored = second.db.select({ uuid: songs.uuid, at: songs.metadataFetchedAt }).from(songs).all();
    expect(stored.map((song) => song.uuid).sort()).toEqual([...uuids].sort());
    expect(stored.every((song) => song.at === NOW)).toBe(true);
    expect(h.errors).toEqual([]);
    second.close();
  });
});
