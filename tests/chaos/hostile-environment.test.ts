import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DATABASE_FILE_NAME } from '../../electron/engine/host';
import { openDatabase } from '../../electron/engine/db/open-database';
import { ChartSyncError } from '../../shared/errors';
import { FAST, runCli } from '../cli/run-cli';
import {
  SERVE_URL_LINE,
  freshMachineEnv,
  spawnChartSync,
  type SpawnedChartSync,
} from '../cli/spawn-chart-sync';
import { makeRendererDir } from '../engine/server/support';
import { useTempDir } from '../support/database';
import { useEmulator } from '../support/emulator';
import { startTestEngine, type TestEngine } from '../support/sync-engine';
import { CHAOS_FULL, chaosScale, chaosTimeout } from './support/chaos-scale';
import { containsPlantedSecret, recordOutput } from './support/planted-key';
import { makeReadOnly, readOnlyTechnique, type ReadOnlyFolder } from './support/read-only-folder';
import { canMountTinyDisk, mountTinyDisk, type TinyDisk } from './support/tiny-disk';

/**
 * Section 5: the machine turns against Chart Sync. A damaged, foreign or too-new database, a read-only data
 * folder, a full disk, a second host, a CLI sync while a host runs, the clock jumping: each gives a clear
 * message (one line, no stack, no SQLite code), loses nothing already stored, and recovers when the cause goes.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const RAW = /\n\s+at |SqliteError|SQLITE_[A-Z]|ENOTDIR|EEXIST|ENOSPC|EROFS/;

/** Every entry of every stored ranking, by chart slug, date and position, the song by its Soundcharts uuid. */
const RANKING_ROWS = `SELECT c.slug, r.ranking_datetime, e.position, s.uuid FROM chart_ranking_entries e
  JOIN chart_rankings r ON r.id = e.ranking_id JOIN charts c ON c.id = r.chart_id JOIN songs s ON s.id = e.song_id
  ORDER BY c.slug, r.ranking_datetime, e.position`;

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every row of the rankings, in order: what "nothing stored was lost" compares. */
function rankingDump(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return JSON.stringify(db.prepare(RANKING_ROWS).all());
  } finally {
    db.close();
  }
}

function liveDump(test: TestEngine): unknown[] {
  return test.engine.database.sqlite.prepare(RANKING_ROWS).all();
}

function duplicatedSnapshots(test: TestEngine): number {
  return test.engine.database.sqlite
    .prepare(
      'SELECT count(*) FROM (SELECT chart_id, ranking_date FROM chart_rankings GROUP BY 1, 2 HAVING count(*) > 1)',
    )
    .pluck()
    .get() as number;
}

function record(name: string, text: string): void {
  recordOutput(`hostile-environment-${name}`, text);
  expect(containsPlantedSecret(text)).toBe(false);
}

describe('hostile environment', () => {
  const temp = useTempDir();

  /** A demo data folder made by the CLI itself (schedules, catalogue, a synced chart): the thing to damage. */
  let seeded = '';
  let seededDump = '';
  const seedTemp = useTempDirOnce();
  beforeAll(async () => {
    seeded = seedTemp();
    // The demo's monthly chart: its whole window is a handful of periods, so the seed costs little.
    const sync = await cliAt(seeded, 'sync', 'global-111');
    record('seed', sync.stdout + sync.stderr);
    expect(sync.code).toBe(0);
    seededDump = rankingDump(join(seeded, DEMO_DATABASE_FILE_NAME));
    expect(JSON.parse(seededDump).length).toBeGreaterThan(0);
  }, 120_000);

  /** A copy of the seeded folder, checkpointed into one file (no -wal beside it). */
  function copyOfSeed(): string {
    const dir = temp();
    const source = new Database(join(seeded, DEMO_DATABASE_FILE_NAME));
    source.pragma('wal_checkpoint(TRUNCATE)');
    source.close();
    copyFileSync(join(seeded, DEMO_DATABASE_FILE_NAME), join(dir, DEMO_DATABASE_FILE_NAME));
    return dir;
  }

  describe('a damaged, foreign or too-new database', () => {
    type Damage = { name: string; damage(file: string): void; code: string; says: RegExp };
    const damages: Damage[] = [
      {
        name: 'random bytes',
        damage: (file) => writeFileSync(file, randomBytes(64 * 1024)),
        code: 'database_unreadable',
        says: /cannot open .*chart-sync-demo\.sqlite.*left untouched/,
      },
      {
        name: 'random bytes over its pages',
        damage: (file) => {
          const bytes = readFileSync(file);
          randomBytes(bytes.length - 4096).copy(bytes, 4096);
          writeFileSync(file, bytes);
        },
        code: 'database_unreadable',
        says: /chart-sync-demo\.sqlite/,
      },
      {
        name: 'truncated',
        damage: (file) => truncateSync(file, Math.floor(readFileSync(file).length / 3)),
        code: 'database_unreadable',
        says: /chart-sync-demo\.sqlite/,
      },
      {
        name: 'a foreign SQLite database',
        damage: (file) => {
          rmSync(file);
          const foreign = new Database(file);
          foreign.exec(
            'CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)',
          );
          foreign.close();
        },
        code: 'database_unreadable',
        says: /tables that Chart Sync did not create/,
      },
      {
        name: 'a newer version',
        damage: (file) => {
          const db = new Database(file);
          db.pragma('user_version = 999');
          db.close();
        },
        code: 'database_too_new',
        says: /newer version of Chart Sync \(schema 999/,
      },
    ];

    for (const { name, damage, code, says } of damages) {
      it(`${name}: refused in one line, the file left as it was, and the data back once the file is restored`, async () => {
        const dir = copyOfSeed();
        const file = join(dir, DEMO_DATABASE_FILE_NAME);
        const good = readFileSync(file);
        damage(file);
        const damaged = sha(file);
        let refused: unknown = null;
        try {
          openDatabase({ file }).close();
        } catch (error) {
          refused = error;
        }
        // A page-level corruption may open (its header is fine): then the first command that reads it must say so.
        if (refused !== null) {
          expect(refused).toBeInstanceOf(ChartSyncError);
          expect((refused as ChartSyncError).code).toBe(code);
          expect((refused as ChartSyncError).message).toMatch(says);
        }
        const result = await cliAt(dir, 'schedules', 'list');
        record(`damaged-${name}`, result.stdout + result.stderr);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/^chart-sync: /m);
        expect(result.stderr).not.toMatch(RAW);
        expect(sha(file)).toBe(damaged);
        // The cause goes (a backup restored): everything is there.
        writeFileSync(file, good);
        rmSync(`${file}-wal`, { force: true });
        rmSync(`${file}-shm`, { force: true });
        expect((await cliAt(dir, 'schedules', 'list')).code).toBe(0);
        expect(rankingDump(file)).toBe(seededDump);
      });
    }

    it('a WAL from another database beside it: refused, never checkpointed into this one, whole once moved away', async () => {
      const dir = copyOfSeed();
      const file = join(dir, DEMO_DATABASE_FILE_NAME);
      // Another Chart Sync database with uncommitted-to-file pages in its WAL (a crash left it there).
      const other = join(temp(), 'other.sqlite');
      const db = new Database(other);
      db.pragma('journal_mode = WAL');
      db.pragma('wal_autocheckpoint = 0');
      db.exec('CREATE TABLE filler (v BLOB)');
      db.prepare('INSERT INTO filler VALUES (?)').run(randomBytes(64 * 1024));
      copyFileSync(`${other}-wal`, `${file}-wal`);
      db.close();
      const result = await cliAt(dir, 'schedules', 'list');
      record('foreign-wal', result.stdout + result.stderr);
      expect(result.stderr).not.toMatch(RAW);
      // SQLite replays any WAL beside a file: refused, naming the journal, and the database never written to.
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^chart-sync: .*chart-sync-demo\.sqlite-wal came from another database/m);
      expect(existsSync(`${file}-wal`)).toBe(true);
      rmSync(`${file}-wal`);
      rmSync(`${file}-shm`, { force: true });
      expect((await cliAt(dir, 'schedules', 'list')).code).toBe(0);
      expect(rankingDump(file)).toBe(seededDump);
      const check = new Database(file, { readonly: true });
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      check.close();
    });
  });

  describe.skipIf(readOnlyTechnique() === null)(`a read-only data folder (${readOnlyTechnique()})`, () => {
    const folders: ReadOnlyFolder[] = [];
    afterEach(() => {
      for (const folder of folders.splice(0)) folder.restore();
    });

    it('is said to be read-only by every command, changes nothing, and works again once writable', async () => {
      const dir = copyOfSeed();
      const file = join(dir, DEMO_DATABASE_FILE_NAME);
      const before = sha(file);
      folders.push(makeReadOnly(dir));
      for (const args of [['status'], ['schedules', 'list'], ['sync', 'global-28'], ['process']]) {
        const result = await cliAt(dir, ...args);
        record(`read-only-${args[0]}`, result.stdout + result.stderr);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/data folder .* is read-only/);
        expect(result.stderr).not.toMatch(RAW);
        expect(result.stderr).not.toMatch(/restore a backup/);
      }
      expect(sha(file)).toBe(before);
      folders.splice(0).forEach((folder) => folder.restore());
      expect((await cliAt(dir, 'sync', 'global-28')).code).toBe(0);
      expect(rankingDump(file)).toBe(seededDump);
    });
  });

  describe.skipIf(!canMountTinyDisk())('a disk that fills up (a tmpfs)', () => {
    const emulator = useEmulator();
    let disk: TinyDisk | null = null;
    let test: TestEngine | null = null;
    afterEach(async () => {
      await test?.engine.close();
      test = null;
      disk?.unmount();
      disk = null;
    });

    /** Long enough that the periods after the fill outgrow the WAL SQLite already has (it reuses it). */
    const BACKFILL_DAYS = chaosScale(4, 40);
    const fillPoints = chaosScale([1], [1, 3, 8, 15, 30]);
    for (const fillAfter of fillPoints) {
      it(
        `mid-backfill, after ${fillAfter} stored period(s): disk_full, nothing stored lost, the same data as an undisturbed run once space returns`,
        async () => {
          const reference = await startTestEngine(emulator.current);
          const refChart = reference.chartId({ slug: 'global-28' });
          reference.engine.schedules.create({
            chartId: refChart,
            historyWindowDays: BACKFILL_DAYS,
            fetchTrackMetadata: false,
          });
          expect(await reference.engine.syncChart(refChart, 'backfill')).toMatchObject({
            status: 'completed',
          });
          const expected = liveDump(reference);
          await reference.engine.close();

          disk = mountTinyDisk(join(temp(), 'disk'), 8192);
          test = await startTestEngine(emulator.current, {
            file: join(disk.path, 'data', 'chart-sync.sqlite'),
          });
          const { engine, chartId, errors } = test;
          const id = chartId({ slug: 'global-28' });
          engine.schedules.create({
            chartId: id,
            historyWindowDays: BACKFILL_DAYS,
            fetchTrackMetadata: false,
          });
          // SQLite reuses its WAL file: emptied first, so the periods after the fill need new disk space.
          engine.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
          let stored = 0;
          const off = engine.events.on('rankings/stored', () => {
            stored += 1;
            if (stored === fillAfter) disk!.fill();
          });
          const outcome = await engine.syncChart(id, 'backfill').then(
            (execution) => ({ code: execution.errorCode, message: execution.errorMessage ?? '' }),
            (error: unknown) => ({
              code: (error as ChartSyncError).code,
              message: String((error as Error).message),
            }),
          );
          off();
          record(`full-disk-${fillAfter}`, JSON.stringify(outcome));
          expect(outcome.code).toBe('disk_full');
          expect(outcome.message).toMatch(/disk holding the data folder .* is full/);
          expect(outcome.message).not.toMatch(RAW);
          expect(errors.filter((e) => !(e instanceof ChartSyncError) || RAW.test(e.message))).toEqual([]);
          const kept = liveDump(test);
          expect(kept.length).toBeGreaterThanOrEqual(fillAfter * 1);
          expect(expected).toEqual(expect.arrayContaining(kept as unknown[]));
          expect(duplicatedSnapshots(test)).toBe(0);

          // Space returns: the backfill's retry comes (at most 15 minutes later), and ends with exactly an
          // undisturbed run's data.
          disk.free();
          test.clock.advance(16 * 60_000);
          const again = await engine.processDue();
          record(`full-disk-${fillAfter}-after`, JSON.stringify(again));
          const last = engine.executions.listForSchedule(engine.schedules.getByChart(id)!.id)[0]!;
          expect(last).toMatchObject({ id: again[0]?.id, status: 'completed' });
          expect(liveDump(test)).toEqual(expected);
          expect(engine.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
        },
        chaosTimeout(60_000, 120_000),
      );
    }
  });

  describe('the clock jumps (the engine’s clock, moved under a running scheduler)', () => {
    const emulator = useEmulator();
    let test: TestEngine | null = null;
    afterEach(async () => {
      await test?.engine.close();
      test = null;
    });

    const jumps = chaosScale(
      [
        ['forward a day', DAY],
        ['back an hour', -HOUR],
      ] as const,
      [
        ['forward an hour', HOUR],
        ['forward a day', DAY],
        ['back an hour', -HOUR],
        ['back a day', -DAY],
      ] as const,
    );
    it(`${jumps.map(([name]) => name).join(', ')}: no sync runs twice, nothing stored is lost or duplicated, syncing goes on`, async () => {
      test = await startTestEngine(emulator.current, { file: join(temp(), 'chart-sync.sqlite') });
      const { engine, chartId, clock, errors } = test;
      const id = chartId({ slug: 'global-28' });
      const schedule = engine.schedules.create({
        chartId: id,
        historyWindowDays: 2,
        fetchTrackMetadata: false,
        syncImmediately: true,
      });
      await engine.processDue();
      expect(engine.executions.listForSchedule(schedule.schedule.id)[0]).toMatchObject({
        status: 'completed',
      });
      const runs = () => engine.executions.listForSchedule(schedule.schedule.id, 1000).length;
      for (const [name, by] of jumps) {
        const stored = liveDump(test);
        const before = runs();
        const nextBefore = engine.schedules.get(schedule.schedule.id).nextSyncAt;
        clock.advance(by);
        await engine.processDue();
        await engine.processDue();
        const after = runs();
        record(
          `clock-${name}`,
          JSON.stringify({
            before,
            after,
            nextBefore,
            next: engine.schedules.get(schedule.schedule.id).nextSyncAt,
          }),
        );
        // A day forward: the missed daily slot runs once (not once per pass); back, or an hour forward: none.
        expect(after - before).toBe(by >= DAY ? 1 : 0);
        expect(liveDump(test).slice(0, stored.length)).toEqual(expect.arrayContaining(stored as unknown[]));
        expect(liveDump(test).length).toBeGreaterThanOrEqual(stored.length);
        expect(duplicatedSnapshots(test)).toBe(0);
      }
      // Back to the real order of things: the next slot still comes, once.
      clock.advance(DAY + HOUR);
      await engine.processDue();
      expect(engine.executions.listForSchedule(schedule.schedule.id)[0]).toMatchObject({
        status: 'completed',
      });
      expect(errors).toEqual([]);
    }, 60_000);
  });

  describe('a second engine on the same database (in-process, reduced and full)', () => {
    const emulator = useEmulator();
    const engines: TestEngine[] = [];
    afterEach(async () => {
      for (const test of engines.splice(0)) await test.engine.close();
    });

    it('the second is refused the sync role naming who holds it, nothing is lost, and it syncs once the first stops', async () => {
      const file = join(temp(), 'chart-sync.sqlite');
      const first = await startTestEngine(emulator.current, { file });
      engines.push(first);
      const id = first.chartId({ slug: 'global-28' });
      first.engine.schedules.create({ chartId: id, historyWindowDays: 1, fetchTrackMetadata: false });
      expect(await first.engine.syncChart(id)).toMatchObject({ status: 'completed' });
      const stored = liveDump(first);
      const second = await startTestEngine(emulator.current, { file });
      engines.push(second);
      const refused = await second.engine.syncChart(id).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(ChartSyncError);
      expect((refused as ChartSyncError).code).toBe('sync_locked');
      expect((refused as ChartSyncError).message).toMatch(
        new RegExp(`process ${process.pid}.*chart-sync\\.sqlite\\.sync-lock`),
      );
      record('second-engine', (refused as Error).message);
      expect(liveDump(second)).toEqual(stored);
      await first.engine.close();
      engines.splice(engines.indexOf(first), 1);
      second.engine.schedules.update(second.engine.schedules.getByChart(id)!.id, { historyWindowDays: 2 });
      expect(await second.engine.syncChart(id)).toMatchObject({ status: 'completed' });
      expect(liveDump(second).length).toBeGreaterThan(stored.length);
      expect(duplicatedSnapshots(second)).toBe(0);
    }, 60_000);
  });

  // Spawned processes cost a minute here: the real `serve` twice and the CLI, in the full run only.
  describe.skipIf(!CHAOS_FULL)('a second host, and a CLI sync, on the same data folder (spawned)', () => {
    let renderer: ReturnType<typeof makeRendererDir>;
    const hosts: SpawnedChartSync[] = [];
    beforeAll(() => {
      renderer = makeRendererDir();
    });
    afterAll(async () => {
      for (const host of hosts) {
        if (host.child.exitCode === null && host.child.signalCode === null) host.child.kill('SIGKILL');
        await host.result.catch(() => undefined);
      }
      renderer.cleanup();
    });

    const serve = (dir: string) => {
      const host = spawnChartSync(
        [...FAST, 'serve', '--port', '0', '--renderer-dir', renderer.rendererDir],
        freshMachineEnv(dir),
      );
      hosts.push(host);
      let out = '';
      host.child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
      host.child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
      return { host, output: () => out };
    };

    it(
      'the second host and the CLI say who syncs; nothing is lost; once the first host stops, they sync',
      async () => {
        const dir = copyOfSeed();
        const file = join(dir, DEMO_DATABASE_FILE_NAME);
        const first = serve(dir);
        await expect
          .poll(() => SERVE_URL_LINE.test(first.output()), { timeout: 90_000, interval: 100 })
          .toBe(true);
        const pid = first.host.child.pid!;

        const second = serve(dir);
        await expect
          .poll(() => SERVE_URL_LINE.test(second.output()) || second.host.child.exitCode !== null, {
            timeout: 90_000,
            interval: 100,
          })
          .toBe(true);
        // Whether it serves alongside or stops, it says which process syncs this database, in words.
        await expect
          .poll(() => second.output(), { timeout: 10_000, interval: 100 })
          .toMatch(new RegExp(`process ${pid}`));
        expect(second.output()).not.toMatch(RAW);
        second.host.child.kill('SIGINT');
        const secondResult = await second.host.result;
        record('second-host', second.output());
        expect(secondResult.code === 0 || secondResult.code === 1).toBe(true);

        const sync = spawnChartSync([...FAST, 'sync', 'global-28'], freshMachineEnv(dir));
        const synced = await sync.result;
        record('cli-sync-while-host', synced.stdout + synced.stderr);
        expect(synced.stderr).not.toMatch(RAW);
        expect(`${synced.stdout}${synced.stderr}`).toMatch(
          new RegExp(`process ${pid}|syncs it|completed|up to date`, 'i'),
        );

        first.host.child.kill('SIGINT');
        expect((await first.host.result).code).toBe(0);
        record('first-host', first.output());
        const after = spawnChartSync([...FAST, 'sync', 'global-28'], freshMachineEnv(dir));
        const afterResult = await after.result;
        record('cli-sync-after-host', afterResult.stdout + afterResult.stderr);
        expect(afterResult.code).toBe(0);
        expect(afterResult.stderr).not.toMatch(RAW);
        const check = new Database(file, { readonly: true });
        expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
        check.close();
        expect(JSON.parse(rankingDump(file)) as unknown[]).toEqual(
          expect.arrayContaining(JSON.parse(seededDump) as unknown[]),
        );
        expect(existsSync(`${file}.sync-lock`)).toBe(true);
      },
      chaosTimeout(200_000, 300_000),
    );
  });
});

/** The CLI in-process (demo mode: no credentials), on `dir`. */
async function cliAt(dir: string, ...args: string[]) {
  const saved = { ...process.env };
  process.env.CHART_SYNC_DATA_DIR = dir;
  process.env.SOUNDCHARTS_APP_ID = '';
  process.env.SOUNDCHARTS_API_KEY = '';
  process.env.SOUNDCHARTS_API_URL = '';
  try {
    return await runCli(...FAST, ...args);
  } finally {
    for (const key of [
      'CHART_SYNC_DATA_DIR',
      'SOUNDCHARTS_APP_ID',
      'SOUNDCHARTS_API_KEY',
      'SOUNDCHARTS_API_URL',
    ]) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  }
}

/** useTempDir for a beforeAll: one folder for the whole file, removed at the end. */
function useTempDirOnce(): () => string {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = join(tmpdir(), `chart-sync-hostile-${process.pid}-${dirs.length}`);
    dirs.push(dir);
    return dir;
  };
}
