import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DATABASE_FILE_NAME } from '../../electron/engine/host';
import { makeRendererDir } from '../engine/server/support';
import { FAST, useCli } from './run-cli';
import { SERVE_URL_LINE, freshMachineEnv, spawnChartSync, type SpawnedChartSync } from './spawn-chart-sync';

/** Start-up runs migrations, the demo emulator and its seed: seconds, more on a loaded machine. */
const STARTUP_TIMEOUT_MS = 90_000;
/** A daily emulator chart the demo does not schedule. */
const CHART = 'global-100';

describe('chart-sync schedules add --now while a host runs on the same data', () => {
  const { cli, dataDir } = useCli();
  let renderer: ReturnType<typeof makeRendererDir>;
  let host: SpawnedChartSync | null = null;

  beforeAll(() => {
    renderer = makeRendererDir();
  });
  afterAll(async () => {
    if (host && host.child.exitCode === null && host.child.signalCode === null) host.child.kill('SIGKILL');
    await host?.result.catch(() => undefined);
    renderer.cleanup();
  });

  it(
    'says the running app syncs it, exits 0, and the host does',
    async () => {
      const machine = dataDir();
      host = spawnChartSync(
        [...FAST, 'serve', '--port', '0', '--renderer-dir', renderer.rendererDir],
        freshMachineEnv(machine),
      );
      let stdout = '';
      host.child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      await expect
        .poll(() => SERVE_URL_LINE.test(stdout), { timeout: STARTUP_TIMEOUT_MS, interval: 100 })
        .toBe(true);

      const added = await cli('schedules', 'add', CHART, '--now', '--history-days', '3', '--no-metadata');
      expect(added.stderr).not.toMatch(/Another Chart Sync/);
      expect(added.code).toBe(0);
      expect(added.stdout).toContain('Added');
      expect(added.stdout).toMatch(
        /Chart Sync is already running on this data \(process \d+\) and syncs it now/,
      );

      const status = () => {
        const db = new Database(join(machine, DEMO_DATABASE_FILE_NAME), { readonly: true });
        try {
          const row = db
            .prepare(
              `SELECT e.status FROM chart_sync_executions e JOIN charts c ON c.id = e.chart_id
               WHERE c.slug = ? ORDER BY e.id DESC LIMIT 1`,
            )
            .get(CHART) as { status: string } | undefined;
          return row?.status;
        } finally {
          db.close();
        }
      };
      await expect.poll(status, { timeout: STARTUP_TIMEOUT_MS, interval: 200 }).toBe('completed');

      host.child.kill('SIGINT');
      expect((await host.result).code).toBe(0);
    },
    STARTUP_TIMEOUT_MS * 3,
  );
});
