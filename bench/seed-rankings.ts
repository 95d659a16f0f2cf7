import type { AppDatabase } from '../electron/engine/db/open-database';
import { upsertCharts } from '../electron/engine/db/queries/charts';

/**
 * `periods` daily rankings of `size` entries each on one scheduled chart (`bench-chart`), written straight with
 * prepared statements in one transaction: 5,000 × 200 = a million rows in a few seconds. Songs rotate so
 * movements of every kind occur; titles carry commas, quotes and accents so the CSV writer quotes some.
 */
export function seedRankings(database: AppDatabase, periods: number, size = 200): number {
  upsertCharts(database, [
    {
      slug: 'bench-chart',
      name: 'Bench, "Top" Songs',
      platform: 'spotify',
      frequency: 'daily',
      countryCode: 'FR',
      countryName: 'France',
      maxResultsCount: size,
    },
  ]);
  const sqlite = database.sqlite;
  const chartId = sqlite.prepare("SELECT id FROM charts WHERE slug = 'bench-chart'").pluck().get() as number;
  sqlite
    .prepare(
      `INSERT INTO chart_sync_schedules (chart_id, sync_frequency, anchor_at, is_active) VALUES (?, 'daily', 0, 1)`,
    )
    .run(chartId);
  const songCount = size * 3;
  const insertSong = sqlite.prepare(
    'INSERT INTO songs (uuid, name, credit_name, isrc, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)',
  );
  const insertRanking = sqlite.prepare(
    `INSERT INTO chart_rankings (chart_id, ranking_datetime, ranking_date, ranking_instant, entry_count,
       reported_total, fetched_at, time_on_chart_unit, stored_seq) VALUES (?, ?, ?, ?, ?, ?, 0, 'DOC', ?)`,
  );
  // Stored as storeSnapshot stores it (electron/engine/db/ranking-entries.ts): no entry date, the ranking's unit.
  const insertEntry = sqlite.prepare(
    `INSERT INTO chart_ranking_entries (ranking_id, song_id, position, old_position, metric, time_on_chart)
     VALUES (?, ?, ?, 0, ?, ?)`,
  );
  sqlite.transaction(() => {
    const firstSong = Number(
      insertSong.run('bench-song-0', 'Café, "Déjà" vu 0', 'Artist 0', 'FR0000000000').lastInsertRowid,
    );
    for (let s = 1; s < songCount; s++) {
      insertSong.run(
        `bench-song-${s}`,
        `Café, "Déjà" vu ${s}`,
        `Artist ${s % 97}`,
        `FR${String(s).padStart(10, '0')}`,
      );
    }
    const start = Date.parse('2010-01-01T12:00:00Z');
    for (let p = 0; p < periods; p++) {
      const instant = start + p * 86_400_000;
      const iso = new Date(instant).toISOString();
      const rankingId = Number(
        insertRanking.run(chartId, `${iso.slice(0, 19)}+00:00`, iso.slice(0, 10), instant, size, size, p + 1)
          .lastInsertRowid,
      );
      for (let position = 1; position <= size; position++) {
        const song = firstSong + ((position * 7 + p * 13) % songCount);
        insertEntry.run(rankingId, song, position, 1_000_000 / position, p % 50);
      }
    }
    sqlite
      .prepare(
        `INSERT INTO sequences (name, value) VALUES ('ranking_entries', ?)
         ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)`,
      )
      .run(periods);
  })();
  return chartId;
}
