import type Database from 'better-sqlite3';
import type { RankingSnapshot } from '../soundcharts/types';
import type { AppDatabase } from '../db/open-database';
import { preparedPer } from '../db/prepared';

export type StoredCounts = {
  rankingCreated: boolean;
  tracksCreated: number;
  tracksUpdated: number;
  /** Every song of the snapshot, for the metadata queue. */
  songUuids: string[];
};

type SongRow = { id: number; name: string; credit_name: string; image_url: string | null };

/** Prepared once per connection: this runs for every period of every sync (the hot path). */
function statements(sqlite: Database.Database) {
  return {
    findSong: sqlite.prepare<[string], SongRow>(
      'SELECT id, name, credit_name, image_url FROM songs WHERE uuid = ?',
    ),
    insertSong: sqlite.prepare<[string, string, string, string | null, number, number]>(
      'INSERT INTO songs (uuid, name, credit_name, image_url, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    updateSong: sqlite.prepare<[string, string, string | null, number, number]>(
      'UPDATE songs SET name = ?, credit_name = ?, image_url = ?, updated_at = ? WHERE id = ?',
    ),
    findRanking: sqlite.prepare<[number, string], { id: number }>(
      'SELECT id FROM chart_rankings WHERE chart_id = ? AND ranking_datetime = ?',
    ),
    insertRanking: sqlite.prepare(
      `INSERT INTO chart_rankings (chart_id, ranking_datetime, ranking_date, ranking_instant, entry_count,
         reported_total, fetched_at, created_at, updated_at)
       VALUES (@chartId, @datetime, @date, @instant, @entryCount, @total, @now, @now, @now)`,
    ),
    updateRanking: sqlite.prepare(
      `UPDATE chart_rankings SET ranking_date = @date, ranking_instant = @instant, entry_count = @entryCount,
         reported_total = @total, fetched_at = @now, updated_at = @now WHERE id = @id`,
    ),
    deleteEntries: sqlite.prepare<[number]>('DELETE FROM chart_ranking_entries WHERE ranking_id = ?'),
    insertEntry: sqlite.prepare(
      `INSERT INTO chart_ranking_entries (ranking_id, song_id, position, old_position, position_evolution, metric,
         entry_state, entry_date, rank_date, time_on_chart, time_on_chart_unit)
       VALUES (@rankingId, @songId, @position, @oldPosition, @positionEvolution, @metric, @entryState, @entryDate,
         @rankDate, @timeOnChart, @timeOnChartUnit)`,
    ),
    updateChartMetric: sqlite.prepare<[string | null, string | null, number | null, number]>(
      `UPDATE charts SET metric_type = COALESCE(?, metric_type), metric_description = COALESCE(?, metric_description),
         max_results_count = COALESCE(?, max_results_count) WHERE id = ?`,
    ),
  };
}

const prepared = preparedPer(statements);

/**
 * Stores one complete snapshot in one transaction: the songs upserted, the ranking row created or updated in
 * place (never duplicated: chart + exact datetime is unique), and its entries replaced. A crash at any point
 * leaves either the previous state or the whole new snapshot, never half a ranking.
 */
export function storeSnapshot(
  database: AppDatabase,
  chartId: number,
  snapshot: RankingSnapshot,
  now: number,
): StoredCounts {
  const s = prepared(database.sqlite);
  return database.sqlite.transaction((): StoredCounts => {
    let tracksCreated = 0;
    let tracksUpdated = 0;
    const songIds = new Map<string, number>();
    for (const { song } of snapshot.entries) {
      if (songIds.has(song.uuid)) continue;
      const existing = s.findSong.get(song.uuid);
      if (!existing) {
        const id = Number(
          s.insertSong.run(song.uuid, song.name, song.creditName, song.imageUrl, now, now).lastInsertRowid,
        );
        songIds.set(song.uuid, id);
        tracksCreated += 1;
        continue;
      }
      songIds.set(song.uuid, existing.id);
      if (
        existing.name !== song.name ||
        existing.credit_name !== song.creditName ||
        existing.image_url !== song.imageUrl
      ) {
        s.updateSong.run(song.name, song.creditName, song.imageUrl, now, existing.id);
        tracksUpdated += 1;
      }
    }

    const row = {
      chartId,
      datetime: snapshot.datetime,
      date: snapshot.date,
      instant: snapshot.instant,
      entryCount: snapshot.entries.length,
      total: snapshot.total,
      now,
    };
    const existing = s.findRanking.get(chartId, snapshot.datetime);
    let rankingId: number;
    if (existing) {
      rankingId = existing.id;
      const { chartId: _chart, datetime: _datetime, ...changed } = row;
      s.updateRanking.run({ ...changed, id: rankingId });
      s.deleteEntries.run(rankingId);
    } else {
      rankingId = Number(s.insertRanking.run(row).lastInsertRowid);
    }
    for (const entry of snapshot.entries) {
      s.insertEntry.run({
        rankingId,
        songId: songIds.get(entry.song.uuid)!,
        position: entry.position,
        oldPosition: entry.oldPosition,
        positionEvolution: entry.positionEvolution,
        metric: entry.metric,
        entryState: entry.entryState,
        entryDate: entry.entryDate,
        rankDate: entry.rankDate,
        timeOnChart: entry.timeOnChart,
        timeOnChartUnit: entry.timeOnChartUnit,
      });
    }
    const metric = snapshot.chart.metric;
    s.updateChartMetric.run(
      metric?.type ?? null,
      metric?.description ?? null,
      snapshot.chart.maxResultsCount,
      chartId,
    );
    return { rankingCreated: !existing, tracksCreated, tracksUpdated, songUuids: [...songIds.keys()] };
  })();
}

/** The snapshots of a chart within a window, as planning needs them. */
export function storedSnapshots(
  database: AppDatabase,
  chartId: number,
  window: { from: string; to: string },
): { datetime: string; complete: boolean }[] {
  const rows = database.sqlite
    .prepare<[number, string, string], { datetime: string; complete: number }>(
      `SELECT ranking_datetime AS datetime, entry_count >= reported_total AS complete FROM chart_rankings
       WHERE chart_id = ? AND ranking_date BETWEEN ? AND ?`,
    )
    .all(chartId, window.from, window.to);
  return rows.map((r) => ({ datetime: r.datetime, complete: r.complete === 1 }));
}
