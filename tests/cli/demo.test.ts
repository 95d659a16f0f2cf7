import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NOTICE } from '../../electron/cli/open-engine';
import type { ExecutionView } from '../../shared/views/schedule-view';
import { useCli } from './run-cli';
import { freshMachineEnv, spawnChartSync, type SpawnedChartSync } from './spawn-chart-sync';

const DEMO_SLUGS = ['global-28', 'global-102', 'global-111'];
/**
 * The first `chart-sync process` of the demo at the default rate limit (1,200 requests a minute) syncs 42
 * periods in a few seconds, then fetches the metadata of ~640 songs: about 40 s, nearly all of it waiting on
 * the rate limiter. The margin is for a loaded machine.
 */
const END_TO_END_TIMEOUT_MS = 120_000;

describe('chart-sync on a fresh demo database', () => {
  const { cli } = useCli();

  // The spawned command mostly waits on the rate limiter, so it starts first and runs beside the in-process
  // tests below rather than after them; the last test collects its result.
  let machine = '';
  let spawned: SpawnedChartSync;
  beforeAll(() => {
    machine = mkdtempSync(join(tmpdir(), 'chart-sync-e2e-'));
    spawned = spawnChartSync(['process'], freshMachineEnv(machine));
  });
  afterAll(async () => {
    if (spawned.child.exitCode === null && spawned.child.signalCode === null) spawned.child.kill();
    await spawned.result.catch(() => undefined);
    rmSync(machine, { recursive: true, force: true });
  });

  it('sync global-28 shows a progress line per 10 % and the summary; then nothing is due', async () => {
    const result = await cli('sync', 'global-28');
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n')[0]).toBe(DEMO_NOTICE);
    // The demo made global-28's immediate sync: the manual sync runs that one rather than failing.
    expect(result.stderr).toContain('global-28 already had a sync waiting (immediate); running it now.');
    const bars = result.stderr
      .split('\n')
      .filter((line) => line.startsWith('[') && / periods( |$)/.test(line));
    expect(bars.length).toBeGreaterThanOrEqual(5);
    expect(bars.length).toBeLessThanOrEqual(11);
    expect(bars.at(-1)).toMatch(/^\[##########\] 30\/30 periods {2}\d{4}-\d\d-\d\d$/);
    expect(result.stderr).toMatch(/^\[##########\] (\d+)\/\1 metadata fetches$/m);
    expect(result.stderr).toMatch(
      /^Also ran what was due or waiting: global-1\d\d \(completed\), global-1\d\d \(completed\)\./m,
    );
    expect(result.stdout.split('\n')[0]).toMatch(
      /^chart +trigger +status +periods +rankings new\/upd +tracks new\/upd +duration +error$/,
    );
    expect(result.stdout).toMatch(/^global-28 +immediate +completed +30\/30 +30\/0 /m);
    expect(result.stdout).toMatch(
      /^Total: 1 sync, 1 completed, 0 failed; periods 30\/30; rankings 30 created/m,
    );
    expect(result.stderr).toMatch(/^Quota: [\d,]+ requests remaining/m);

    const processed = await cli('process');
    expect(processed.code).toBe(0);
    expect(processed.stdout).toBe('No schedule is due.\n');
    const json = JSON.parse((await cli('process', '--json')).stdout) as {
      executions: unknown[];
      totals: { executions: number; failed: number };
    };
    expect(json).toMatchObject({ executions: [], totals: { executions: 0, failed: 0 } });

    // Named by id this time; nothing is missing any more, and --json gives the execution with its chart.
    const [chart] = JSON.parse((await cli('charts', 'list', '--search', 'global-28', '--json')).stdout) as {
      id: number;
    }[];
    const again = await cli('sync', String(chart!.id), '--json');
    expect(again.code).toBe(0);
    const execution = JSON.parse(again.stdout) as ExecutionView & { chart: { slug: string } };
    expect(execution).toMatchObject({ status: 'completed', trigger: 'manual', periodsPlanned: 0 });
    expect(execution.chart.slug).toBe('global-28');
  });

  it('sync names an unknown chart and how to find one', async () => {
    const result = await cli('sync', 'nowhere-1');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('chart-sync: No chart "nowhere-1" in the local catalogue.');
    expect(result.stderr).toContain('`chart-sync charts list --search <text>`');
    expect(result.stderr).toContain('`chart-sync charts discover`');
  });

  it(
    '`node scripts/chart-sync.mjs process` on a fresh machine syncs the demo schedules end to end, with the defaults',
    async () => {
      const first = await spawned.result;
      expect(first.stderr).toMatch(/^Demo mode: no Soundcharts credentials are set/);
      expect(first.code).toBe(0);
      const rows = first.stdout
        .split('\n')
        .filter((line) => DEMO_SLUGS.some((slug) => line.startsWith(`${slug} `)));
      expect(rows).toHaveLength(3);
      for (const row of rows) expect(row).toMatch(/^\S+ +immediate +completed +(\d+)\/\1 /);
      expect(first.stdout).toMatch(
        /^Total: 3 syncs, 3 completed, 0 failed; periods (\d+)\/\1; rankings \1 created/m,
      );
      expect(first.stderr).toContain('global-28: started (immediate)');
      expect(first.stderr).toMatch(/^global-28: completed, 30\/30 periods, /m);

      const second = await spawnChartSync(['process'], freshMachineEnv(machine)).result;
      expect(second.code).toBe(0);
      expect(second.stdout).toBe('No schedule is due.\n');
    },
    END_TO_END_TIMEOUT_MS,
  );
});
