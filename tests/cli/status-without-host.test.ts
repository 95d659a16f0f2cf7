import { describe, expect, it, vi } from 'vitest';
import { DEMO_NOTICE } from '../../electron/cli/open-engine';
import { DEMO_STATUS_API_URL } from '../../electron/engine/hosting/read-status';
import * as host from '../../electron/engine/host';
import { useCli } from './run-cli';

/**
 * `chart-sync status` reads the database without starting a host (no engine, no emulator) once the database
 * exists; the first run, which creates it and seeds the demo, goes through a host. Both say the same.
 */
describe('chart-sync status without a host', () => {
  const { cli } = useCli();

  it('starts a host only on the first run, and then says what the host said', async () => {
    const started = vi.spyOn(host, 'startHostedEngine');
    const first = await cli('--rate-limit', '4000', 'status', '--json');
    expect(first.code).toBe(0);
    expect(started).toHaveBeenCalledTimes(1);
    const second = await cli('--rate-limit', '4000', 'status', '--json');
    expect(second.code).toBe(0);
    expect(started).toHaveBeenCalledTimes(1);
    expect(second.stderr.split('\n')[0]).toBe(DEMO_NOTICE);
    const hosted = JSON.parse(first.stdout) as Record<string, unknown>;
    const read = JSON.parse(second.stdout) as Record<string, unknown>;
    // The host's demo runs an emulator on a port of its own; without a host there is none to name. The first
    // run's host heard the quota while seeding the demo (it imported the catalogue); a process that sends no
    // request has not.
    expect(hosted.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(read.apiUrl).toBe(DEMO_STATUS_API_URL);
    expect(read.quota).toBeNull();
    expect({ ...read, apiUrl: null, quota: null }).toEqual({ ...hosted, apiUrl: null, quota: null });
    started.mockRestore();
  });

  it('reads the real database, with the configuration of the flags, when credentials are given', async () => {
    const flags = ['--app-id', 'an-app', '--api-key', 'a-key', '--api-url', 'http://127.0.0.1:9'];
    // No host has created this database: the first run sets it up through one (which asks nothing of the API).
    await cli(...flags, 'status');
    const result = await cli(...flags, '--rate-limit', '300', 'status', '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain(DEMO_NOTICE);
    expect(JSON.parse(result.stdout)).toMatchObject({
      demo: false,
      apiUrl: 'http://127.0.0.1:9',
      soundchartsUrl: 'http://127.0.0.1:9',
      rateLimitPerMinute: 300,
      quota: null,
      charts: 0,
    });
  });
});
