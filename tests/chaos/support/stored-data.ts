import type { Database } from 'better-sqlite3';

/**
 * What a sync stored, as comparable text, independent of row ids and of when it was fetched: one line per
 * snapshot (chart, datetime, date, entry count, reported total) and one per entry, and, apart, one per song with
 * its metadata. Two databases that synced the same data give equal lists, row for row.
 */
export type StoredData = { snapshots: string[]; entries: string[]; songs: string[] };

export function storedData(sqlite: Database, chartSlug?: string): StoredData {
  const where = chartSlug === undefined ? '' : 'WHERE c.slug = @slug';
  const params = chartSlug === undefined ? {} : { slug: chartSlug };
  const snapshots = sqlite
    .prepare(
      `SELECT c.slug || ' ' || r.ranking_datetime || ' ' || r.ranking_date || ' ' || r.entry_count || '/' ||
              r.reported_total AS line
       FROM chart_rankings r JOIN charts c ON c.id = r.chart_id ${where}
       ORDER BY c.slug, r.ranking_datetime`,
    )
    .pluck()
    .all(params) as string[];
  const entries = sqlite
    .prepare(
      `SELECT c.slug || ' ' || r.ranking_datetime || ' #' || e.position || ' ' || s.uuid || ' ' ||
              e.old_position || ' ' || ifnull(e.metric, '-') || ' ' || ifnull(e.time_on_chart, '-') || ' ' ||
              ifnull(e.entry_days, '-') || ' ' || ifnull(e.extra, '-') AS line
       FROM chart_ranking_entries e JOIN chart_rankings r ON r.id = e.ranking_id
       JOIN charts c ON c.id = r.chart_id JOIN songs s ON s.id = e.song_id ${where}
       ORDER BY c.slug, r.ranking_datetime, e.position`,
    )
    .pluck()
    .all(params) as string[];
  const songs = sqlite
    .prepare(
      `SELECT uuid || ' ' || name || ' ' || credit_name || ' ' || ifnull(isrc, '-') || ' ' ||
              ifnull(release_date, '-') || ' ' || ifnull(artists_json, '-') || ' ' || ifnull(labels_json, '-') || ' ' ||
              ifnull(genres_json, '-') || ' ' || (metadata_fetched_at IS NOT NULL) AS line
       FROM songs ORDER BY uuid`,
    )
    .pluck()
    .all() as string[];
  return { snapshots, entries, songs };
}

/** Snapshots stored twice (same chart and datetime) or whose entries do not match their counts: none, ever. */
export function brokenSnapshots(sqlite: Database): string[] {
  return sqlite
    .prepare(
      `SELECT 'snapshot ' || r.id || ' of chart ' || r.chart_id || ' at ' || r.ranking_datetime || ': ' ||
              (SELECT count(*) FROM chart_ranking_entries e WHERE e.ranking_id = r.id) || ' entries, ' ||
              r.entry_count || ' counted, ' || r.reported_total || ' reported' AS line
       FROM chart_rankings r
       WHERE (SELECT count(*) FROM chart_ranking_entries e WHERE e.ranking_id = r.id) <> r.entry_count
          OR r.entry_count <> r.reported_total
       UNION ALL
       SELECT 'duplicated snapshot of chart ' || chart_id || ' at ' || ranking_datetime || ' (' || count(*) || ')'
       FROM chart_rankings GROUP BY chart_id, ranking_datetime HAVING count(*) > 1
       UNION ALL
       SELECT 'duplicated date of chart ' || chart_id || ' on ' || ranking_date || ' (' || count(*) || ')'
       FROM chart_rankings GROUP BY chart_id, ranking_date HAVING count(*) > 1`,
    )
    .pluck()
    .all() as string[];
}

export function integrityCheck(sqlite: Database): string[] {
  return sqlite.prepare('PRAGMA integrity_check').pluck().all() as string[];
}
