import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { openDatabase } from '../../../electron/engine/db/open-database';
import { charts } from '../../../electron/engine/db/schema';
import { Engine } from '../../../electron/engine/engine';
import { SANDBOX_CREDENTIALS } from '../../../electron/engine/soundcharts';
import { CALL_NAMES } from '../../../shared/contract/call-names';
import { useApi } from './setup';

const start = useApi();

describe('every call validates its input and answers with fields a form can use', () => {
  it.each([
    { name: 'charts/sync-status', input: {}, field: 'chartId' },
    { name: 'charts/sync-status', input: { chartId: -1 }, field: 'chartId' },
    {
      name: 'charts/add-to-schedule',
      input: { chartIds: [] },
      field: 'chartIds',
      text: /at least one chart/,
    },
    {
      name: 'charts/add-to-schedule',
      input: { chartIds: [1], syncImmediately: 'yes' },
      field: 'syncImmediately',
    },
    { name: 'charts/remove-from-schedule', input: { chartIds: [1.5] }, field: 'chartIds.0' },
    { name: 'charts/sync-now', input: { chartIds: 'all' }, field: 'chartIds' },
    { name: 'schedules/get', input: { id: 'x' }, field: 'id' },
    {
      name: 'schedules/create',
      input: { chartId: 1, syncFrequency: 'cron', cronExpression: '0 6 * * *' },
      field: 'timeZone',
      text: /time zone/,
    },
    {
      name: 'schedules/create',
      input: { chartId: 1, syncFrequency: 'cron', cronExpression: '* * * * *', timeZone: 'UTC' },
      field: 'cronExpression',
      text: /^Cron expression "\* \* \* \* \*" runs 1 minute apart; runs must be at least 1 hour apart/,
    },
    {
      name: 'schedules/create',
      input: { chartId: 1, syncFrequency: 'cron', cronExpression: '0 25 * * *', timeZone: 'UTC' },
      field: 'cronExpression',
      text: /the hour field allows 0 to 23, not 25\.$/,
    },
    {
      name: 'schedules/create',
      input: { chartId: 1, syncFrequency: 'custom', customIntervalHours: 0 },
      field: 'customIntervalHours',
    },
    { name: 'schedules/create', input: { chartId: 1, historyWindowDays: 5000 }, field: 'historyWindowDays' },
    {
      name: 'schedules/update',
      input: { id: 1, changes: { customIntervalHours: 1.5 } },
      field: 'changes.customIntervalHours',
      text: /whole number of hours/,
    },
    { name: 'schedules/set-active', input: { ids: [1] }, field: 'active' },
    { name: 'schedules/delete', input: { ids: [] }, field: 'ids', text: /at least one schedule/ },
    { name: 'schedules/sync-now', input: { ids: [0] }, field: 'ids.0' },
    { name: 'executions/list', input: { from: 10, to: 5 }, field: 'from', text: /start date must be before/ },
    { name: 'executions/list', input: { limit: 0 }, field: 'limit' },
    { name: 'executions/list', input: { status: 'done' }, field: 'status' },
    { name: 'executions/list', input: { trigger: 'cron' }, field: 'trigger' },
    { name: 'executions/retry', input: {}, field: 'id' },
  ])('$name $input → invalid_input on $field', async ({ name, input, field, text }) => {
    const api = await start();
    const error = await api.fail(name, input);
    expect(error.code).toBe('invalid_input');
    expect(error.fields).toHaveProperty([field]);
    expect(error.message).toContain(field);
    if (text) expect(error.fields![field]).toMatch(text);
  });

  it('refuses unknown fields and unknown calls, naming them', async () => {
    const api = await start();
    const extra = await api.fail('app/status', { verbose: true });
    expect(extra).toMatchObject({ code: 'invalid_input' });
    expect(extra.message).toContain('verbose');
    const unknown = await api.fail('charts/delete-all', {});
    expect(unknown).toEqual({ code: 'invalid_input', message: 'Unknown call "charts/delete-all".' });
  });

  it('a timing made incomplete by an update is reported under changes.*', async () => {
    const api = await start();
    const { schedule } = await api.ok('schedules/create', { chartId: api.chartId({ slug: 'global-28' }) });
    const error = await api.fail('schedules/update', { id: schedule.id, changes: { syncFrequency: 'cron' } });
    expect(error.code).toBe('invalid_input');
    expect(Object.keys(error.fields ?? {})).toEqual(['changes.cronExpression']);
    expect((await api.ok('schedules/get', { id: schedule.id })).schedule.syncFrequency).toBe('daily');
    // A cron more frequent than the shortest custom interval, likewise.
    const often = await api.fail('schedules/update', {
      id: schedule.id,
      changes: { syncFrequency: 'cron', cronExpression: '*/15 9-17 * * 1-5', timeZone: 'UTC' },
    });
    expect(often.fields).toEqual({
      'changes.cronExpression':
        'Cron expression "*/15 9-17 * * 1-5" runs 15 minutes apart; runs must be at least 1 hour apart, as for a custom interval (e.g. 0 * * * * runs every hour).',
    });
  });

  it('every call of the contract has a handler', async () => {
    const api = await start();
    expect(Object.keys(api.engine.handlers).sort()).toEqual([...CALL_NAMES].sort());
  });
});

describe('app/status', () => {
  it('reports the engine, the connection and the counts', async () => {
    const api = await start();
    const status = await api.ok('app/status', {});
    expect(status).toMatchObject({
      version: 'test',
      demo: false,
      databaseFile: ':memory:',
      schedules: { total: 0, active: 0, overdue: 0, byHealth: expect.objectContaining({ on_time: 0 }) },
      executions: { running: 0, pending: 0 },
    });
    expect(status.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    expect(status.charts).toBe(api.engine.database.db.select().from(charts).all().length);
    const chartId = api.chartId({ slug: 'global-28' });
    await api.ok('schedules/create', { chartId });
    api.engine.executions.start(api.engine.schedules.getByChart(chartId)!.id, 'manual');
    expect(await api.ok('app/status', {})).toMatchObject({
      schedules: {
        total: 1,
        active: 1,
        overdue: 0,
        byHealth: expect.objectContaining({ never_synced: 1, on_time: 0, failing: 0 }),
      },
      executions: { running: 0, pending: 1 },
    });
  });
});

describe('app/status in demo mode', () => {
  it('says so, with the emulator’s address', async () => {
    const engine = new Engine({
      database: openDatabase({ file: ':memory:' }),
      version: 'test',
      connection: { baseUrl: 'http://127.0.0.1:9', credentials: SANDBOX_CREDENTIALS },
      demo: true,
    });
    try {
      const result = await dispatch(engine.handlers, 'app/status', {});
      expect(result).toMatchObject({
        ok: true,
        value: { demo: true, apiUrl: 'http://127.0.0.1:9', charts: 0 },
      });
    } finally {
      await engine.close();
    }
  });
});
