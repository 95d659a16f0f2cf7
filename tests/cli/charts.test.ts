import { describe, expect, it } from 'vitest';
import { useCli } from './run-cli';

type ListedChart = { slug: string; platform: string; countryCode: string; syncStatus: string };

describe('chart-sync charts', () => {
  const { cli } = useCli();

  it('discover imports the catalogue with a line per platform and a summary', async () => {
    const result = await cli('charts', 'discover');
    expect(result.code).toBe(0);
    const match = /Imported (\d+) charts from (\d+) platforms: (\d+) new, (\d+) updated\./.exec(
      result.stdout,
    );
    expect(match).not.toBeNull();
    const [, charts, platforms, created, updated] = match!.map(Number);
    expect(platforms).toBeGreaterThan(10);
    expect(charts).toBeGreaterThan(100);
    // The demo imported the catalogue when it set itself up, so this import finds every chart again.
    expect(created! + updated!).toBe(charts);
    expect(result.stderr).toMatch(/^ {2}spotify: \d+ charts$/m);
    const status = JSON.parse((await cli('status', '--json')).stdout) as { charts: number };
    expect(status.charts).toBeGreaterThanOrEqual(charts!);
  });

  it('discover --json prints the summary', async () => {
    const summary = JSON.parse((await cli('charts', 'discover', '--json')).stdout) as Record<string, number>;
    expect(summary.charts).toBeGreaterThan(100);
    expect(summary.platforms).toBeGreaterThan(10);
  });

  it('list filters by platform and country and shows the sync status', async () => {
    const spotify = JSON.parse(
      (await cli('charts', 'list', '--platform', 'Spotify', '--json')).stdout,
    ) as ListedChart[];
    expect(spotify.length).toBeGreaterThan(0);
    expect(spotify.every((c) => c.platform === 'spotify')).toBe(true);
    expect(spotify.find((c) => c.slug === 'global-28')).toMatchObject({
      syncStatus: 'active',
      health: 'never_synced',
      healthReason: expect.stringMatching(/^Not synced yet/),
    });
    const worldwide = JSON.parse(
      (await cli('charts', 'list', '--country', 'WW', '--json')).stdout,
    ) as ListedChart[];
    expect(worldwide.length).toBeGreaterThan(0);
    expect(worldwide.every((c) => c.countryCode === '')).toBe(true);
    const table = await cli('charts', 'list', '--platform', 'spotify');
    expect(table.stdout).toMatch(/global-28 .* ○ Never synced/);
    expect(table.stdout).toMatch(/Not scheduled/);
  });

  it('list searches names and slugs, keeps to the limit and says what it left out', async () => {
    const result = await cli('charts', 'list', '--search', 'top songs', '--limit', '2');
    expect(result.code).toBe(0);
    const rows = result.stdout.split('\n').filter((line) => / top songs /i.test(` ${line} `));
    expect(rows).toHaveLength(2);
    expect(result.stdout).toMatch(/Showing 2 of \d+ charts; narrow with --platform, --country or --search/);
    const none = await cli('charts', 'list', '--search', 'no such chart anywhere');
    expect(none.stdout).toContain('No chart matches.');
  });
});
