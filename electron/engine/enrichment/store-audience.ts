import type Database from 'better-sqlite3';
import { AUDIENCE_HISTORY_DAYS, DAY_MS } from '../../../shared/domain/policies';
import { ChartSyncError } from '../../../shared/errors';
import type { AppDatabase } from '../db/open-database';
import type { AudienceRange, AudienceSeries } from '../soundcharts';
import { preparedPer } from '../db/prepared';

type Statements = {
  songId: Database.Statement<[string], { id: number }>;
  newestDate: Database.Statement<[number, string], { date: string | null }>;
  upsert: Database.Statement<[number, string, string, number, string | null, number]>;
};

const statements = preparedPer((sqlite: Database.Database): Statements => {
  return {
    songId: sqlite.prepare('SELECT id FROM songs WHERE uuid = ?'),
    // Served by the primary key (song_id, platform, date).
    newestDate: sqlite.prepare(
      'SELECT MAX(date) AS date FROM song_audience WHERE song_id = ? AND platform = ?',
    ),
    upsert: sqlite.prepare<[number, string, string, number, string | null, number]>(
      `INSERT INTO song_audience (song_id, platform, date, value, identifier, fetched_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (song_id, platform, date) DO UPDATE SET
         value = excluded.value, identifier = excluded.identifier, fetched_at = excluded.fetched_at`,
    ),
  };
});

/** The UTC calendar date of an instant. */
export function utcDate(instant: number): string {
  return new Date(instant).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return utcDate(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);
}

/**
 * What to ask Soundcharts for: from the day after the newest stored date (or AUDIENCE_HISTORY_DAYS back when
 * nothing is stored) to today, UTC. Null when the stored series already reaches today. A song that is not
 * stored is a `not_found` error, raised before any request is spent on it.
 */
export function audienceFetchWindow(
  database: AppDatabase,
  songUuid: string,
  platform: string,
  now: number,
): AudienceRange | null {
  const { songId, newestDate } = statements(database.sqlite);
  const today = utcDate(now);
  const song = songId.get(songUuid);
  if (!song) throw songGone(songUuid, platform);
  const newest = newestDate.get(song.id, platform)?.date ?? null;
  const startDate = newest ? addDays(newest, 1) : addDays(today, -AUDIENCE_HISTORY_DAYS);
  return startDate > today ? null : { startDate, endDate: today };
}

/**
 * Stores a fetched series, one row per date (upserted, stamped `fetched_at = now`), in one transaction.
 * The table holds one value per song, platform and date, while Soundcharts may report a song under several
 * platform ids (a single and an album version, many TikTok sounds): a date's value is their sum, the song's
 * total, and `identifier` lists the ids it came from. Returns how many dates were written.
 */
export function storeSongAudience(
  database: AppDatabase,
  songUuid: string,
  series: AudienceSeries,
  now: number,
): number {
  const { songId, upsert } = statements(database.sqlite);
  const byDate = new Map<string, { value: number; identifiers: Set<string> }>();
  for (const point of series.points) {
    const day = byDate.get(point.date) ?? { value: 0, identifiers: new Set<string>() };
    day.value += point.value;
    if (point.identifier !== null) day.identifiers.add(point.identifier);
    byDate.set(point.date, day);
  }
  return database.sqlite.transaction(() => {
    const song = songId.get(songUuid);
    if (!song) throw songGone(songUuid, series.platform);
    for (const [date, day] of byDate) {
      const identifier = day.identifiers.size === 0 ? null : [...day.identifiers].sort().join(',');
      upsert.run(song.id, series.platform, date, day.value, identifier, now);
    }
    return byDate.size;
  })();
}

function songGone(songUuid: string, platform: string): ChartSyncError {
  return new ChartSyncError(
    'not_found',
    `Song ${songUuid} is not stored (any more), so its ${platform} audience was not fetched or saved.`,
  );
}
