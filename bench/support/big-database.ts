import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_MIGRATIONS_FOLDER } from '../../electron/engine/db/migrations-folder';
import { openDatabase, type AppDatabase } from '../../electron/engine/db/open-database';
import { upsertCharts } from '../../electron/engine/db/queries/charts';
import type { RankingEntry, RankingSnapshot } from '../../electron/engine/soundcharts/types';
import { storeSnapshot } from '../../electron/engine/sync/store-snapshot';
import { addDays } from '../../shared/domain/periods';

/**
 * A big operator's database, written through the engine's own write path (storeSnapshot), so that it has the
 * schema and the shape of data the app really stores whatever the schema is: daily 200-entry charts, one year
 * each, songs that enter, climb, fall and leave, real-looking entry dates, metrics and time on chart.
 * Deterministic. Built once per size and schema (the newest migration's tag is in the file name) under
 * bench-output/, then copied for each measure that writes to it.
 */
export type BigDatabaseOptions = { entries?: number; size?: number; days?: number };

export const BIG_DATABASE_ENTRIES = 5_000_000;
const FIRST_DAY = '2025-01-01';
const OUTPUT = resolve(import.meta.dirname, '../../bench-output');

export function newestMigrationTag(folder = DEFAULT_MIGRATIONS_FOLDER): string {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries.at(-1)!.tag;
}

/** The path of the cached database (built now if missing). Never write to it: copy it (`copyBigDatabase`). */
export function bigDatabasePath(options: BigDatabaseOptions = {}, log: (line: string) => void = () => {}) {
  const entries = options.entries ?? BIG_DATABASE_ENTRIES;
  const file = join(OUTPUT, `big-${entries}-${newestMigrationTag()}.sqlite`);
  if (existsSync(file)) return file;
  mkdirSync(OUTPUT, { recursive: true });
  const building = `${file}.building`;
  rmSync(building, { force: true });
  log(`building a ${entries.toLocaleString('en-US')}-entry database (once per schema): ${file}`);
  const started = performance.now();
  const database = openDatabase({ file: building });
  try {
    fillBigDatabase(database, options);
    database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    database.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
  renameSync(building, file);
  log(`built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return file;
}

/** A private copy of the cached database at `target` (a measure that writes, or a host that migrates it). */
export function copyBigDatabase(
  target: string,
  options: BigDatabaseOptions = {},
  log?: (line: string) => void,
) {
  copyFileSync(bigDatabasePath(options, log), target);
  return target;
}

/** Writes the charts, songs and rankings into an open database; returns the number of entries stored. */
export function fillBigDatabase(database: AppDatabase, options: BigDatabaseOptions = {}): number {
  const size = options.size ?? 200;
  const days = options.days ?? 365;
  const entries = options.entries ?? BIG_DATABASE_ENTRIES;
  const chartCount = Math.ceil(entries / (size * days));
  const slugs = Array.from({ length: chartCount }, (_, c) => `big-chart-${c}`);
  upsertCharts(
    database,
    slugs.map((slug, c) => ({
      slug,
      name: `Top Songs ${c}`,
      platform: ['spotify', 'apple-music', 'deezer', 'youtube'][c % 4]!,
      frequency: 'daily',
      countryCode: `C${c}`,
      countryName: `Country ${c}`,
      maxResultsCount: size,
    })),
  );
  const idOf = database.sqlite.prepare<[string], number>('SELECT id FROM charts WHERE slug = ?').pluck();
  let stored = 0;
  for (const [c, slug] of slugs.entries()) {
    const chartId = idOf.get(slug)!;
    for (const snapshot of chartSnapshots(c, slug, {
      size,
      days: Math.min(days, Math.ceil((entries - stored) / size)),
    })) {
      storeSnapshot(database, chartId, snapshot, Date.parse(snapshot.datetime));
      stored += snapshot.entries.length;
    }
  }
  return stored;
}

/** The big database's chart number `chart` (its slug given), day after day: what the ingest measure stores too. */
export function* chartSnapshots(
  chart: number,
  slug: string,
  options: { size?: number; days?: number } = {},
): Generator<RankingSnapshot> {
  const history = new ChartHistory(chart, options.size ?? 200);
  for (let day = 0; day < (options.days ?? 365); day++)
    yield history.snapshot(slug, addDays(FIRST_DAY, day), day);
}

/**
 * One chart's songs over time: each day a few songs leave and new ones enter, the rest move by a little. Each
 * chart draws from its own pool plus a pool of global hits every chart shares (as real charts share songs).
 */
class ChartHistory {
  private order: number[];
  private readonly entered = new Map<number, string>();
  private readonly previous = new Map<number, number>();
  private readonly days = new Map<number, number>();
  private nextSong: number;

  constructor(
    private readonly chart: number,
    private readonly size: number,
  ) {
    this.nextSong = 0;
    this.order = Array.from({ length: size }, () => this.newSong());
  }

  private newSong(): number {
    const n = this.nextSong++;
    // One song in five is a hit every chart has too (they all draw the same sequence of hits), never twice.
    return n % 5 === 0 ? 1_000_000 + n / 5 : this.chart * 100_000 + n;
  }

  snapshot(slug: string, date: string, day: number): RankingSnapshot {
    const datetime = `${date}T12:00:00+00:00`;
    if (day > 0) this.move(day);
    const entries: RankingEntry[] = this.order.map((song, index) => {
      const position = index + 1;
      if (!this.entered.has(song)) this.entered.set(song, datetime);
      const old = this.previous.get(song) ?? 0;
      const onChart = (this.days.get(song) ?? 0) + 1;
      this.days.set(song, onChart);
      return {
        song: {
          uuid: `00000000-0000-4000-8000-${String(song).padStart(12, '0')}`,
          name: `Song ${song}`,
          creditName: `Artist ${song % 997}`,
          imageUrl: `https://assets.soundcharts.com/song/${song % 10}/${song % 7}/${song}.jpg`,
        },
        position,
        oldPosition: old,
        positionEvolution: old === 0 ? 0 : old - position,
        metric: Math.round(9_000_000 / position ** 0.8) + ((song * 7919 + day * 104_729) % 5000),
        entryState: old === 0 ? (day === 0 ? '' : 'NEW') : '',
        entryDate: this.entered.get(song)!,
        rankDate: datetime,
        timeOnChart: onChart,
        timeOnChartUnit: 'DOC',
      };
    });
    this.previous.clear();
    for (const [index, song] of this.order.entries()) this.previous.set(song, index + 1);
    return {
      datetime,
      date,
      instant: Date.parse(datetime),
      total: this.size,
      pages: Math.ceil(this.size / 100),
      chart: {
        slug,
        name: slug,
        type: 'song',
        platform: 'spotify',
        frequency: 'daily',
        countryCode: '',
        countryName: '',
        cityName: '',
        maxResultsCount: this.size,
        webUrl: null,
        metric: { type: 'streamcount', description: 'Streams' },
      },
      entries,
    };
  }

  /** Deterministic churn: 3 songs leave from the bottom half, 3 enter, neighbours swap. */
  private move(day: number): void {
    const order = [...this.order];
    for (let k = 0; k < 3; k++) {
      const leaving = Math.floor(this.size / 2) + ((day * 37 + k * 53) % Math.ceil(this.size / 2));
      order.splice(Math.min(leaving, order.length - 1), 1);
    }
    for (let k = 0; k < 3; k++) {
      const at = (day * 61 + k * 29) % this.size;
      order.splice(at, 0, this.newSong());
    }
    for (let i = day % 3; i + 1 < order.length; i += 3 + (day % 4)) {
      [order[i], order[i + 1]] = [order[i + 1]!, order[i]!];
    }
    this.order = order.slice(0, this.size);
  }
}

/** The last schema before compact entries (migration 0004): the footprint measure migrates a copy of it. */
export const LEGACY_TAG = '0003_data_usage_exports';

/**
 * The same database at schema 0003, written with that schema's rows (what storeSnapshot wrote before 0004:
 * every field verbatim, an entry id each). Built once under bench-output/, through migrations 0000–0003 only.
 */
export function legacyBigDatabasePath(log: (line: string) => void = () => {}): string {
  const file = join(OUTPUT, `big-${BIG_DATABASE_ENTRIES}-${LEGACY_TAG}.sqlite`);
  if (existsSync(file)) return file;
  mkdirSync(OUTPUT, { recursive: true });
  const folder = mkdtempSync(join(tmpdir(), 'chart-sync-legacy-migrations-'));
  const building = `${file}.building`;
  rmSync(building, { force: true });
  log(`building the 0003-schema ${BIG_DATABASE_ENTRIES.toLocaleString('en-US')}-entry database: ${file}`);
  try {
    cpSync(DEFAULT_MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalFile = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    const upTo = journal.entries.findIndex((e) => e.tag === LEGACY_TAG);
    journal.entries = journal.entries.slice(0, upTo + 1);
    writeFileSync(journalFile, JSON.stringify(journal));
    const database = openDatabase({ file: building, migrationsFolder: folder });
    try {
      fillLegacy(database);
      database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      database.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
  renameSync(building, file);
  return file;
}

function fillLegacy(database: AppDatabase): void {
  const sqlite = database.sqlite;
  const size = 200;
  const days = 365;
  const chartCount = Math.ceil(BIG_DATABASE_ENTRIES / (size * days));
  const songIds = new Map<string, number>();
  const insertChart = sqlite.prepare<[string, string, string]>(
    `INSERT INTO charts (slug, name, platform, frequency, country_code, country_name, max_results_count)
     VALUES (?, ?, ?, 'daily', '', '', 200) RETURNING id`,
  );
  const insertSong = sqlite.prepare(
    'INSERT INTO songs (uuid, name, credit_name, image_url, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertRanking = sqlite.prepare(
    `INSERT INTO chart_rankings (chart_id, ranking_datetime, ranking_date, ranking_instant, entry_count,
       reported_total, fetched_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEntry = sqlite.prepare(
    `INSERT INTO chart_ranking_entries (ranking_id, song_id, position, old_position, position_evolution, metric,
       entry_state, entry_date, rank_date, time_on_chart, time_on_chart_unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let stored = 0;
  for (let c = 0; c < chartCount; c++) {
    const slug = `big-chart-${c}`;
    const chartId = (insertChart.get(slug, `Top Songs ${c}`, 'spotify') as { id: number }).id;
    const daysOfChart = Math.min(days, Math.ceil((BIG_DATABASE_ENTRIES - stored) / size));
    for (const snapshot of chartSnapshots(c, slug, { size, days: daysOfChart })) {
      const now = snapshot.instant;
      sqlite.transaction(() => {
        for (const { song } of snapshot.entries) {
          if (songIds.has(song.uuid)) continue;
          const id = insertSong.run(song.uuid, song.name, song.creditName, song.imageUrl, now, now);
          songIds.set(song.uuid, Number(id.lastInsertRowid));
        }
        const rankingId = Number(
          insertRanking.run(
            chartId,
            snapshot.datetime,
            snapshot.date,
            snapshot.instant,
            snapshot.entries.length,
            snapshot.total,
            now,
            now,
            now,
          ).lastInsertRowid,
        );
        for (const e of snapshot.entries) {
          insertEntry.run(
            rankingId,
            songIds.get(e.song.uuid)!,
            e.position,
            e.oldPosition,
            e.positionEvolution,
            e.metric,
            e.entryState,
            e.entryDate,
            e.rankDate,
            e.timeOnChart,
            e.timeOnChartUnit,
          );
        }
      })();
      stored += snapshot.entries.length;
    }
  }
}
