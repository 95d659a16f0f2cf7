import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../electron/emulator';
import type { ChartSummary, ScheduleView } from '../../shared/views/schedule-view';
import { useCli } from './run-cli';

/**
 * With credentials the CLI talks to the API at --api-url: here an emulator of the test's own, whose faults the
 * test controls. No demo schedules either, so only what a test adds runs.
 */
describe('chart-sync with credentials', () => {
  const { cli } = useCli();
  let emulator: RunningEmulator;
  const connected = () => ['--api-url', emulator.url, '--app-id', 'soundcharts', '--api-key', 'soundcharts'];

  beforeAll(async () => {
    emulator = await startEmulator({ seed: 7 });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('adds a schedule with --now, syncs it with progress, and a refused sync exits 1 with its error', async () => {
    const discovered = await cli(...connected(), 'charts', 'discover');
    expect(discovered.code).toBe(0);
    expect(discovered.stderr).not.toContain('Demo mode');
    expect(discovered.stdout).toMatch(/^Imported \d+ charts from \d+ platforms: \d+ new, 0 updated\.$/m);
    // Slugs other than global-28 depend on the emulator's seed: take two daily charts from the catalogue.
    const listed = JSON.parse(
      (await cli(...connected(), 'charts', 'list', '--json')).stdout,
    ) as ChartSummary[];
    const [good, refusing] = listed.filter((c) => c.frequency === 'daily').map((c) => c.slug);

    const added = await cli(
      ...connected(),
      'schedules',
      'add',
      good!,
      '--history-days',
      '3',
      '--no-metadata',
      '--now',
    );
    expect(added.code).toBe(0);
    expect(added.stderr).toContain('[##########] 3/3 periods');
    expect(added.stdout).toMatch(new RegExp(`^${good} +immediate +completed +3/3 `, 'm'));

    expect(
      (await cli(...connected(), 'schedules', 'add', refusing!, '--history-days', '2', '--no-metadata')).code,
    ).toBe(0);
    emulator.faults.configure({ forbidden: { match: `/chart/song/${refusing}/` } });
    try {
      const refused = await cli(...connected(), 'sync', refusing!);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toMatch(new RegExp(`^${refusing} +manual +failed `, 'm'));
      expect(refused.stdout).toMatch(new RegExp(`^${refusing}: failed: .+`, 'm'));
      expect(refused.stdout).toMatch(/^Total: 1 sync, 0 completed, 1 failed/m);
    } finally {
      emulator.faults.configure({ forbidden: null });
    }

    const schedules = JSON.parse(
      (await cli(...connected(), 'schedules', 'list', '--json')).stdout,
    ) as ScheduleView[];
    const bySlug = new Map(schedules.map((s) => [s.chart.slug, s]));
    expect(bySlug.get(good!)).toMatchObject({ successfulExecutions: 1, successRate: 100 });
    expect(bySlug.get(refusing!)).toMatchObject({ failedExecutions: 1, successRate: 0 });
    expect(bySlug.get(refusing!)?.attentionReason).toBeTruthy();
    const table = await cli(...connected(), 'schedules', 'list');
    expect(table.stdout).toMatch(new RegExp(`${refusing} .* 0 % +1/0/1 +\\S`));
  });

  it('credentials Soundcharts refuses are one line on stderr and exit code 1', async () => {
    const result = await cli(
      '--api-url',
      emulator.url,
      '--app-id',
      'wrong',
      '--api-key',
      'wrong',
      'charts',
      'discover',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^chart-sync: Soundcharts: .+$/m);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
