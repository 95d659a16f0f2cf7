import type Database from 'better-sqlite3';
import { date, instant, number, text, type Row } from './columns';
import { dateScopeParams, type DatasetReader, type ReadScope } from './read-scope';

export const AUDIENCE_COLUMNS = [
  text('song_uuid', 38),
  text('title', 36),
  text('artists', 30),
  text('isrc', 14),
  text('platform', 12),
  date('date'),
  number('value', 16),
  text('identifier', 20),
  instant('fetched_at'),
] as const;

type AudienceRow = {
  uuid: string;
  name: string;
  creditName: string;
  isrc: string | null;
  platform: string;
  date: string;
  value: number;
  identifier: string | null;
  fetchedAt: number;
};

/**
 * Audience totals (cumulative, per song, platform and day) of the songs that appear on the chosen charts, by
 * audience date within the range. Watermark: the highest `song_audience.fetched_at`; "since last export" takes
 * the points fetched (or fetched again) since.
 */
export function audienceReader(connection: Database.Database, scope: ReadScope): DatasetReader {
  const where = `
    a.song_id IN (SELECT e.song_id FROM chart_ranking_entries e JOIN chart_rankings r ON r.id = e.ranking_id
                  WHERE r.chart_id IN (SELECT value FROM json_each(@charts)))
    AND (@from IS NULL OR a.date >= @from) AND (@to IS NULL OR a.date <= @to || 'T99')
    AND (@after IS NULL OR a.fetched_at > @after)`;
  const params = dateScopeParams(scope);
  return {
    columns: AUDIENCE_COLUMNS,
    count: () =>
      connection.prepare(`SELECT count(*) FROM song_audience a WHERE ${where}`).pluck().get(params) as number,
    watermark: () =>
      (connection.prepare('SELECT coalesce(max(fetched_at), 0) FROM song_audience').pluck().get() as
        number | null) ?? null,
    *rows() {
      const statement = connection.prepare<[typeof params], AudienceRow>(
        `SELECT s.uuid, s.name, s.credit_name AS creditName, s.isrc, a.platform, a.date, a.value, a.identifier,
                a.fetched_at AS fetchedAt
         FROM song_audience a JOIN songs s ON s.id = a.song_id
         WHERE ${where} ORDER BY a.song_id, a.platform, a.date`,
      );
      for (const point of statement.iterate(params)) {
        const row: Row = [
          point.uuid,
          point.name,
          point.creditName,
          point.isrc,
          point.platform,
          point.date.slice(0, 10),
          point.value,
          point.identifier,
          point.fetchedAt,
        ];
        yield row;
      }
    },
  };
}
