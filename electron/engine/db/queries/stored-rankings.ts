import type Database from 'better-sqlite3';
import type { SongSort } from '../../../../shared/views/song';
import type { AppDatabase } from '../open-database';
import { preparedPer } from '../prepared';
import {
  decodeEntry,
  ENTRY_STATE_SQL,
  entryUnitSql,
  type DecodedEntry,
  type StoredEntryRow,
} from '../ranking-entries';

/**
 * Every read of stored rankings (chart_rankings + chart_ranking_entries) that the ranking view, the song view
 * and the songs list make, in one module of prepared statements: when the entries table is restructured, this
 * file is the one to change. Each statement is prepared once per connection (they run on every screen open).
 */

export type StoredRankingRow = {
  id: number;
  date: string;
  datetime: string;
  instant: number;
  fetchedAt: number;
  entryCount: number;
  reportedTotal: number;
};

export type RankingEntryRow = {
  songId: number;
  position: number;
  oldPosition: number;
  metric: number | null;
  entryState: string;
  timeOnChart: number | null;
  timeOnChartUnit: string | null;
  uuid: string;
  name: string;
  creditName: string;
  isrc: string | null;
  imageUrl: string | null;
};

/** A song of a ranking against the chart's stored history up to that ranking. */
export type EntryHistoryRow = { songId: number; peak: number; seenBefore: number };

export type SongRow = {
  id: number;
  uuid: string;
  name: string;
  creditName: string;
  imageUrl: string | null;
  isrc: string | null;
  isrcCountryCode: string | null;
  releaseDate: string | null;
  durationSeconds: number | null;
  explicit: number | null;
  languageCode: string | null;
  copyright: string | null;
  distributor: string | null;
  appUrl: string | null;
  artistsJson: string | null;
  genresJson: string | null;
  labelsJson: string | null;
  composersJson: string | null;
  producersJson: string | null;
  metadataFetchedAt: number | null;
};

export type SongPointRow = {
  chartId: number;
  date: string;
  position: number;
};

export type SongListRow = {
  uuid: string;
  name: string;
  creditName: string;
  isrc: string | null;
  imageUrl: string | null;
  metadataFetchedAt: number | null;
  bestPeak: number | null;
  chartsCount: number;
  lastSeen: string | null;
};

const SONG_COLUMNS = `s.id, s.uuid, s.name, s.credit_name AS creditName, s.image_url AS imageUrl, s.isrc,
  s.isrc_country_code AS isrcCountryCode, s.release_date AS releaseDate, s.duration_seconds AS durationSeconds,
  s.explicit, s.language_code AS languageCode, s.copyright, s.distributor, s.app_url AS appUrl,
  s.artists_json AS artistsJson, s.genres_json AS genresJson, s.labels_json AS labelsJson,
  s.composers_json AS composersJson, s.producers_json AS producersJson,
  s.metadata_fetched_at AS metadataFetchedAt`;

/** Matches title, credit name or ISRC; `@pattern` is NULL for no search (LIKE: ASCII case-insensitive). */
const SONG_SEARCH = `(@pattern IS NULL OR s.name LIKE @pattern ESCAPE '\\' OR s.credit_name LIKE @pattern ESCAPE '\\'
  OR s.isrc LIKE @pattern ESCAPE '\\')`;

/** Each sort's order; the song id last, so paging is stable. */
const SONG_ORDER: Record<SongSort, string> = {
  last_seen: 'st.last_seen IS NULL, st.last_seen DESC, s.name COLLATE NOCASE, s.id',
  best_peak: 'st.best_peak IS NULL, st.best_peak, st.last_seen DESC, s.id',
  charts: 'COALESCE(st.charts_count, 0) DESC, st.best_peak IS NULL, st.best_peak, s.id',
  title: 's.name COLLATE NOCASE, s.id',
};

function songListSql(sort: SongSort): string {
  // By title the page is known before any statistics: only its songs' entries are read. Every other order needs
  // the statistics of every song that matches the search (a narrow search reads a few songs' entries, not all).
  // CROSS JOIN keeps that order: from the songs to their entries (the song index), never a scan of every entry.
  const rows =
    sort === 'title'
      ? `rows AS (SELECT s.id FROM songs s WHERE ${SONG_SEARCH} ORDER BY ${SONG_ORDER.title}
           LIMIT @limit OFFSET @offset)`
      : `rows AS (SELECT s.id FROM songs s WHERE ${SONG_SEARCH})`;
  return `WITH ${rows},
    st AS (
      SELECT e.song_id, MIN(e.position) AS best_peak, COUNT(DISTINCT r.chart_id) AS charts_count,
        MAX(r.ranking_date) AS last_seen
      FROM rows m CROSS JOIN chart_ranking_entries e ON e.song_id = m.id
        CROSS JOIN chart_rankings r ON r.id = e.ranking_id
      GROUP BY e.song_id
    )
    SELECT s.uuid, s.name, s.credit_name AS creditName, s.isrc, s.image_url AS imageUrl,
      s.metadata_fetched_at AS metadataFetchedAt, st.best_peak AS bestPeak,
      COALESCE(st.charts_count, 0) AS chartsCount, st.last_seen AS lastSeen
    FROM songs s JOIN rows m ON m.id = s.id LEFT JOIN st ON st.song_id = s.id
    ORDER BY ${SONG_ORDER[sort]}
    ${sort === 'title' ? '' : 'LIMIT @limit OFFSET @offset'}`;
}

/**
 * Each song of a ranking against the chart's stored history up to it: its best position and whether it was in
 * an earlier stored ranking. Reads the chart's rankings up to this one (their date index) and their entries (the
 * ranking index), kept when the song is in this ranking (a Bloom filter on the IN list). On a year of 200-entry
 * days this is about half the time of going through the song index, which also reads the songs' entries on
 * every other chart: the unary + on song_id keeps the planner off the song index, which covers (song, ranking)
 * and would otherwise be probed once per ranking and song (2.5× slower). Exported for the query-plan test.
 */
export const RANKING_HISTORY_SQL = `SELECT e.song_id AS songId, MIN(e.position) AS peak,
    MAX(r.ranking_date < @date) AS seenBefore
  FROM chart_rankings r CROSS JOIN chart_ranking_entries e ON e.ranking_id = r.id
  WHERE r.chart_id = @chartId AND (r.ranking_date < @date OR r.id = @rankingId)
    AND +e.song_id IN (SELECT song_id FROM chart_ranking_entries WHERE ranking_id = @rankingId)
  GROUP BY e.song_id`;

function statements(sqlite: Database.Database) {
  return {
    // Oldest first; on a date stored twice (two datetimes), the later one comes last and is the one shown.
    chartRankings: sqlite.prepare<[number], StoredRankingRow>(
      `SELECT id, ranking_date AS date, ranking_datetime AS datetime, ranking_instant AS instant,
         fetched_at AS fetchedAt, entry_count AS entryCount, reported_total AS reportedTotal
       FROM chart_rankings WHERE chart_id = ? ORDER BY ranking_date, ranking_instant, id`,
    ),
    entries: sqlite.prepare<[number], RankingEntryRow>(
      `SELECT e.song_id AS songId, e.position, e.old_position AS oldPosition, e.metric,
         ${ENTRY_STATE_SQL} AS entryState, e.time_on_chart AS timeOnChart,
         ${entryUnitSql('r.time_on_chart_unit')} AS timeOnChartUnit,
         s.uuid, s.name, s.credit_name AS creditName, s.isrc, s.image_url AS imageUrl
       FROM chart_rankings r CROSS JOIN chart_ranking_entries e ON e.ranking_id = r.id
         JOIN songs s ON s.id = e.song_id
       WHERE r.id = ? ORDER BY e.position`,
    ),
    positions: sqlite.prepare<[number], { songId: number; position: number }>(
      `SELECT song_id AS songId, MIN(position) AS position FROM chart_ranking_entries WHERE ranking_id = ?
       GROUP BY song_id`,
    ),
    history: sqlite.prepare<{ rankingId: number; chartId: number; date: string }, EntryHistoryRow>(
      RANKING_HISTORY_SQL,
    ),
    songByUuid: sqlite.prepare<[string], SongRow>(`SELECT ${SONG_COLUMNS} FROM songs s WHERE s.uuid = ?`),
    // Several songs may share an ISRC (Soundcharts merges and splits): the one with metadata, then the oldest.
    songByIsrc: sqlite.prepare<[string], SongRow>(
      `SELECT ${SONG_COLUMNS} FROM songs s WHERE s.isrc = ?
       ORDER BY s.metadata_fetched_at IS NULL, s.id LIMIT 1`,
    ),
    // One point per chart and date (a date stored twice keeps its best position).
    songPoints: sqlite.prepare<[number], SongPointRow>(
      `SELECT r.chart_id AS chartId, r.ranking_date AS date, MIN(e.position) AS position
       FROM chart_ranking_entries e JOIN chart_rankings r ON r.id = e.ranking_id
       WHERE e.song_id = ? GROUP BY r.chart_id, r.ranking_date ORDER BY r.chart_id, r.ranking_date`,
    ),
    openTask: sqlite.prepare<[string, string], { one: number }>(
      `SELECT 1 AS one FROM task_queue WHERE kind = ? AND subject = ? AND status IN ('queued', 'running') LIMIT 1`,
    ),
    songCount: sqlite.prepare<{ pattern: string | null }, { n: number }>(
      `SELECT COUNT(*) AS n FROM songs s WHERE ${SONG_SEARCH}`,
    ),
    songList: Object.fromEntries(
      (Object.keys(SONG_ORDER) as SongSort[]).map((sort) => [
        sort,
        sqlite.prepare<{ pattern: string | null; limit: number; offset: number }, SongListRow>(
          songListSql(sort),
        ),
      ]),
    ) as Record<
      SongSort,
      Database.Statement<{ pattern: string | null; limit: number; offset: number }, SongListRow>
    >,
  };
}

const prepared = preparedPer(statements);

/** The statements of this connection, prepared at first use. */
export function storedRankingQueries(database: AppDatabase): ReturnType<typeof statements> {
  return prepared(database.sqlite);
}

/** A LIKE pattern matching `text` anywhere, with the operator's % and _ taken literally; null for no search. */
export function containsPattern(text: string | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : `%${trimmed.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

type StoredEntrySql = StoredEntryRow & {
  uuid: string;
  name: string;
  creditName: string;
  imageUrl: string | null;
  datetime: string;
  unit: string | null;
};

const asFetched = preparedPer((sqlite: Database.Database) =>
  sqlite.prepare<[number], StoredEntrySql>(
    `SELECT e.position, e.old_position AS oldPosition, e.metric, e.time_on_chart AS timeOnChart,
       e.entry_days AS entryDays, e.extra, s.uuid, s.name, s.credit_name AS creditName, s.image_url AS imageUrl,
       r.ranking_datetime AS datetime, r.time_on_chart_unit AS unit
     FROM chart_rankings r CROSS JOIN chart_ranking_entries e ON e.ranking_id = r.id
       JOIN songs s ON s.id = e.song_id
     WHERE r.id = ? ORDER BY e.position`,
  ),
);

/** A stored ranking's entries exactly as the API gave them (every field, rebuilt from the compact form). */
export function rankingEntriesAsFetched(
  database: AppDatabase,
  rankingId: number,
): (DecodedEntry & { song: { uuid: string; name: string; creditName: string; imageUrl: string | null } })[] {
  return asFetched(database.sqlite)
    .all(rankingId)
    .map((row) => ({
      song: { uuid: row.uuid, name: row.name, creditName: row.creditName, imageUrl: row.imageUrl },
      ...decodeEntry(row, { datetime: row.datetime, timeOnChartUnit: row.unit }),
    }));
}
