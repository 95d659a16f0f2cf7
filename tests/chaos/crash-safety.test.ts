import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../electron/emulator/random';
import { SERVE_URL_LINE, spawnChartSync } from '../cli/spawn-chart-sync';
import { useTempDir } from '../support/database';
import { CHAOS_FULL, chaosScale, chaosTimeout } from './support/chaos-scale';
import {
  chaosEnv,
  outcomeOf,
  runChartSync,
  startEmulatorProcess,
  type EmulatorProcess,
} from './support/chaos-processes';
import { CHAOS_KEPT_DATA_DIR, recordOutput } from './support/planted-key';
import { brokenSnapshots, integrityCheck, storedData } from './support/stored-data';

/**
 * Section 1 of docs/reliability.md: SIGKILL at random moments of a backfill, restarting each time. The emulator
 * runs in a process of its own (with latency, so that kills land mid-period); each round starts one of
 * `chart-sync sync`, `serve`, `process` or `export` on the same data folder and kills it with SIGKILL, either once
 * it is storing (a snapshot or a song's metadata more than when it started) or after a random delay from its
 * start (which may land in its start-up, its migrations, its lock). Then one uninterrupted `sync` finishes.
 * Afterwards: integrity_check passes, no snapshot is duplicated or partial, every execution caught running was
 * marked interrupted and resumed, the schedule counts each pair once, the metadata queue is empty, the data
 * equals an uninterrupted run's row for row (songs' metadata included), and no export file is half-written under
 * its final name.
 */

const SEED = Number(process.env.CHART_SYNC_CHAOS_SEED ?? 20261207);
const KILLS = chaosScale(2, 20);
// Full: a year of a daily 200-entry chart (two pages a day). Reduced: a month of a daily 50-entry chart.
const CHART = chaosScale('ae-114', 'global-28');
const WINDOW_DAYS = chaosScale(30, 365);
const ROUNDS = ['sync', 'serve', 'process', 'export'] as const;
/** A round whose process shows no progress by then is killed anyway. */
const PROGRESS_PATIENCE_MS = 20_000;

const tempDir = useTempDir();
let emulator: EmulatorProcess;
let reference: Database.Database;
let setupDir: string;
const figures: string[] = [];

function databaseOf(dir: string): string {
  return join(dir, 'chart-sync.sqlite');
}

/** Snapshots plus songs with metadata: grows with every bit of work a sync commits. */
function progress(file: string): number {
  if (!existsSync(file)) return 0;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 1_000 });
    try {
      return db
        .prepare(
          `SELECT (SELECT count(*) FROM chart_rankings) +
                  (SELECT count(*) FROM songs WHERE metadata_fetched_at IS NOT NULL)`,
        )
        .pluck()
        .get() as number;
    } finally {
      db.close();
    }
  } catch {
    return -1;
  }
}

function entryCount(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 1_000 });
  try {
    return db.prepare('SELECT count(*) FROM chart_ranking_entries').pluck().get() as number;
  } finally {
    db.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(
  async () => {
    emulator = await startEmulatorProcess({ seed: 1, faults: { latency: { minMs: 10, maxMs: 60 } } });
    // The catalogue and the schedule once, copied to the chaos folder and to the reference's.
    setupDir = tempDir();
    const env = chaosEnv(setupDir, emulator.url);
    expect((await runChartSync('setup', ['charts', 'discover'], env)).code).toBe(0);
    const added = await runChartSync(
      'setup',
      ['schedules', 'add', CHART, '--history-days', String(WINDOW_DAYS)],
      env,
    );
    expect(added.code).toBe(0);

    const referenceDir = tempDir();
    cpSync(setupDir, referenceDir, { recursive: true });
    const synced = await runChartSync('reference', ['sync', CHART], chaosEnv(referenceDir, emulator.url));
    expect(synced.code).toBe(0);
    reference = new Database(databaseOf(referenceDir), { readonly: true });
    expect(storedData(reference).snapshots).toHaveLength(WINDOW_DAYS);
  },
  chaosTimeout(120_000, 600_000),
);

afterAll(async () => {
  reference?.close();
  await emulator?.stop();
  if (figures.length > 0) {
    const summary = [`crash safety (${CHAOS_FULL ? 'full' : 'reduced'}, seed ${SEED}):`, ...figures].join(
      '\n',
    );
    recordOutput('crash-safety-figures', summary);
    process.stdout.write(`${summary}\n`);
  }
});

describe('crash safety: SIGKILL at random moments of a backfill and of an export', () => {
  it(
    `${KILLS} kills of sync, serve, process and export, then one run to the end: nothing lost, nothing twice`,
    async () => {
      const random = mulberry32(SEED);
      const dir = tempDir();
      cpSync(setupDir, dir, { recursive: true });
      const file = databaseOf(dir);
      const env = chaosEnv(dir, emulator.url);
      const exportsDir = join(dir, 'chaos-exports');
      mkdirSync(exportsDir, { recursive: true });
      const kills: string[] = [];
      /** Each killed export's file: absent, or whole (as many rows as entries were stored). */
      const exportFiles: { path: string; whole: boolean | null }[] = [];

      for (let round = 0; round < KILLS; round += 1) {
        const kind = ROUNDS[round % ROUNDS.length]!;
        const args =
          kind === 'sync'
            ? ['sync', CHART]
            : kind === 'process'
              ? ['process']
              : kind === 'serve'
                ? ['serve', '--port', '0']
                : ['export', 'rankings', '--format', 'csv', '--out', join(exportsDir, `round-${round}.csv`)];
        const entriesBefore = entryCount(file);
        // The first round is killed as soon as it stores something (a kill mid-sync, surely); then half of the
        // rounds once they store, half after a random delay from their start.
        const afterProgress = round === 0 || random() < 0.5;
        const delay = Math.floor(random() * (afterProgress ? 400 : 2_500));
        const before = progress(file);
        const spawned = spawnChartSync(args, env);
        let exited = false;
        const outcome = outcomeOf(`${kind}-${round}`, spawned).finally(() => (exited = true));
        const started = Date.now();
        if (afterProgress && kind !== 'export') {
          while (!exited && progress(file) <= before && Date.now() - started < PROGRESS_PATIENCE_MS) {
            await sleep(15);
          }
          if (round > 0) await sleep(delay);
        } else {
          await sleep(delay);
        }
        const landed = !exited;
        if (landed) spawned.child.kill('SIGKILL');
        const result = await outcome;
        kills.push(
          `${kind} ${landed ? `killed ${Date.now() - started} ms after its start` : `ended by itself (${result.code})`}` +
            `, ${progress(file) - before} more stored`,
        );
        if (landed) expect(result.signal).toBe('SIGKILL');
        if (kind === 'export') {
          const path = join(exportsDir, `round-${round}.csv`);
          const rows = existsSync(path) ? readFileSync(path, 'utf8').trimEnd().split('\n').length - 1 : null;
          exportFiles.push({ path, whole: rows === null ? null : rows === entriesBefore });
        }
        if (kind === 'serve' && !landed) expect(result.stdout).toMatch(SERVE_URL_LINE);
      }

      // One run to the end: it resumes what the last kill cut off and fetches what is still missing.
      const final = await runChartSync('final', ['sync', CHART], env);
      expect(final.code, final.stderr).toBe(0);
      const db = new Database(file, { readonly: true });
      try {
        expect(integrityCheck(db)).toEqual(['ok']);
        expect(brokenSnapshots(db)).toEqual([]);
        const data = storedData(db);
        const expected = storedData(reference);
        expect(data.snapshots).toEqual(expected.snapshots);
        expect(data.entries).toEqual(expected.entries);
        expect(data.songs).toEqual(expected.songs);

        // Metadata queued by a killed process was fetched by a later one: nothing left open.
        const openTasks = db
          .prepare(`SELECT count(*) FROM task_queue WHERE status IN ('queued', 'running')`)
          .pluck()
          .get() as number;
        expect(openTasks).toBe(0);

        const executions = db
          .prepare('SELECT id, status, error_message AS message FROM chart_sync_executions ORDER BY id')
          .all() as { id: number; status: string; message: string | null }[];
        expect(executions.filter((e) => e.status === 'pending' || e.status === 'running')).toEqual([]);
        const interrupted = executions.filter((e) => e.status === 'interrupted');
        // Each names the execution that resumed it, a later one.
        for (const execution of interrupted) {
          const resumer = /execution (\d+)/.exec(execution.message ?? '');
          expect(resumer, execution.message ?? '').not.toBeNull();
          expect(Number(resumer![1])).toBeGreaterThan(execution.id);
        }
        const final = executions.filter((e) => e.status === 'completed' || e.status === 'failed');
        const schedule = db
          .prepare(
            `SELECT total_executions AS total, successful_executions AS successful, failed_executions AS failed
             FROM chart_sync_schedules`,
          )
          .get() as { total: number; successful: number; failed: number };
        // Counted once: an interrupted execution and its resumption are one run, counted by the resumption.
        expect(schedule.total).toBe(final.length);
        expect(schedule.successful).toBe(final.filter((e) => e.status === 'completed').length);
        expect(interrupted.length).toBeGreaterThanOrEqual(1);

        // An export cut off leaves nothing under its final name; one that got there is whole.
        expect(exportFiles.filter((exported) => exported.whole === false)).toEqual([]);
        const leftovers = readdirSync(exportsDir).filter((name) => !/^round-\d+\.csv$/.test(name));
        figures.push(
          `${KILLS} rounds (${CHART}, ${WINDOW_DAYS} days): ${kills.filter((k) => k.includes('killed')).length} SIGKILLs landed; ` +
            `integrity ok; ${brokenSnapshots(db).length} duplicated or partial snapshots; ${interrupted.length} executions ` +
            `interrupted, each resumed and counted once (${schedule.total} counted); ${data.snapshots.length} snapshots, ` +
            `${data.entries.length} entries, ${data.songs.length} songs equal to the uninterrupted run's; ` +
            `${exportFiles.filter((f) => f.whole).length} of ${exportFiles.length} export rounds left a file (each whole); ` +
            `leftovers in the export folder: ${leftovers.length === 0 ? 'none' : leftovers.join(', ')}`,
          ...kills.map((kill, index) => `  round ${index}: ${kill}`),
        );
      } finally {
        db.close();
        cpSync(dir, join(CHAOS_KEPT_DATA_DIR, `crash-safety-${SEED}`), { recursive: true });
      }
    },
    chaosTimeout(120_000, 1_800_000),
  );
});
