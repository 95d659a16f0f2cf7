import { and, eq, gt } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { Audience, AUDIENCE_PLATFORMS } from '../../../electron/emulator/audience';
import { dayOf } from '../../../electron/emulator/dates';
import { songAudience, taskQueue } from '../../../electron/engine/db/schema';
import { readSongAudience } from '../../../electron/engine/enrichment/audience-service';
import type { EnrichmentRunner } from '../../../electron/engine/enrichment/enrichment-runner';
import { queueCounts } from '../../../electron/engine/enrichment/queue-store';
import {
  AUDIENCE_HISTORY_DAYS,
  DAY_MS,
  ENRICHMENT_FAILED_COOLDOWN_MS,
  SUPPORTED_AUDIENCE_PLATFORMS,
} from '../../../shared/domain/policies';
import { ChartSyncError } from '../../../shared/errors';
import { clientFor, TEST_SEED, TEST_TODAY, useEmulator } from '../../support/emulator';
import { catalogue, harness, insertSong, NOW, recordEvents, songUuid, UNKNOWN_SONG } from './setup';

const emulator = useEmulator();
const runners: EnrichmentRunner[] = [];

afterEach(async () => {
  emulator.current.faults.reset();
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
});

const ALL = [...SUPPORTED_AUDIENCE_PLATFORMS];
const FIRST_DAY = new Date(NOW - AUDIENCE_HISTORY_DAYS * DAY_MS).toISOString().slice(0, 10);

/** A started runner and one stored song (ranking fields only). */
function withSong(n: number) {
  const h = harness(emulator.current);
  runners.push(h.runner);
  h.runner.start();
  const uuid = songUuid(n);
  insertSong(h.database, uuid);
  return { ...h, uuid };
}

const audienceRequests = () =>
  emulator.current.stats.requests
    .map((request) => request.path)
    .filter((path) => path.includes('/audience/'))
    .map((path) => new URL(path, 'http://x'));

describe('readSongAudience', () => {
  it('returns what is stored at once, fetches every supported platform in the background, then serves it', async () => {
    const { database, events, runner, uuid } = withSong(1_000);
    const seen = recordEvents(events, 'song/audience-updated');
    emulator.current.stats.reset();

    const first = readSongAudience(database, runner, uuid, NOW);
    expect(first.song).toEqual({ uuid, name: expect.any(String), creditName: 'Someone' });
    expect(first.platforms.map((entry) => entry.platform)).toEqual(ALL);
    expect(first.platforms.every((entry) => entry.points.length === 0 && entry.stale)).toBe(true);
    expect(first.platforms.every((entry) => entry.fetchedAt === null)).toBe(true);
    expect(first.refreshing).toEqual(ALL);

    await runner.idle();
    expect(seen.of('song/audience-updated')).toHaveLength(ALL.length);
    expect(new Set(seen.of('song/audience-updated').map((event) => event.platform))).toEqual(new Set(ALL));
    expect(seen.of('song/audience-updated').every((event) => event.songUuid === uuid)).toBe(true);
    // A year back from today, in 90-day windows: 5 requests per platform.
    const requests = audienceRequests();
    expect(requests).toHaveLength(ALL.length * 5);
    expect(requests.map((url) => url.searchParams.get('startDate'))).toContain(FIRST_DAY);

    const second = readSongAudience(database, runner, uuid, NOW + 1);
    expect(second.refreshing).toEqual([]);
    expect(queueCounts(database)).toEqual({ queued: 0, running: 0, failed: 0 });
    for (const entry of second.platforms) {
      expect(entry).toMatchObject({ stale: false, fetchedAt: NOW, lastError: null });
      expect(entry.points[0]!.date).toBe(FIRST_DAY);
      expect(entry.points.at(-1)!.date).toBe(TEST_TODAY);
      expect(entry.points).toHaveLength(AUDIENCE_HISTORY_DAYS + 1);
    }
    // The stored values are the emulator's series.
    const direct = await clientFor(emulator.current).songAudience(uuid, 'spotify', {
      startDate: FIRST_DAY,
      endDate: TEST_TODAY,
    });
    const sums = new Map<string, number>();
    for (const point of direct.points) sums.set(point.date, (sums.get(point.date) ?? 0) + point.value);
    const spotify = second.platforms.find((entry) => entry.platform === 'spotify')!;
    expect(spotify.points).toEqual([...sums].map(([date, value]) => ({ date, value })));
  });

  it('fetches again after 7 days, asking only for the days after the newest stored one', async () => {
    const { database, runner, clock, uuid } = withSong(1_001);
    readSongAudience(database, runner, uuid, clock.now());
    await runner.idle();
    // Lose spotify's last three days, then let a week pass.
    database.db
      .delete(songAudience)
      .where(and(eq(songAudience.platform, 'spotify'), gt(songAudience.date, '2025-08-20')))
      .run();
    readSongAudience(database, runner, uuid, clock.now() + 6 * DAY_MS);
    expect(queueCounts(database).queued).toBe(0);

    clock.advance(8 * DAY_MS);
    const later = clock.now();
    emulator.current.stats.reset();
    const stale = readSongAudience(database, runner, uuid, later);
    expect(stale.refreshing).toEqual(ALL);
    expect(stale.platforms.every((entry) => entry.points.length > 0 && entry.stale)).toBe(true);
    await runner.idle();

    const windows = audienceRequests().map(
      (url) => `${url.pathname.split('/').at(-1)} ${url.searchParams.get('startDate')}`,
    );
    expect(windows.sort()).toEqual(
      ALL.map((platform) => `${platform} ${platform === 'spotify' ? '2025-08-21' : '2025-08-24'}`).sort(),
    );
    const fresh = readSongAudience(database, runner, uuid, later);
    expect(fresh.refreshing).toEqual([]);
    // Nothing after the emulator's today exists, yet every platform counts as checked now.
    expect(fresh.platforms.every((entry) => !entry.stale && entry.fetchedAt === later)).toBe(true);
    const spotify = fresh.platforms.find((entry) => entry.platform === 'spotify')!;
    expect(spotify.points.at(-1)!.date).toBe(TEST_TODAY);
    expect(spotify.points).toHaveLength(AUDIENCE_HISTORY_DAYS + 1);
  });

  it('queues only the platforms that are missing, and none twice while open', async () => {
    const { database, runner, uuid } = withSong(1_002);
    readSongAudience(database, runner, uuid, NOW);
    await runner.idle();
    database.db.delete(songAudience).where(eq(songAudience.platform, 'tiktok')).run();
    database.db.delete(taskQueue).where(eq(taskQueue.platform, 'tiktok')).run();

    await runner.stop();
    expect(readSongAudience(database, runner, uuid, NOW).refreshing).toEqual(['tiktok']);
    expect(readSongAudience(database, runner, uuid, NOW).refreshing).toEqual(['tiktok']);
    expect(queueCounts(database)).toEqual({ queued: 1, running: 0, failed: 0 });
  });

  it('stores a song’s total when a platform knows it under several ids', async () => {
    const audience = new Audience(TEST_SEED, catalogue);
    const today = dayOf(TEST_TODAY);
    let n = 2_000;
    while (audience.series(catalogue.indexOf(songUuid(n))!, 'spotify', today, today)[0]!.plots.length < 2)
      n += 1;
    const { database, runner, uuid } = withSong(n);
    readSongAudience(database, runner, uuid, NOW);
    await runner.idle();
    const plots = audience.series(catalogue.indexOf(uuid)!, 'spotify', today, today)[0]!.plots;
    const row = database.db
      .select()
      .from(songAudience)
      .where(and(eq(songAudience.platform, 'spotify'), eq(songAudience.date, TEST_TODAY)))
      .get();
    expect(row).toMatchObject({
      value: plots[0]!.value + plots[1]!.value,
      identifier: plots
        .map((plot) => plot.identifier)
        .sort()
        .join(','),
    });
  });

  it('does not ask again for a song Soundcharts does not know until the cooldown has passed', async () => {
    const h = harness(emulator.current);
    runners.push(h.runner);
    h.runner.start();
    insertSong(h.database, UNKNOWN_SONG);
    readSongAudience(h.database, h.runner, UNKNOWN_SONG, NOW);
    await h.runner.idle();
    expect(queueCounts(h.database)).toEqual({ queued: 0, running: 0, failed: ALL.length });

    const failed = readSongAudience(h.database, h.runner, UNKNOWN_SONG, NOW + 1);
    expect(failed.refreshing).toEqual([]);
    expect(failed.platforms.every((entry) => entry.stale && /^not_found:/.test(entry.lastError ?? ''))).toBe(
      true,
    );
    const later = readSongAudience(
      h.database,
      h.runner,
      UNKNOWN_SONG,
      NOW + ENRICHMENT_FAILED_COOLDOWN_MS + 1,
    );
    expect(later.refreshing).toEqual(ALL);
  });

  it('refuses a song that is not stored locally with a clear not_found error', () => {
    const { database, runner } = withSong(1_003);
    const read = () => readSongAudience(database, runner, songUuid(9_999), NOW);
    expect(read).toThrow(ChartSyncError);
    expect(read).toThrow(/not in the local database/);
    try {
      read();
    } catch (error) {
      expect((error as ChartSyncError).code).toBe('not_found');
    }
  });
});

describe('supported audience platforms', () => {
  it('are all served by the emulator', () => {
    for (const platform of SUPPORTED_AUDIENCE_PLATFORMS)
      expect(Object.keys(AUDIENCE_PLATFORMS)).toContain(platform);
    expect(SUPPORTED_AUDIENCE_PLATFORMS).toEqual(
      expect.arrayContaining(['spotify', 'youtube', 'shazam', 'tiktok', 'soundcloud']),
    );
  });
});
