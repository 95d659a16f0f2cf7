import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../electron/emulator/random';
import { openDatabase } from '../../electron/engine/db/open-database';
import { getChartBySlug } from '../../electron/engine/db/queries/charts';
import { Engine } from '../../electron/engine/engine';
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
import { CHAOS_KEPT_DATA_DIR, PLANTED_API_KEY, PLANTED_APP_ID, recordOutput } from './support/planted-key';
import { brokenSnapshots, integrityCheck, storedData } from './support/stored-data';

/**
 * Section 1 of docs/reliability.md: SIGKILL at random moments of a backfill, restarting each time. The emulator
 * runs in a process of its own (with latency, so that kills land mid-period); each round starts one of
 * `chart-sync sync`, `serve` or `process` on the same data folder and kills it with SIGKILL, either once it is
 * storing (a snapshot or a song's metadata more than when it started) or after a random delay from its start
 * (which may land in its start-up, its migrations, its lock). Then one uninterrupted `sync` finishes, and exports
 * of the whole backfill are killed once they write (their temporary file exists) or at a random moment.
 * Afterwards: integrity_check passes, no snapshot is duplicated or partial, every execution caught running was
 * marked interrupted and resumed, the schedule counts each pair once, the metadata queue is empty, the data
 * equals an uninterrupted run's row for row (songs' metadata included), and no export file is half-written under
 * its final name.
 */

const SEED = Number(process.env.CHART_SYNC_CHAOS_SEED ?? 20261207);
const KILLS = chaosScale(2, 20);
/** Exports of the whole backfill killed mid-write, after the backfill rounds. */
const EXPORT_KILLS = chaosScale(1, 5);
// Full: a year of a daily 200-entry chart (two pages a day). Reduced: a month of a daily 50-entry chart.
const CHART = chaosScale('ae-114', 'global-28');
const WINDOW_DAYS = chaosScale(30, 365);
const ROUNDS = ['sync', 'serve', 'process'] as const;
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

/** An engine in this process on `file`, as the CLI's own, for the set-up and the reference run (no rate limit). */
function openEngine(file: string): Engine {
  return new Engine({
    database: openDatabase({ file }),
    version: 'test',
    connection: {
      baseUrl: emulator.url,
      credentials: { kind: 'api-key', appId: PLANTED_APP_ID, apiKey: PLANTED_API_KEY },
    },
    rateLimitPerMinute: 1e9,
    onError: (error) => recordOutput('crash-safety-engine-errors', String(error)),
  });
}

beforeAll(
  async () => {
    emulator = await startEmulatorProcess({ seed: 1, faults: { latency: { minMs: 10, maxMs: 60 } } });
    // The catalogue and the schedule once (in this process: it is not what is tested), then copied to the chaos
    // folder; the reference is the same backfill, uninterrupted, in a copy of its own.
    setupDir = tempDir();
    const setup = openEngine(databaseOf(setupDir));
    try {
      await setup.discoverCharts();
      const chart = getChartBySlug(setup.database, CHART)!;
      setup.schedules.create({ chartId: chart.id, historyWindowDays: WINDOW_DAYS });
    } finally {
      await setup.close();
    }
    const referenceDir = tempDir();
    cpSync(setupDir, referenceDir, { recursive: true });
    const referenceEngine = openEngine(databaseOf(referenceDir));
    try {
      const execution = await referenceEngine.syncChart(getChartBySlug(referenceEngine.database, CHART)!.id);
      expect(execution.status).toBe('completed');
    } finally {
      await referenceEngine.close();
    }
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

type Killed = { landed: boolean; ms: number; code: number | null; stdout: string };

/** Runs `chart-sync args…` and SIGKILLs it once `ready()` or after `delayMs`, whichever the round asks for. */
async function killRound(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  when: { ready?: () => boolean; delayMs: number },
): Promise<Killed> {
  const spawned = spawnChartSync(args, env);
  let exited = false;
  const outcome = outcomeOf(name, spawned).finally(() => (exited = true));
  const started = Date.now();
  if (when.ready) {
    while (!exited && !when.ready() && Date.now() - started < PROGRESS_PATIENCE_MS) await sleep(10);
  }
  await sleep(when.delayMs);
  if (!exited) spawned.child.kill('SIGKILL');
  const result = await outcome;
  // A process may end by itself in the instant before the kill: only a death by SIGKILL counts as a kill.
  const landed = result.signal === 'SIGKILL';
  if (!landed) expect(result.code, result.stderr).toBe(0);
  return { landed, ms: Date.now() - started, code: result.code, stdout: result.stdout };
}

describe('crash safety: SIGKILL at random moments of a backfill and of an export', () => {
  it(
    `${KILLS} kills of sync, serve and process, ${EXPORT_KILLS} of export: nothing lost, nothing twice, nothing half-written`,
    async () => {
      const random = mulberry32(SEED);
      const dir = tempDir();
      cpSync(setupDir, dir, { recursive: true });
      const file = databaseOf(dir);
      const env = chaosEnv(dir, emulator.url);
      const rounds: string[] = [];

      for (let round = 0; round < KILLS; round += 1) {
        const kind = ROUNDS[round % ROUNDS.length]!;
        const args =
          kind === 'sync' ? ['sync', CHART] : kind === 'process' ? ['process'] : ['serve', '--port', '0'];
        // The first round is killed as soon as it stores something (a kill mid-sync, surely); then half of the
        // rounds once they store (plus up to 400 ms), half at a random moment of their first 2.5 s.
        const afterProgress = round === 0 || random() < 0.5;
        const delayMs = round === 0 ? 0 : Math.floor(random() * (afterProgress ? 400 : 2_500));
        const before = progress(file);
        const killed = await killRound(`${kind}-${round}`, args, env, {
          ...(afterProgress ? { ready: () => progress(file) > before } : {}),
          delayMs,
        });
        if (kind === 'serve' && !killed.landed) expect(killed.stdout).toMatch(SERVE_URL_LINE);
        rounds.push(
          `${kind} ${killed.landed ? `killed ${killed.ms} ms after its start` : `ended by itself (${killed.code})`}` +
            `, ${progress(file) - before} more stored`,
        );
      }

      // One run to the end: it resumes what the last kill cut off and fetches what is still missing.
      const final = await runChartSync('final', ['sync', CHART], env);
      expect(final.code, final.stderr).toBe(0);

      // Exports of the whole backfill, killed while they write or at a random moment.
      const exportsDir = join(dir, 'chaos-exports');
      mkdirSync(exportsDir, { recursive: true });
      const entries = entryCount(file);
      const exports: { name: string; landed: boolean; whole: boolean | null }[] = [];
      for (let round = 0; round < EXPORT_KILLS; round += 1) {
        const name = `export-${round}.csv`;
        const whileWriting = round === 0 || random() < 0.5;
        // A killed export's temporary file stays until a later export finds it stale: only a new one counts.
        const earlier = new Set(readdirSync(exportsDir));
        const writing = () => readdirSync(exportsDir).some((f) => f.endsWith('.partial') && !earlier.has(f));
        const killed = await killRound(
          `export-${round}`,
          ['export', 'rankings', '--format', 'csv', '--out', join(exportsDir, name)],
          env,
          whileWriting
            ? {
                ready: writing,
                delayMs: Math.floor(random() * 150),
              }
            : { delayMs: Math.floor(random() * 4_000) },
        );
        const path = join(exportsDir, name);
        const rows = existsSync(path) ? readFileSync(path, 'utf8').trimEnd().split('\n').length - 1 : null;
        exports.push({ name, landed: killed.landed, whole: rows === null ? null : rows === entries });
        rounds.push(
          `export ${killed.landed ? `killed ${killed.ms} ms after its start` : `ended by itself (${killed.code})`}: ` +
            `${rows === null ? 'no file under its name' : `${rows} of ${entries} rows under its name`}`,
        );
      }

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
        const ended = executions.filter((e) => e.status === 'completed' || e.status === 'failed');
        const schedule = db
          .prepare(
            `SELECT total_executions AS total, successful_executions AS successful FROM chart_sync_schedules`,
          )
          .get() as { total: number; successful: number };
        // Counted once: an interrupted execution and its resumption are one run, counted by the resumption.
        expect(schedule.total).toBe(ended.length);
        expect(schedule.successful).toBe(ended.filter((e) => e.status === 'completed').length);
        expect(interrupted.length).toBeGreaterThanOrEqual(1);

        // An export cut off leaves nothing under its final name; one that got there is whole.
        expect(exports.filter((exported) => exported.whole === false)).toEqual([]);
        const partial = readdirSync(exportsDir).filter((f) => f.endsWith('.partial'));

        figures.push(
          `${KILLS} backfill rounds (${CHART}, ${WINDOW_DAYS} days): ${rounds.filter((r) => r.includes('killed')).length - exports.filter((e) => e.landed).length} SIGKILLs landed; ` +
            `integrity ok; 0 duplicated or partial snapshots; ${interrupted.length} executions interrupted, each resumed ` +
            `and counted once (${schedule.total} counted); ${data.snapshots.length} snapshots, ${data.entries.length} ` +
            `entries, ${data.songs.length} songs (metadata included) equal to the uninterrupted run's; 0 metadata tasks left open`,
          `${EXPORT_KILLS} export rounds: ${exports.filter((e) => e.landed).length} SIGKILLs landed, ` +
            `${exports.filter((e) => e.whole === null).length} left no file under its name, ` +
            `${exports.filter((e) => e.whole).length} whole files, 0 half-written; temporary files left until the ` +
            `next export's clean-up: ${partial.length}`,
          ...rounds.map((round, index) => `  round ${index}: ${round}`),
        );
      } finally {
        db.close();
        cpSync(dir, join(CHAOS_KEPT_DATA_DIR, `crash-safety-${SEED}`), { recursive: true });
      }
    },
    chaosTimeout(120_000, 1_800_000),
  );
});
