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
    expect(result.stdout).toMatch(
      /Showing 2 of \d+ charts; narrow with --platform, --country, --frequency, --status or --search/,
    );
    const none = await cli('charts', 'list', '--search', 'no such chart anywhere');
    expect(none.stdout).toContain('No chart matches.');
  });

  it('list searches as the Charts screen does: every word, in name, slug, country or platform', async () => {
    const found = JSON.parse(
      (await cli('charts', 'list', '--search', 'SPOTIFY canada', '--limit', '500', '--json')).stdout,
    ) as ListedChart[];
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => c.platform === 'spotify' && c.countryCode === 'CA')).toBe(true);
    // Accents and case ignored, as on screen.
    const accented = JSON.parse(
      (await cli('charts', 'list', '--search', 'TÓP sóngs', '--limit', '500', '--json')).stdout,
    ) as ListedChart[];
    const plain = JSON.parse(
      (await cli('charts', 'list', '--search', 'top songs', '--limit', '500', '--json')).stdout,
    ) as ListedChart[];
    expect(accented.length).toBeGreaterThan(0);
    expect(accented).toEqual(plain);
  });

  it('list filters by frequency and by sync status, as the Charts screen does', async () => {
    const weekly = JSON.parse(
      (await cli('charts', 'list', '--frequency', 'Weekly', '--limit', '500', '--json')).stdout,
    ) as (ListedChart & { frequency: string })[];
    expect(weekly.length).toBeGreaterThan(0);
    expect(weekly.every((c) => c.frequency.toLowerCase() === 'weekly')).toBe(true);

    // The demo schedules three charts, none synced in this test's data folder yet.
    const neverSynced = JSON.parse(
      (await cli('charts', 'list', '--status', 'never synced', '--json')).stdout,
    ) as (ListedChart & { health: string })[];
    expect(neverSynced.map((c) => c.slug).sort()).toEqual(['global-102', 'global-111', 'global-28']);
    expect(neverSynced.every((c) => c.health === 'never_synced')).toBe(true);

    // The limit and the count left out apply after the status filter.
    const unscheduled = await cli('charts', 'list', '--status', 'not_scheduled', '--limit', '3');
    expect(unscheduled.stdout).toMatch(
      /Showing 3 of \d+ charts; narrow with --platform, --country, --frequency/,
    );
    expect(unscheduled.stdout).not.toMatch(/Never synced/);
    const both = JSON.parse(
      (await cli('charts', 'list', '--status', 'never_synced', '--frequency', 'monthly', '--json')).stdout,
    ) as ListedChart[];
    expect(both.map((c) => c.slug)).toEqual(['global-111']);
  });

  it('refuses a frequency or a status it does not know, naming the choices', async () => {
    const frequency = await cli('charts', 'list', '--frequency', 'hourly');
    expect(frequency.code).toBe(1);
    expect(frequency.stderr).toContain(
      'chart-sync: --frequency: The frequency is one of daily, weekly, monthly.',
    );
    const status = await cli('charts', 'list', '--status', 'broken');
    expect(status.code).toBe(1);
    expect(status.stderr).toContain(
      'chart-sync: --status: The status is one of action_required, failing, retrying, overdue, late, running, never_synced, on_time, paused, not_scheduled.',
    );
  });
});
