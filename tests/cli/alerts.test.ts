import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AlertStore } from '../../electron/engine/alerts';
import { openDatabase } from '../../electron/engine/db/open-database';
import { DEMO_DATABASE_FILE_NAME } from '../../electron/engine/host';
import { ALERT_SEVERITY } from '../../shared/domain/alert-rules';
import type { AlertPage } from '../../shared/views/alert';
import { useCli } from './run-cli';

describe('chart-sync alerts', () => {
  const { cli, dataDir } = useCli();

  /** Two alerts in the demo database, as the engine records them: a failed sync of global-28 and a low quota. */
  async function withAlerts(): Promise<number[]> {
    expect((await cli('alerts')).stdout).toBe('No alerts.\n');
    const database = openDatabase({ file: join(dataDir(), DEMO_DATABASE_FILE_NAME) });
    try {
      const chart = database.sqlite.prepare(`SELECT id FROM charts WHERE slug = 'global-28'`).get() as {
        id: number;
      };
      const schedule = database.sqlite
        .prepare(`SELECT id FROM chart_sync_schedules WHERE chart_id = ?`)
        .get(chart.id) as { id: number } | undefined;
      const about = { scheduleId: schedule?.id ?? null, executionId: null, chartId: chart.id };
      const { raised } = new AlertStore(database).record(
        {
          raise: [
            {
              kind: 'sync_failed',
              severity: ALERT_SEVERITY.sync_failed,
              foldKey: 'f',
              ...about,
              message: 'It failed.',
            },
            {
              kind: 'quota_low',
              severity: ALERT_SEVERITY.quota_low,
              foldKey: 'q',
              scheduleId: null,
              executionId: null,
              chartId: null,
              message: 'The quota is low.',
            },
          ],
          resolve: [],
        },
        Date.now(),
      );
      return raised.map((a) => a.id);
    } finally {
      database.close();
    }
  }

  it('lists alerts, filters them, and marks them read by id or all', async () => {
    const [failed, low] = await withAlerts();
    const listed = await cli('alerts');
    expect(listed.code).toBe(0);
    const lines = listed.stdout.split('\n');
    expect(lines[0]).toMatch(/^id +when +kind +chart +count +state +message$/);
    expect(listed.stdout).toMatch(/• .*✖ sync_failed +global-28 +1 +open +It failed\./);
    expect(listed.stdout).toMatch(/2 in all, 2 unread/);

    const json = JSON.parse((await cli('alerts', '--kind', 'quota_low', '--json')).stdout) as AlertPage;
    expect(json.alerts.map((a) => a.id)).toEqual([low]);

    const read = await cli('alerts', 'read', String(failed));
    expect(read).toMatchObject({ code: 0, stdout: 'Marked 1 alert read; 1 unread.\n' });
    const unread = JSON.parse((await cli('alerts', '--unread', '--json')).stdout) as AlertPage;
    expect(unread.alerts.map((a) => a.id)).toEqual([low]);

    expect((await cli('alerts', 'read', '--all')).stdout).toBe('Marked 1 alert read; 0 unread.\n');
    expect((await cli('alerts', '--unread')).stdout).toBe('No alerts.\n');
  });

  it('filters by chart (its schedule)', async () => {
    await withAlerts();
    const json = JSON.parse((await cli('alerts', '--chart', 'global-28', '--json')).stdout) as AlertPage;
    expect(json.alerts.map((a) => a.kind)).toEqual(['sync_failed']);
  });

  it.each([
    [['alerts', '--kind', 'nope'], /Unknown alert kind "nope"/],
    [['alerts', '--limit', 'many'], /--limit must be a whole number/],
    [['alerts', 'read'], /Give the ids of the alerts to mark read, or --all/],
    [['alerts', 'read', '3', '--all'], /not both/],
    [['alerts', 'read', 'x'], /alert id must be a whole number, not "x"/],
    [['alerts', 'read', '999'], /No alert 999/],
  ])('%j fails with a clear message', async (args, message) => {
    const result = await cli(...args);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
  });
});

describe('chart-sync settings', () => {
  const { cli } = useCli();

  it('shows the settings and changes only what is given', async () => {
    expect((await cli('settings')).stdout).toContain('✓ sync_failed');
    const set = await cli('settings', 'set', '--disable-alert', 'quota_low', '--quota-low-requests', '5000');
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('✗ quota_low (off)');
    expect(set.stdout).toContain('10 % of the plan or 5,000 requests');
    const json = JSON.parse((await cli('settings', '--json')).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      disabledAlertKinds: ['quota_low'],
      quotaLowPercent: 10,
      quotaLowRequests: 5000,
      retentionDays: 365,
      billingCycleDay: 1,
    });
    await cli('settings', 'set', '--enable-alert', 'quota_low');
    expect(JSON.parse((await cli('settings', '--json')).stdout)).toMatchObject({ disabledAlertKinds: [] });
  });

  it('keeps the API URL and rate limit, which the next runs use when no flag or variable says otherwise', async () => {
    const set = await cli(
      'settings',
      'set',
      '--api-url',
      'https://sandbox.example.com',
      '--rate-limit-per-minute',
      '600',
    );
    expect(set.code).toBe(0);
    expect(set.stdout).toContain(
      'Soundcharts API URL: https://sandbox.example.com; rate limit 600 requests/minute',
    );
    // The global --rate-limit of these tests wins over the setting; the API URL comes from the settings.
    const shown = JSON.parse((await cli('credentials', 'show', '--json')).stdout) as Record<string, unknown>;
    expect(shown).toMatchObject({
      apiUrl: 'https://sandbox.example.com',
      apiUrlSource: 'settings',
      rateLimitSource: 'command line',
    });
  });

  it('keeps the requests in flight of a sync, which the next syncs use', async () => {
    const set = await cli('settings', 'set', '--requests-in-flight', '16');
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('Requests in flight: 16 per sync, and as many metadata fetches at once');
    expect(JSON.parse((await cli('settings', '--json')).stdout)).toMatchObject({ requestsInFlight: 16 });
  });

  it.each([
    [['settings', 'set', '--requests-in-flight', '33'], /Requests in flight is between 1 and 32/],
    [['settings', 'set', '--quota-low-percent', '200'], /percentage is at most 100/],
    [['settings', 'set', '--quota-low-requests', 'lots'], /quotaLowRequests/],
    [['settings', 'set', '--disable-alert', 'nope'], /Unknown alert kind "nope"/],
    [['settings', 'set'], /Nothing to change/],
    [['settings', 'set', '--api-url', 'ftp://x'], /The API URL must be an http\(s\) URL/],
    [['settings', 'set', '--rate-limit-per-minute', '0'], /rate limit per minute is between 1 and 5,000/],
  ])('%j fails with a clear message', async (args, message) => {
    const result = await cli(...args);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
  });
});
