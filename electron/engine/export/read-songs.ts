import type Database from 'better-sqlite3';
import { boolean, date, instant, integer, text, type Row } from './columns';
import { dateScopeParams, type DatasetReader, type ReadScope } from './read-scope';

export const SONG_COLUMNS = [
  text('song_uuid', 38),
  text('title', 36),
  text('artists', 30),
  text('isrc', 14),
  text('isrc_country', 8),
  date('release_date'),
  integer('duration_seconds', 9),
  boolean('explicit'),
  text('language', 8),
  text('labels', 24),
  text('genres', 24),
  text('distributor', 20),
  text('copyright', 30),
  text('soundcharts_url', 40),
  text('image_url', 40),
  instant('metadata_fetched_at'),
  instant('updated_at'),
] as const;

type SongRow = {
  uuid: string;
  name: string;
  creditName: string;
  isrc: string | null;
  isrcCountryCode: string | null;
  releaseDate: string | null;
  durationSeconds: number | null;
  explicit: number | null;
  languageCode: string | null;
  labelsJson: string | null;
  genresJson: string | null;
  distributor: string | null;
  copyright: string | null;
  appUrl: string | null;
  imageUrl: string | null;
  metadataFetchedAt: number | null;
  updatedAt: number;
};

/**
 * The songs that appear on the chosen charts (within the date range, by ranking date), one row each.
 * Watermark: the highest `songs.updated_at`; "since last export" takes the songs added or changed since
 * (a ranking that renames one, fetched metadata).
 */
export function songsReader(connection: Database.Database, scope: ReadScope): DatasetReader {
  const where = `
    EXISTS (SELECT 1 FROM chart_ranking_entries e JOIN chart_rankings r ON r.id = e.ranking_id
            WHERE e.song_id = s.id AND r.chart_id IN (SELECT value FROM json_each(@charts))
              AND (@from IS NULL OR r.ranking_date >= @from) AND (@to IS NULL OR r.ranking_date <= @to))
    AND (@after IS NULL OR s.updated_at > @after)`;
  const params = dateScopeParams(scope);
  return {
    columns: SONG_COLUMNS,
    count: () =>
      connection.prepare(`SELECT count(*) FROM songs s WHERE ${where}`).pluck().get(params) as number,
    watermark: () =>
      (connection.prepare('SELECT coalesce(max(updated_at), 0) FROM songs').pluck().get() as number | null) ??
      null,
    *rows() {
      const statement = connection.prepare<[typeof params], SongRow>(
        `SELECT uuid, name, credit_name AS creditName, isrc, isrc_country_code AS isrcCountryCode,
                release_date AS releaseDate, duration_seconds AS durationSeconds, explicit,
                language_code AS languageCode, labels_json AS labelsJson, genres_json AS genresJson, distributor,
                copyright, app_url AS appUrl, image_url AS imageUrl, metadata_fetched_at AS metadataFetchedAt,
                updated_at AS updatedAt
         FROM songs s WHERE ${where} ORDER BY s.id`,
      );
      for (const song of statement.iterate(params)) {
        const row: Row = [
          song.uuid,
          song.name,
          song.creditName,
          song.isrc,
          song.isrcCountryCode,
          calendarDateOf(song.releaseDate),
          song.durationSeconds,
          song.explicit === null ? null : song.explicit === 1,
          song.languageCode,
          namesOf(song.labelsJson, 'name'),
          namesOf(song.genresJson, 'root'),
          song.distributor,
          song.copyright,
          song.appUrl,
          song.imageUrl,
          song.metadataFetchedAt,
          song.updatedAt,
        ];
        yield row;
      }
    },
  };
}

/** Release dates come as datetimes ('2024-05-03T00:00:00+00:00') or dates: the calendar date, as given. */
function calendarDateOf(value: string | null): string | null {
  if (!value) return null;
  const match = /^\d{4}-\d{2}-\d{2}/.exec(value);
  return match ? match[0] : null;
}

/** A stored JSON list of objects as one cell: their `key`s joined with "; " (labels by name, genres by root). */
function namesOf(json: string | null, key: string): string | null {
  if (!json) return null;
  try {
    const list: unknown = JSON.parse(json);
    if (!Array.isArray(list)) return null;
    const names = list
      .map((item: unknown) =>
        typeof item === 'string' ? item : (item as Record<string, unknown> | null)?.[key],
      )
      .filter((name): name is string => typeof name === 'string' && name !== '');
    return names.length > 0 ? names.join('; ') : null;
  } catch {
    return null;
  }
}
