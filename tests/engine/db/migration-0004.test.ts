import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersionOf } from '../../../electron/engine/db/migrate';
import { DEFAULT_MIGRATIONS_FOLDER } from '../../../electron/engine/db/migrations-folder';
import { openDatabase } from '../../../electron/engine/db/open-database';
import {
  rankingEntriesAsFetched,
  storedRankingQueries,
} from '../../../electron/engine/db/queries/stored-rankings';
import { rankingsReader } from '../../../electron/engine/export/read-rankings';
import { useTempDir } from '../../support/database';

const MIGRATIONS = loadMigrations(DEFAULT_MIGRATIONS_FOLDER);
const NOW = Date.UTC(2026, 10, 23, 12);

type LegacyEntry = {
  position: number;
  songId: number;
  oldPosition: number;
  positionEvolution: number;
  metric: number | null;
  entryState: string;
  entryDate: string | null;
  rankDate: string | null;
  timeOnChart: number | null;
  timeOnChartUnit: string | null;
};

const D1 = '2025-08-23T12:00:00+00:00';
const D2 = '2025-08-24T00:30:00-05:00';

/** Rows as versions before 0004 stored them, with every oddity the old columns allowed. */
const LEGACY: Record<string, LegacyEntry[]> = {
  [D1]: [
    row(1, 1, { entryDate: '2025-06-22T12:00:00+00:00', timeOnChart: 55 }),
    row(2, 2, { oldPosition: 0, entryState: 'NEW', entryDate: D1, timeOnChart: 1 }),
    row(3, 3, { oldPosition: 9, positionEvolution: 6, entryDate: null, metric: 10.25 }),
    row(4, 4, { oldPosition: 2, positionEvolution: 5, rankDate: null, timeOnChartUnit: 'WOC' }),
    row(5, 5, {
      entryDate: '2025-02-30T12:00:00+00:00',
      rankDate: '2025-08-22T12:00:00+00:00',
      metric: null,
    }),
    row(6, 6, { entryDate: '2025-06-22', timeOnChart: null, timeOnChartUnit: null, entryState: 'RE-ENTRY' }),
  ],
  [D2]: [
    row(1, 2, { entryDate: '2025-08-01T00:30:00-05:00', rankDate: D2, timeOnChart: 20 }),
    row(2, 1, { entryDate: '2025-08-01T00:30:00+00:00', rankDate: D2, timeOnChartUnit: 'WOC' }),
    row(3, 3, { rankDate: D2, timeOnChartUnit: 'WOC' }),
  ],
};

function row(position: number, songId: number, change: Partial<LegacyEntry>): LegacyEntry {
  return {
    position,
    songId,
    oldPosition: position,
    positionEvolution: 0,
    metric: 5000 - position,
    entryState: '',
    entryDate: '2025-08-01T12:00:00+00:00',
    rankDate: D1,
    timeOnChart: 10,
    timeOnChartUnit: 'DOC',
    ...change,
  };
}

/** A database as 0003 left it (user_version 4) holding LEGACY, written with that schema's own columns; the entry ids it gave. */
function legacyDatabase(file: string): void {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  migrate(sqlite, MIGRATIONS.slice(0, 4), { file: null, now: () => NOW });
  sqlite.exec(`
    INSERT INTO charts (id, slug, name, platform, frequency) VALUES (1, 'global-28', 'Top Songs', 'spotify', 'daily');
    INSERT INTO songs (id, uuid, name) VALUES (1, 'u1', 'One'), (2, 'u2', 'Two'), (3, 'u3', 'Three'),
      (4, 'u4', 'Four'), (5, 'u5', 'Five'), (6, 'u6', 'Six');`);
  const ranking = sqlite.prepare(
    `INSERT INTO chart_rankings (chart_id, ranking_datetime, ranking_date, ranking_instant, entry_count,
       reported_total, fetched_at) VALUES (1, ?, ?, ?, ?, ?, 0)`,
  );
  const entry = sqlite.prepare(
    `INSERT INTO chart_ranking_entries (ranking_id, song_id, position, old_position, position_evolution, metric,
       entry_state, entry_date, rank_date, time_on_chart, time_on_chart_unit)
     VALUES (@rankingId, @songId, @position, @oldPosition, @positionEvolution, @metric, @entryState, @entryDate,
       @rankDate, @timeOnChart, @timeOnChartUnit)`,
  );
  for (const [datetime, entries] of Object.entries(LEGACY)) {
    const rankingId = Number(
      ranking.run(datetime, datetime.slice(0, 10), Date.parse(datetime), entries.length, entries.length)
        .lastInsertRowid,
    );
    for (const e of entries) entry.run({ rankingId, ...e });
  }
  // An export before the upgrade, its watermark an entry id: the first ranking's last one.
  sqlite.exec(`INSERT INTO data_exports (dataset, destination, status, watermark, started_at, completed_at)
    VALUES ('rankings', 'file', 'completed', ${LEGACY[D1]!.length}, 0, 0)`);
  sqlite.close();
}

describe('migration 0004 (compact ranking entries)', () => {
  const tempDir = useTempDir();

  it('rewrites every entry in place, and every read returns what it returned before; a backup is taken first', () => {
    const dir = tempDir();
    const file = join(dir, 'chart-sync.sqlite');
    legacyDatabase(file);

    const database = openDatabase({ file, now: () => NOW });
    expect(database.migration.fromVersion).toBe(4);
    expect(schemaVersionOf(database.sqlite)).toBeGreaterThanOrEqual(5);
    const table = database.sqlite
      .prepare("SELECT sql FROM sqlite_master WHERE name = 'chart_ranking_entries'")
      .pluck()
      .get() as string;
    expect(table).toMatch(/WITHOUT ROWID/);

    const rankings = database.sqlite
      .prepare('SELECT id, ranking_datetime AS datetime FROM chart_rankings ORDER BY id')
      .all() as { id: number; datetime: string }[];
    expect(rankings.map((r) => r.datetime)).toEqual([D1, D2]);
    const uuids = ['', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6'];
    const names = ['', 'One', 'Two', 'Three', 'Four', 'Five', 'Six'];
    for (const { id, datetime } of rankings) {
      const expected = LEGACY[datetime]!.map(({ songId, ...fields }) => ({
        song: { uuid: uuids[songId], name: names[songId], creditName: '', imageUrl: null },
        ...fields,
      }));
      expect(rankingEntriesAsFetched(database, id)).toEqual(expected);
      // The ranking view's own statement: state and unit rebuilt in SQL.
      expect(
        storedRankingQueries(database)
          .entries.all(id)
          .map((e) => [e.position, e.entryState, e.timeOnChartUnit, e.oldPosition, e.metric]),
      ).toEqual(
        LEGACY[datetime]!.map((e) => [e.position, e.entryState, e.timeOnChartUnit, e.oldPosition, e.metric]),
      );
    }

    // "Since last export": the export taken before the upgrade saw the first ranking only.
    const scope = { chartIds: [1], from: null, to: null, after: LEGACY[D1]!.length };
    const since = [...rankingsReader(database.sqlite, scope).rows()].map((r) => r[5]);
    expect(since).toEqual(LEGACY[D2]!.map(() => D2.slice(0, 10)));
    const watermark = rankingsReader(database.sqlite, { ...scope, after: null }).watermark();
    expect(watermark).toBe(LEGACY[D1]!.length + LEGACY[D2]!.length);
    database.close();

    const backup = new Database(database.migration.backupFile!, { readonly: true });
    expect(schemaVersionOf(backup)).toBe(4);
    expect(backup.prepare('SELECT count(*) FROM chart_ranking_entries').pluck().get()).toBe(
      LEGACY[D1]!.length + LEGACY[D2]!.length,
    );
    backup.close();
  });

  it('gives the rebuilt table’s old pages back to the disk (VACUUM after the upgrade)', () => {
    const file = join(tempDir(), 'chart-sync.sqlite');
    legacyDatabase(file);
    const before = new Database(file);
    // 20,000 more entries: 100 rankings of 200.
    before.exec(`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
      INSERT INTO chart_rankings (chart_id, ranking_datetime, ranking_date, ranking_instant, entry_count,
        reported_total, fetched_at)
      SELECT 1, date('2024-01-01', '+' || i || ' days') || 'T12:00:00+00:00', date('2024-01-01', '+' || i || ' days'),
        i, 200, 200, 0 FROM n;
      WITH RECURSIVE p(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM p WHERE i < 200)
      INSERT INTO chart_ranking_entries (ranking_id, song_id, position, old_position, position_evolution, metric,
        entry_state, entry_date, rank_date, time_on_chart, time_on_chart_unit)
      SELECT r.id, 1 + p.i % 6, p.i, p.i, 0, 1000 - p.i, '', r.ranking_datetime, r.ranking_datetime, 1, 'DOC'
      FROM chart_rankings r CROSS JOIN p WHERE r.ranking_date < '2025-01-01';`);
    before.pragma('wal_checkpoint(TRUNCATE)');
    const pagesBefore = before.pragma('page_count', { simple: true }) as number;
    before.close();

    const database = openDatabase({ file, now: () => NOW });
    expect(database.sqlite.prepare('SELECT count(*) FROM chart_ranking_entries').pluck().get()).toBe(20_009);
    expect(database.sqlite.pragma('freelist_count', { simple: true })).toBe(0);
    expect(database.sqlite.pragma('page_count', { simple: true })).toBeLessThan(pagesBefore / 2);
    database.close();
  });

  it('continues the sequence past the entry ids ever given, even those of deleted entries', () => {
    const file = join(tempDir(), 'chart-sync.sqlite');
    legacyDatabase(file);
    const before = new Database(file);
    before.exec(
      "DELETE FROM chart_rankings WHERE ranking_datetime = '2025-08-24T00:30:00-05:00'; PRAGMA foreign_keys = ON;",
    );
    before.close();
    const database = openDatabase({ file, now: () => NOW });
    expect(
      database.sqlite.prepare("SELECT value FROM sequences WHERE name = 'ranking_entries'").pluck().get(),
    ).toBe(LEGACY[D1]!.length + LEGACY[D2]!.length);
    database.close();
  });
});
