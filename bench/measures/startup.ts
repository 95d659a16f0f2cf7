import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../electron/emulator';
import { DATABASE_FILE_NAME } from '../../electron/engine/config/data-dir';
import { copyBigDatabase } from '../support/big-database';
import {
  binPath,
  median,
  processCpuMs,
  realHostArgs,
  restGet,
  startServe,
  timeProcess,
} from '../support/cli-process';
import type { BenchRow, Measure } from '../support/measure';

/** The path of the first call: what the REST API answers from the database (the schedules list). */
const FIRST_CALL_PATH = '/api/sync/schedules';

/**
 * Goal 3, instant commands. `chart-sync status` (the bin npm installs, run by node) against
 * `node -e "require('better-sqlite3')"`, interleaved, median of each; and `chart-sync serve` on the 5 M-entry
 * database: spawn → first successful REST answer.
 */
export const startup: Measure = {
  goal: 3,
  id: 'startup',
  async run({ quick, log }) {
    const rows: BenchRow[] = [];
    const runs = quick ? 3 : 11;
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-startup-'));
    const emulator = await startEmulator({ seed: 1 });
    try {
      const real = realHostArgs(dataDir, emulator.url);
      const bin = binPath();
      // The first run creates and migrates the database, as an operator's very first command does once.
      timeProcess([bin, ...real, 'status']);
      timeProcess([bin, '--data-dir', dataDir, 'status'], demoEnv());
      const reference: Timed[] = [];
      const status: Timed[] = [];
      const demo: Timed[] = [];
      for (let i = 0; i < runs; i++) {
        reference.push(timeProcess(['-e', "require('better-sqlite3')"]));
        status.push(timeProcess([bin, ...real, 'status']));
        demo.push(timeProcess([bin, '--data-dir', dataDir, 'status'], demoEnv()));
      }
      const wall = (timed: Timed[]) => median(timed.map((t) => t.wallMs));
      const cpu = (timed: Timed[]) => median(timed.map((t) => t.cpuMs));
      const cpuNote = (timed: Timed[]) =>
        `CPU time (user + system), median: ${cpu(timed).toFixed(0)} ms against ${cpu(reference).toFixed(0)} ms = ` +
        `${(cpu(timed) / cpu(reference)).toFixed(2)}×`;
      log(
        `status ${wall(status).toFixed(0)} ms, demo ${wall(demo).toFixed(0)} ms, require ${wall(reference).toFixed(0)} ms`,
      );
      const referenceLabel = 'node -e "require(\'better-sqlite3\')"';
      rows.push(
        {
          measure: 'chart-sync status (credentials set), median',
          ours: wall(status),
          reference: wall(reference),
          unit: 'ms',
          referenceLabel,
          target: { on: 'ratio', op: '<=', value: 2 },
          note: cpuNote(status),
        },
        {
          measure: 'chart-sync status (demo: built-in emulator), median',
          ours: wall(demo),
          reference: wall(reference),
          unit: 'ms',
          referenceLabel,
          target: { on: 'ratio', op: '<=', value: 2 },
          note: cpuNote(demo),
        },
      );

      const bigDir = mkdtempSync(join(tmpdir(), 'bench-startup-big-'));
      try {
        copyBigDatabase(join(bigDir, DATABASE_FILE_NAME), {}, log);
        const answers: Timed[] = [];
        for (let i = 0; i < (quick ? 1 : 3); i++) {
          answers.push(await firstAnswer([...real.slice(2), '--data-dir', bigDir]));
          log(
            `serve, first answer: ${answers.at(-1)!.wallMs.toFixed(0)} ms (CPU ${answers.at(-1)!.cpuMs.toFixed(0)} ms)`,
          );
        }
        const firstAnswers = answers.map((t) => t.wallMs);
        rows.push({
          measure: 'chart-sync serve on 5 M entries: spawn → first REST answer (s), median',
          ours: median(firstAnswers) / 1000,
          reference: null,
          unit: 's',
          target: { on: 'ours', op: '<=', value: 0.5 },
          note:
            `runs: ${firstAnswers.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s (the first on a fresh copy); ` +
            `CPU time of serve by then: ${answers.map((t) => (t.cpuMs / 1000).toFixed(2)).join(', ')} s`,
        });
      } finally {
        rmSync(bigDir, { recursive: true, force: true });
      }
    } finally {
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    return rows;
  },
};

/** No credentials anywhere: the demo, on the built-in emulator. */
function demoEnv(): NodeJS.ProcessEnv {
  return { ...process.env, SOUNDCHARTS_APP_ID: '', SOUNDCHARTS_API_KEY: '', SOUNDCHARTS_API_URL: '' };
}

type Timed = { wallMs: number; cpuMs: number };

async function firstAnswer(globalArgs: string[]): Promise<Timed> {
  const serve = await startServe(globalArgs);
  try {
    const status = await restGet(serve, FIRST_CALL_PATH);
    const wallMs = performance.now() - serve.spawnedAt;
    const cpuMs = processCpuMs(serve.child.pid!);
    if (status !== 200) throw new Error(`${FIRST_CALL_PATH} answered ${status}:\n${serve.output()}`);
    return { wallMs, cpuMs };
  } finally {
    await serve.stop();
  }
}
