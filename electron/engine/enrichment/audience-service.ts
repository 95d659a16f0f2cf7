import { and, asc, eq, inArray, max } from 'drizzle-orm';
import { ENRICHMENT_FAILED_COOLDOWN_MS, SUPPORTED_AUDIENCE_PLATFORMS } from '../../../shared/domain/policies';
import { isAudienceStale } from '../../../shared/domain/staleness';
import { ChartSyncError } from '../../../shared/errors';
import type { PlatformAudienceView, SongAudienceView } from '../../../shared/views/song-audience';
import type { AppDatabase } from '../db/open-database';
import { songAudience, songs, taskQueue } from '../db/schema';
import { enqueueAudience } from './queue-store';

/** What the read needs of the runner: to be told that tasks were queued. */
export type QueueKicker = { kick(): void };

export type AudienceReadOptions = {
  /** Only this platform (every supported one when absent). */
  platform?: string | undefined;
  /** Queue a fetch even when the stored data is fresh (the manual refresh). */
  refresh?: boolean | undefined;
};

/**
 * A song's audience on every supported platform, as stored, returned at once. Each platform whose data is
 * missing or older than 7 days gets a background fetch (unless one is already open, or the last one failed
 * for good less than a day ago); the runner emits 'song/audience-updated' per platform as fresh data lands.
 *
 * "Fresh" is measured from the last time Soundcharts was asked: the newest `fetched_at` of the stored rows,
 * or the end of the last successful fetch task, whichever is later, so that a platform with nothing new (or
 * no data at all for this song) is not fetched again on every read.
 */
export function readSongAudience(
  database: AppDatabase,
  runner: QueueKicker | null,
  songUuid: string,
  now: number,
  options: AudienceReadOptions = {},
): SongAudienceView {
  const { db } = database;
  const view = db.transaction((tx): SongAudienceView & { queued: string[] } => {
    const song = tx
      .select({ id: songs.id, uuid: songs.uuid, name: songs.name, creditName: songs.creditName })
      .from(songs)
      .where(eq(songs.uuid, songUuid))
      .get();
    if (!song) {
      throw new ChartSyncError(
        'not_found',
        `Song ${songUuid} is not in the local database: sync a chart it appears on first.`,
      );
    }
    const platforms: string[] = options.platform ? [options.platform] : [...SUPPORTED_AUDIENCE_PLATFORMS];
    const rows = tx
      .select({
        platform: songAudience.platform,
        date: songAudience.date,
        value: songAudience.value,
        fetchedAt: songAudience.fetchedAt,
      })
      .from(songAudience)
      .where(and(eq(songAudience.songId, song.id), inArray(songAudience.platform, platforms)))
      .orderBy(asc(songAudience.platform), asc(songAudience.date))
      .all();
    const tasksOf = (status: 'done' | 'failed' | 'open') =>
      new Map(
        tx
          .select({
            platform: taskQueue.platform,
            at: max(taskQueue.completedAt),
            error: taskQueue.lastError,
          })
          .from(taskQueue)
          .where(
            and(
              eq(taskQueue.kind, 'song_audience'),
              eq(taskQueue.subject, songUuid),
              status === 'open'
                ? inArray(taskQueue.status, ['queued', 'running'])
                : eq(taskQueue.status, status),
            ),
          )
          .groupBy(taskQueue.platform)
          .all()
          .map((row) => [row.platform, row] as const),
      );
    const checked = tasksOf('done');
    // SQLite takes the bare column (last_error) from the row that holds MAX(completed_at).
    const failed = tasksOf('failed');
    const open = tasksOf('open');

    const result: PlatformAudienceView[] = platforms.map((platform) => {
      const own = rows.filter((row) => row.platform === platform);
      const newestRow = own.reduce<number | null>((a, row) => Math.max(a ?? 0, row.fetchedAt), null);
      const fetchedAt = latest(newestRow, checked.get(platform)?.at ?? null);
      const failure = failed.get(platform);
      return {
        platform,
        points: own.map(({ date, value }) => ({ date, value })),
        fetchedAt,
        stale: isAudienceStale(fetchedAt, now),
        lastError: failure && (failure.at ?? 0) > (fetchedAt ?? 0) ? failure.error : null,
      };
    });
    const cooldownFrom = now - ENRICHMENT_FAILED_COOLDOWN_MS;
    // A refresh asks again now, fresh or recently failed; a platform with a fetch already open keeps that one.
    const wanted = result
      .filter((entry) => (options.refresh || entry.stale) && !open.has(entry.platform))
      .filter((entry) => options.refresh || (failed.get(entry.platform)?.at ?? 0) <= cooldownFrom)
      .map((entry) => entry.platform);
    const queued = wanted.length === 0 ? [] : enqueueAudience(database, songUuid, wanted, now);
    return {
      song: { uuid: song.uuid, name: song.name, creditName: song.creditName },
      platforms: result,
      refreshing: platforms.filter((platform) => open.has(platform) || queued.includes(platform)),
      queued,
    };
  });
  if (view.queued.length > 0) runner?.kick();
  const { queued: _queued, ...audience } = view;
  return audience;
}

function latest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}
