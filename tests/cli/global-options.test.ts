import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEMO_NOTICE } from '../../electron/cli/open-engine';
import { useCli } from './run-cli';

describe('chart-sync global options and demo mode', () => {
  const { cli, dataDir } = useCli();

  it('says first, on stderr, that it runs on the emulator when no credentials are set', async () => {
    const result = await cli('status');
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n')[0]).toBe(DEMO_NOTICE);
    expect(result.stdout).not.toContain('Demo mode:');
    expect(result.stdout).toContain('Mode:        demo');
    expect(result.stdout).toContain('Soundcharts: built-in emulator on 127.0.0.1');
    expect(result.stdout).toContain(join(dataDir(), 'chart-sync-demo.sqlite'));
    expect(result.stdout).toMatch(/Schedules: {3}3 \(3 active, 0 paused, 0 overdue\)/);
    // Counted by health: the demo's three schedules have not synced yet.
    expect(result.stdout).toMatch(/Health: {6}○ Never synced 3\n/);
  });

  it('prints status as JSON on a clean stdout', async () => {
    const result = await cli('--rate-limit', '4000', 'status', '--json');
    const status = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(status).toMatchObject({
      demo: true,
      rateLimitPerMinute: 4000,
      soundchartsUrl: 'https://customer.api.soundcharts.com',
      schedules: { total: 3, active: 3, byHealth: expect.objectContaining({ never_synced: 3, failing: 0 }) },
    });
    expect(status.charts).toBeGreaterThan(100);
  });

  it('takes the data folder and the API URL from flags over the environment', async () => {
    const other = join(dataDir(), 'other');
    vi.stubEnv('SOUNDCHARTS_API_URL', 'https://env.example.com');
    const fromEnv = JSON.parse((await cli('status', '--json')).stdout) as { soundchartsUrl: string };
    expect(fromEnv.soundchartsUrl).toBe('https://env.example.com');
    const result = await cli('--data-dir', other, '--api-url', 'http://flag.example.com', 'status', '--json');
    const status = JSON.parse(result.stdout) as { databaseFile: string; soundchartsUrl: string };
    expect(status.databaseFile).toBe(join(other, 'chart-sync-demo.sqlite'));
    expect(status.soundchartsUrl).toBe('http://flag.example.com');
  });

  it('refuses a rate limit out of range with the flag name and exit code 1', async () => {
    const result = await cli('--rate-limit', '0', 'status');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("option '--rate-limit <perMinute>' argument '0' is invalid");
    expect(result.stderr).toContain('from 1 to 5000');
    expect(result.stdout).toBe('');
  });

  it('refuses a pasted megabyte as an option value in one short line, not quoting it back', async () => {
    // Found by tests/chaos/fuzz-cli.test.ts: commander quoted a 10,000-character --rate-limit whole.
    for (const args of [
      ['--rate-limit', 'x'.repeat(100_000), 'status'],
      ['--api-url', `ftp://${'x'.repeat(100_000)}`, 'status'],
      ['charts', 'list', '--limit', '9'.repeat(100_000)],
      // And a command's own checks (tests/chaos/fuzz-cli.test.ts: 5,000 characters of --limit quoted back).
      ['exports', '--limit', '%'.repeat(100_000)],
      ['songs', '--offset', 'x'.repeat(100_000)],
    ]) {
      const result = await cli(...args);
      expect(result.code, args[0]).toBe(1);
      expect(result.stderr, args[0]).toMatch(/--[a-z-]+/);
      expect(result.stderr.length, args[0]).toBeLessThan(500);
      expect(result.stderr).toContain('…');
    }
  });

  it('refuses an API URL that is not http(s)', async () => {
    const result = await cli('--api-url', 'ftp://x', 'status');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('expected an http(s) URL');
  });

  it('refuses a bad SOUNDCHARTS_API_URL and half a pair of credentials in one line each', async () => {
    vi.stubEnv('SOUNDCHARTS_API_URL', 'ftp://x');
    const badUrl = await cli('status');
    expect(badUrl.code).toBe(1);
    expect(badUrl.stderr).toMatch(/^chart-sync: Invalid configuration from the environment: .*http\(s\)/);
    vi.stubEnv('SOUNDCHARTS_API_URL', '');
    vi.stubEnv('SOUNDCHARTS_APP_ID', 'only-the-id');
    const half = await cli('status');
    expect(half.code).toBe(1);
    expect(half.stderr.trim().split('\n')).toHaveLength(1);
    expect(half.stderr).toContain('need both SOUNDCHARTS_APP_ID and SOUNDCHARTS_API_KEY');
  });

  it('explains that a global option goes before the command', async () => {
    const result = await cli('status', '--data-dir', '/tmp');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("unknown option '--data-dir'");
    expect(result.stderr).toContain('--data-dir is a global option: put it before the command');
  });
});
