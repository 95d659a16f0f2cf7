import type Database from 'better-sqlite3';
import type { RankingSnapshot } from '../soundcharts/types';
import type { AppDatabase } from '../db/open-database';
import { preparedPer } from '../db/prepared';
import { commonUnit, encodeEntry } from '../db/ranking-entries';
import { songCacheOf } from '../db/song-cache';

export type StoredCounts = {
  rankingCreated: boolean;
  tracksCreated: number;
  tracksUpdated: number;
  /** Every song of the snapshot, for the metadata queue. */
  songUuids: string[];
};

type SongRow = { id: number; name: string; creditName: string; imageUrl: string | null };

/** Prepared once per connection: this runs for every period of every sync (the hot path). Positional parameters. */
function statements(sqlite: Database.Database) {
  return {
    findSong: sqlite.prepare<[string], SongRow>(
      'SELECT id, name, credit_name AS creditName, image_url AS imageUrl FROM songs WHERE uuid = ?',
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
    nextSeq: sqlite
      .prepare<[], number>(
        `INSERT INTO sequences (name, value) VALUES ('ranking_entries', 1)
         ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`,
      )
      .pluck(),
    insertRanking: sqlite.prepare<
      [number, string, string, number, number, number, number, string | null, number, number, number]
    >(
      `INSERT INTO chart_rankings (chart_id, ranking_datetime, ranking_date, ranking_instant, entry_count,
         reported_total, fetched_at, time_on_chart_unit, stored_seq, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    updateRanking: sqlite.prepare<
      [string, number, number, number, number, string | null, number, number, number]
    >(
      `UPDATE chart_rankings SET ranking_date = ?, ranking_instant = ?, entry_count = ?, reported_total = ?,
         fetched_at = ?, time_on_chart_unit = ?, stored_seq = ?, updated_at = ? WHERE id = ?`,
    ),
    deleteEntries: sqlite.prepare<[number]>('DELETE FROM chart_ranking_entries WHERE ranking_id = ?'),
    insertEntry: sqlite.prepare<
      [number, number, number, number, number | null, number | null, number | null, string | null]
    >(
      `INSERT INTO chart_ranking_entries (ranking_id, position, song_id, old_position, metric, time_on_chart,
         entry_days, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
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
 * leaves either the previous state or the whole new snapshot, never half a ranking. Songs met before on this
 * connection are not looked up again (SongCache says when that is safe); entries are stored compactly
 * (ranking-entries.ts).
 */
export function storeSnapshot(
  database: AppDatabase,
  chartId: number,
  snapshot: RankingSnapshot,
  now: number,
): StoredCounts {
  const s = prepared(database.sqlite);
  const cache = songCacheOf(database.sqlite);
  const nested = database.sqlite.inTransaction;
  try {
    const counts = database.sqlite.transaction((): StoredCounts => {
      cache.begin();
      let tracksCreated = 0;
      let tracksUpdated = 0;
      const songIds = new Map<string, number>();
      for (const { song } of snapshot.entries) {
        if (songIds.has(song.uuid)) continue;
        const known = cache.get(song.uuid) ?? s.findSong.get(song.uuid);
        if (!known) {
          const id = Number(
            s.insertSong.run(song.uuid, song.name, song.creditName, song.imageUrl, now, now).lastInsertRowid,
          );
          cache.stage(song.uuid, {
            id,
            name: song.name,
            creditName: song.creditName,
            imageUrl: song.imageUrl,
          });
          songIds.set(song.uuid, id);
          tracksCreated += 1;
          continue;
        }
        songIds.set(song.uuid, known.id);
        if (
          known.name !== song.name ||
          known.creditName !== song.creditName ||
          known.imageUrl !== song.imageUrl
        ) {
          s.updateSong.run(song.name, song.creditName, song.imageUrl, now, known.id);
          tracksUpdated += 1;
        }
        cache.stage(song.uuid, {
          id: known.id,
          name: song.name,
          creditName: song.creditName,
          imageUrl: song.imageUrl,
        });
      }

      const unit = commonUnit(snapshot.entries);
      const seq = s.nextSeq.get()!;
      const existing = s.findRanking.get(chartId, snapshot.datetime);
      let rankingId: number;
      if (existing) {
        rankingId = existing.id;
        s.updateRanking.run(
          snapshot.date,
          snapshot.instant,
          snapshot.entries.length,
          snapshot.total,
          now,
          unit,
          seq,
          now,
          rankingId,
        );
        s.deleteEntries.run(rankingId);
      } else {
        rankingId = Number(
          s.insertRanking.run(
            chartId,
            snapshot.datetime,
            snapshot.date,
            snapshot.instant,
            snapshot.entries.length,
            snapshot.total,
            now,
            unit,
            seq,
            now,
            now,
          ).lastInsertRowid,
        );
      }
      const ranking = { datetime: snapshot.datetime, timeOnChartUnit: unit };
      for (const entry of snapshot.entries) {
        const e = encodeEntry(entry, ranking);
        s.insertEntry.run(
          rankingId,
          entry.position,
          songIds.get(entry.song.uuid)!,
          e.oldPosition,
          e.metric,
          e.timeOnChart,
          e.entryDays,
          e.extra,
        );
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
    // Inside someone else's transaction, what was learnt may still be rolled back after this returns.
    if (nested) cache.rollback();
    else cache.commit();
    return counts;
  } catch (error) {
    cache.rollback();
    throw error;
  }
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
