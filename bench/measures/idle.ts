import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startEmulator } from '../../electron/emulator';
import { DATABASE_FILE_NAME } from '../../electron/engine/config/data-dir';
import { openDatabase } from '../../electron/engine/db/open-database';
import { upsertCharts } from '../../electron/engine/db/queries/charts';
import { ScheduleService } from '../../electron/engine/schedules/schedule-service';
import { processCpuMs, realHostArgs, startServe, type ServeProcess } from '../support/cli-process';
import type { Measure } from '../support/measure';

const SCHEDULES = 200;
/** Start-up work (migrations check, the first pass, the plan's rate limit) is not idle: measured after this. */
const SETTLE_MS = 5_000;

/**
 * Goal 7, idle. `chart-sync serve` with 200 active daily schedules, none due (created now: the next slot is a
 * day away): CPU time (user + system, /proc/<pid>/stat) over a 5-minute window, ticks included, as a share of
 * one core.
 */
export const idle: Measure = {
  goal: 7,
  id: 'idle',
  async run({ quick, log }) {
    const windowMs = quick ? 30_000 : 5 * 60_000;
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-idle-'));
    const emulator = await startEmulator({ seed: 1 });
    try {
      seedSchedules(join(dataDir, DATABASE_FILE_NAME));
      const serve = await startServe(realHostArgs(dataDir, emulator.url));
      try {
        const pid = serve.child.pid!;
        await sleep(SETTLE_MS);
        const cpuBefore = processCpuMs(pid);
        const wallBefore = performance.now();
        log(`measuring ${windowMs / 1000} s of idle…`);
        await sleep(windowMs);
        const cpu = processCpuMs(pid) - cpuBefore;
        const wall = performance.now() - wallBefore;
        const executions = await executionCount(serve);
        return [
          {
            measure: `serve idle, ${SCHEDULES} active schedules none due: CPU % of one core over ${windowMs / 60_000} min`,
            ours: (cpu / wall) * 100,
            reference: null,
            unit: '%',
            target: { on: 'ours', op: '<', value: 0.5 },
            note: `${cpu.toFixed(0)} ms of CPU in ${(wall / 1000).toFixed(0)} s; executions created: ${executions}`,
          },
        ];
      } finally {
        await serve.stop();
      }
    } finally {
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

function seedSchedules(file: string): void {
  const database = openDatabase({ file });
  try {
    const slugs = Array.from({ length: SCHEDULES }, (_, i) => `idle-chart-${i}`);
    upsertCharts(
      database,
      slugs.map((slug, i) => ({
        slug,
        name: `Idle chart ${i}`,
        platform: 'spotify',
        frequency: 'daily',
        countryCode: 'US',
        countryName: 'United States',
        maxResultsCount: 200,
      })),
    );
    const schedules = new ScheduleService(database);
    const ids = database.sqlite.prepare<[], { id: number }>('SELECT id FROM charts ORDER BY id').all();
    for (const { id } of ids) schedules.create({ chartId: id, isActive: true, syncImmediately: false });
  } finally {
    database.close();
  }
}

/** Executions that exist after the window: 0 when nothing was due (the REST page's `total`). */
async function executionCount(serve: Pick<ServeProcess, 'port' | 'token'>): Promise<number | string> {
  const response = await fetch(`http://127.0.0.1:${serve.port}/api/sync/executions`, {
    headers: { authorization: `Bearer ${serve.token}` },
  });
  // REST answers {ok: true, value: {items, total}}.
  const body = (await response.json()) as { value?: { total?: unknown } };
  const total = body.value?.total;
  return typeof total === 'number' ? total : `unknown (HTTP ${response.status})`;
}
