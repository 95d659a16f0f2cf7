import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase, type AppDatabase } from '../../electron/engine/db/open-database';
import { upsertCharts } from '../../electron/engine/db/queries/charts';
import { storeSnapshot } from '../../electron/engine/sync/store-snapshot';
import { chartSnapshots } from '../support/big-database';
import type { BenchRow, Measure } from '../support/measure';

/**
 * Goal 4: storing parsed snapshots (storeSnapshot: songs upserted, ranking row, entries) against a raw
 * prepared-insert loop of the very same rows, one transaction per snapshot. "The same rows" is taken
 * literally: after storeSnapshot ran, every row it wrote (songs, rankings, entries, whatever the schema is) is
 * read back and the reference inserts exactly those values, positional parameters, ids given, nothing looked up.
 * Both write to a fresh file database opened by the app (WAL, synchronous NORMAL); each round times both back to
 * back and the round with the median ratio is reported (on a shared machine the load moves between rounds).
 */
export const ingest: Measure = {
  goal: 4,
  id: 'ingest',
  async run({ quick, log }) {
    const charts = quick ? 2 : 4;
    const days = quick ? 20 : 120;
    const rounds = quick ? 1 : 5;
    const snapshots = Array.from({ length: charts }, (_, c) => [
      ...chartSnapshots(c, `ingest-chart-${c}`, { days }),
    ]);
    const entries = snapshots.flat().reduce((n, s) => n + s.entries.length, 0);
    log(`${charts} charts × ${days} daily 200-entry snapshots = ${entries.toLocaleString('en-US')} entries`);

    const dir = mkdtempSync(join(tmpdir(), 'chart-sync-ingest-'));
    try {
      // Each round times both, back to back, so that both see the same load; the median round is kept.
      const pairs: { ours: number; reference: number }[] = [];
      for (let round = 0; round < rounds; round++) {
        const stored = freshDatabase(join(dir, `ours-${round}.sqlite`), charts);
        const chartIds = snapshots.map((_, c) => chartIdOf(stored, c));
        const started = performance.now();
        for (const [c, list] of snapshots.entries())
          for (const snapshot of list)
            storeSnapshot(stored, chartIds[c]!, snapshot, Date.parse(snapshot.datetime));
        const ours = performance.now() - started;
        const batches = rowsPerSnapshot(stored.sqlite);
        stored.close();

        const raw = freshDatabase(join(dir, `raw-${round}.sqlite`), charts);
        const reference = rawInsertLoop(raw.sqlite, batches);
        raw.close();
        pairs.push({ ours, reference });
        log(`round ${round + 1}: storeSnapshot ${ours.toFixed(0)} ms, raw loop ${reference.toFixed(0)} ms`);
      }
      pairs.sort((a, b) => a.reference / a.ours - b.reference / b.ours);
      const { ours, reference } = pairs[Math.floor(pairs.length / 2)]!;
      const perSecond = (ms: number) => Math.round(entries / (ms / 1000));
      const row: BenchRow = {
        measure: `ingest: entries stored per second (${entries.toLocaleString('en-US')} entries)`,
        ours: perSecond(ours),
        reference: perSecond(reference),
        unit: 'entries/s',
        referenceLabel: 'raw prepared-insert loop of the same rows, one transaction per snapshot',
        target: { on: 'ratio', op: '>=', value: 0.7 },
        note:
          `median of ${rounds} rounds: storeSnapshot ${ours.toFixed(0)} ms, raw loop ${reference.toFixed(0)} ms; ` +
          `ratios ${pairs.map((p) => (p.reference / p.ours).toFixed(2)).join(', ')}`,
      };
      return [row];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

function freshDatabase(file: string, charts: number): AppDatabase {
  const database = openDatabase({ file });
  upsertCharts(
    database,
    Array.from({ length: charts }, (_, c) => ({
      slug: `ingest-chart-${c}`,
      name: `Ingest ${c}`,
      platform: 'spotify',
      frequency: 'daily',
      countryCode: '',
      countryName: 'Worldwide',
      maxResultsCount: 200,
    })),
  );
  return database;
}

const chartIdOf = (database: AppDatabase, c: number) =>
  database.sqlite.prepare('SELECT id FROM charts WHERE slug = ?').pluck().get(`ingest-chart-${c}`) as number;

type Table = { name: string; columns: string[]; rows: unknown[][] };
type Batch = Table[];

/** Every row storeSnapshot wrote, grouped by the snapshot that wrote it (a song with the snapshot it entered). */
function rowsPerSnapshot(sqlite: Database.Database): Batch[] {
  const columnsOf = (table: string) =>
    sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
  const songColumns = columnsOf('songs');
  const rankingColumns = columnsOf('chart_rankings');
  const entryColumns = columnsOf('chart_ranking_entries');
  const songs = new Map(
    (sqlite.prepare(`SELECT * FROM songs`).raw().all() as unknown[][]).map((row) => [row[0] as number, row]),
  );
  const entriesOf = sqlite.prepare(`SELECT * FROM chart_ranking_entries WHERE ranking_id = ?`).raw();
  const songIndex = entryColumns.indexOf('song_id');
  const inserted = new Set<number>();
  const batches: Batch[] = [];
  for (const ranking of sqlite.prepare('SELECT * FROM chart_rankings ORDER BY id').raw().iterate()) {
    const row = ranking as unknown[];
    const entries = entriesOf.all(row[0]) as unknown[][];
    const newSongs: unknown[][] = [];
    for (const entry of entries) {
      const id = entry[songIndex] as number;
      if (inserted.has(id)) continue;
      inserted.add(id);
      newSongs.push(songs.get(id)!);
    }
    batches.push([
      { name: 'songs', columns: songColumns, rows: newSongs },
      { name: 'chart_rankings', columns: rankingColumns, rows: [row] },
      { name: 'chart_ranking_entries', columns: entryColumns, rows: entries },
    ]);
  }
  return batches;
}

/** The reference: the same rows inserted by prepared statements, one transaction per snapshot. */
function rawInsertLoop(sqlite: Database.Database, batches: Batch[]): number {
  const statements = new Map(
    batches[0]!.map((table) => [
      table.name,
      sqlite.prepare(
        `INSERT INTO ${table.name} (${table.columns.join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`,
      ),
    ]),
  );
  const store = sqlite.transaction((batch: Batch) => {
    for (const table of batch) {
      const statement = statements.get(table.name)!;
      for (const row of table.rows) statement.run(row);
    }
  });
  const started = performance.now();
  for (const batch of batches) store(batch);
  return performance.now() - started;
}
