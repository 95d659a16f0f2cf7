import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase, type AppDatabase } from '../../electron/engine/db/open-database';
import { rankingsReader } from '../../electron/engine/export/read-rankings';
import { songsReader } from '../../electron/engine/export/read-songs';
import type { DatasetReader } from '../../electron/engine/export/read-scope';
import { readRanking } from '../../electron/engine/rankings/read-ranking';
import { listSongs, readSong } from '../../electron/engine/songs/read-songs';
import {
  bigDatabasePath,
  LEGACY_TAG,
  legacyBigDatabasePath,
  newestMigrationTag,
} from '../support/big-database';
import type { BenchRow, Measure } from '../support/measure';

const OUTPUT = resolve(import.meta.dirname, '../../bench-output');
const HIT_SONG = '00000000-0000-4000-8000-000001000000';

/**
 * Goal 5: bytes per ranking entry of the 5 M-entry database written through storeSnapshot (the whole file:
 * tables and indexes, after a checkpoint), and the read paths that use the entries timed on that same data.
 * Read paths are compared with the same paths timed on the schema before this one (the figures a run of this
 * measure wrote to bench-output/read-paths-<tag>.json on this machine: run it once at the older schema first),
 * because the older code cannot run in the same process.
 */
export const footprint: Measure = {
  goal: 5,
  id: 'footprint',
  async run({ quick, log }) {
    const file = bigDatabasePath({}, log);
    const database = openDatabase({ file });
    try {
      const entries = database.sqlite
        .prepare('SELECT count(*) FROM chart_ranking_entries')
        .pluck()
        .get() as number;
      const bytes = statSync(file).size;
      const rows: BenchRow[] = [
        {
          measure: `footprint: bytes per ranking entry (${entries.toLocaleString('en-US')} entries, indexes included)`,
          ours: Math.round((bytes / entries) * 10) / 10,
          reference: null,
          unit: 'bytes',
          target: { on: 'ours', op: '<=', value: 40 },
          note: `${(bytes / 1024 / 1024).toFixed(0)} MB file; ${breakdown(database, entries)}`,
        },
      ];
      if (!quick && newestMigrationTag() > LEGACY_TAG) rows[0]!.note += `; ${migration(log)}`;
      const timings = readPaths(database, quick ? 2 : 5, log);
      const tag = newestMigrationTag();
      if (!quick)
        writeFileSync(join(OUTPUT, `read-paths-${tag}.json`), `${JSON.stringify(timings, null, 2)}\n`);
      const before = earlierTimings(tag);
      for (const [path, ms] of Object.entries(timings)) {
        const then = before?.timings[path];
        rows.push({
          measure: `read path: ${path}`,
          ours: Math.round(ms * 10) / 10,
          reference: then === undefined ? null : Math.round(then * 10) / 10,
          unit: 'ms',
          referenceLabel: before ? `the same path at schema ${before.tag}, this machine` : undefined,
          target:
            then === undefined ? { on: 'ours', op: '>=', value: 0 } : { on: 'ratio', op: '<=', value: 1.15 },
          note:
            then === undefined
              ? 'no figure of an older schema on this machine: nothing to compare'
              : undefined,
        });
      }
      return rows;
    } finally {
      database.close();
    }
  },
};

/**
 * Migrating the 0003-schema copy of the same data in place, as the app does at its first start after the
 * upgrade: backup (VACUUM INTO), migrations and the VACUUM that gives the old table's pages back, timed together.
 */
function migration(log: (line: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'chart-sync-migrate-'));
  try {
    const file = join(dir, 'chart-sync.sqlite');
    copyFileSync(legacyBigDatabasePath(log), file);
    const started = performance.now();
    const database = openDatabase({ file });
    const seconds = (performance.now() - started) / 1000;
    const entries = database.sqlite
      .prepare('SELECT count(*) FROM chart_ranking_entries')
      .pluck()
      .get() as number;
    database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    database.close();
    const line = `migrating the 0003 copy in place took ${seconds.toFixed(0)} s (backup and VACUUM included), leaving a ${(statSync(file).size / entries).toFixed(1)}-byte-per-entry file`;
    log(line);
    return line;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Where the bytes are: each table and index of the entries, per entry (dbstat). */
function breakdown(database: AppDatabase, entries: number): string {
  const parts = database.sqlite
    .prepare(
      `SELECT name, sum(pgsize) AS bytes FROM dbstat WHERE name IN (
         SELECT name FROM sqlite_master WHERE tbl_name = 'chart_ranking_entries') GROUP BY name ORDER BY bytes DESC`,
    )
    .all() as { name: string; bytes: number }[];
  return parts.map((p) => `${p.name} ${(p.bytes / entries).toFixed(1)}`).join(', ') + ' bytes/entry';
}

/** Median milliseconds of each read path, after one warm-up call. */
function readPaths(
  database: AppDatabase,
  repeats: number,
  log: (line: string) => void,
): Record<string, number> {
  const chart = 'big-chart-0';
  const chartId = database.sqlite
    .prepare('SELECT id FROM charts WHERE slug = ?')
    .pluck()
    .get(chart) as number;
  const scope = { chartIds: [chartId], from: null, to: null, after: null };
  const drain = (reader: DatasetReader) => {
    let n = reader.count();
    for (const _ of reader.rows()) n -= 1;
    if (n !== 0) throw new Error('an export read a different number of rows than it counted');
  };
  const paths: Record<string, () => unknown> = {
    'rankings/get, latest ranking (200 entries)': () => readRanking(database, chart, undefined, () => null),
    'rankings/get, a ranking mid-year': () => readRanking(database, chart, '2025-07-01', () => null),
    'songs/get, a hit on every chart': () => readSong(database, HIT_SONG, Date.now()),
    'songs/list, first page by last seen': () =>
      listSongs(database, { sort: 'last_seen', limit: 50, offset: 0 }),
    'songs/list, first page by title': () => listSongs(database, { sort: 'title', limit: 50, offset: 0 }),
    'export rankings of one chart (73,000 rows)': () => drain(rankingsReader(database.sqlite, scope)),
    'export songs of one chart': () => drain(songsReader(database.sqlite, scope)),
  };
  const result: Record<string, number> = {};
  for (const [path, read] of Object.entries(paths)) {
    read();
    const times: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const started = performance.now();
      read();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    result[path] = times[Math.floor(times.length / 2)]!;
    log(`${path}: ${result[path]!.toFixed(1)} ms`);
  }
  return result;
}

/** The read-path figures this machine recorded at the newest schema older than `tag`, if any. */
function earlierTimings(tag: string): { tag: string; timings: Record<string, number> } | null {
  if (!existsSync(OUTPUT)) return null;
  const older = readdirSync(OUTPUT)
    .map((name) => /^read-paths-(.+)\.json$/.exec(name)?.[1])
    .filter((t): t is string => t !== undefined && t < tag)
    .sort()
    .at(-1);
  if (older === undefined) return null;
  const timings = JSON.parse(readFileSync(join(OUTPUT, `read-paths-${older}.json`), 'utf8')) as Record<
    string,
    number
  >;
  return { tag: older, timings };
}
