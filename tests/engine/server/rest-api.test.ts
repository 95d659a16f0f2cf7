import { CRON_FIELDS_HINT } from '../../../shared/domain/cron-fields';
import { describe, expect, it } from 'vitest';
import { ChartSyncError } from '../../../shared/errors';
import { MAX_REST_BODY_BYTES } from '../../../electron/engine/server/limits';
import { TEST_TOKEN, fakeEngine, http, useServer } from './support';

const SCHEDULE = {
  id: 4,
  chart: { id: 9, slug: 'global-28', countryCode: '' },
  isActive: true,
  syncFrequency: 'daily',
  lastSyncAt: null,
  successRate: 0.5,
};
const EXECUTION = {
  id: 31,
  scheduleId: 4,
  status: 'pending',
  trigger: 'manual',
  failedPeriods: ['2025-08-01'],
};
const UNSCHEDULED_CHART = { id: 13, slug: 'top-50-fr', name: 'Top 50 France', countryCode: 'FR' };
/** 2026-01-15T08:30:00Z, in a zone whose offset the answer must carry. */
const CREATED_AT = Date.parse('2026-01-15T08:30:00Z');
const AUTH = { Authorization: `Bearer ${TEST_TOKEN}` };
const JSON_HEADERS = { ...AUTH, 'Content-Type': 'application/json' };

function engineWithSchedules() {
  return fakeEngine({
    'schedules/list': () => [SCHEDULE],
    'schedules/get': (input: { id: number }) => {
      if (input.id !== 4) throw new ChartSyncError('not_found', `Schedule ${input.id} does not exist.`);
      return { schedule: SCHEDULE, executions: [EXECUTION] };
    },
    'schedules/update': () => ({ ...SCHEDULE, syncFrequency: 'weekly' }),
    'schedules/delete': (input: { ids: number[] }) => ({
      results: input.ids.map((id) =>
        id === 4
          ? { id, ok: true, scheduleId: 4, executionId: null }
          : { id, ok: false, error: { code: 'not_found', message: `Schedule ${id} does not exist.` } },
      ),
      succeeded: input.ids.includes(4) ? 1 : 0,
      failed: input.ids.includes(4) ? 0 : 1,
    }),
    // Chart 9 is scheduled (schedule 4); charts 10 and 7 too (schedules 10 and 7); chart 13 is not.
    'charts/sync-status': (input: { chartId?: number; chart?: string }) => {
      const ref = input.chart ?? String(input.chartId);
      if (ref === '500') throw new Error('boom');
      if (ref === '13')
        return {
          chart: UNSCHEDULED_CHART,
          syncStatus: 'not_scheduled',
          schedule: null,
          latestExecution: null,
        };
      const scheduleId = ref === '9' || ref === 'global-28' ? 4 : ref === '10' ? 10 : ref === '7' ? 7 : null;
      if (scheduleId === null) throw new ChartSyncError('not_found', `No chart has the id or slug "${ref}".`);
      return {
        chart: SCHEDULE.chart,
        syncStatus: 'active',
        schedule: { ...SCHEDULE, id: scheduleId },
        latestExecution: EXECUTION,
      };
    },
    'schedules/sync-now': (input: { ids: number[] }) => ({
      results: input.ids.map((id) =>
        id === 4
          ? { id, ok: true, scheduleId: 4, executionId: 31 }
          : id === 7
            ? // An engine bug: success without the execution it started.
              { id, ok: true, scheduleId: 7, executionId: null }
            : {
                id,
                ok: false,
                error: { code: 'execution_active', message: 'A sync of this chart is running.' },
              },
      ),
      succeeded: 1,
      failed: 0,
    }),
    'executions/get': (input: { id: number }) => {
      if (input.id !== 31 && input.id !== 32)
        throw new ChartSyncError('not_found', `Execution ${input.id} does not exist.`);
      return {
        ...EXECUTION,
        id: input.id,
        createdAt: CREATED_AT,
        chart: SCHEDULE.chart,
        timeline: [{ at: CREATED_AT }],
      };
    },
    'executions/list': () => ({
      items: [{ ...EXECUTION, createdAt: CREATED_AT, chart: SCHEDULE.chart }],
      total: 7,
    }),
    'executions/cancel': (input: { id: number }) => {
      if (input.id === 31) return { ...EXECUTION, status: 'cancelled' };
      throw new ChartSyncError(
        'invalid_state',
        `Execution ${input.id} already ended (completed); there is nothing to cancel.`,
      );
    },
    'executions/retry': (input: { id: number }) => {
      if (input.id === 31) return { ...EXECUTION, id: 32, trigger: 'manual' };
      throw new ChartSyncError('invalid_state', `Execution ${input.id} cannot be retried: it completed.`);
    },
    'schedules/backfill-preview': (input: { id: number }) => {
      if (input.id !== 4) throw new ChartSyncError('not_found', `Schedule ${input.id} does not exist.`);
      return { periods: [{ key: '2025-08-01', date: '2025-08-01' }], requestCost: 3, listed: true };
    },
    'schedules/backfill': (input: { id: number }) => {
      if (input.id !== 4) throw new ChartSyncError('not_found', `Schedule ${input.id} does not exist.`);
      return { ...EXECUTION, id: 32, trigger: 'backfill' };
    },
    'schedules/create': (input: { chartId: number }) => {
      if (input.chartId === 9)
        throw new ChartSyncError('schedule_exists', 'global-28 already has a schedule.');
      return {
        schedule: { ...SCHEDULE, id: 5 },
        execution: input.chartId === 13 ? { ...EXECUTION, id: 32 } : null,
      };
    },
  });
}

describe('the REST API', () => {
  const { server, fake, logged } = useServer(engineWithSchedules);
  const request = (method: string, path: string, options: Parameters<typeof http>[3] = {}) =>
    http(server().port, method, path, options);
  const send = (method: string, path: string, body: unknown) =>
    request(method, path, { headers: JSON_HEADERS, body: JSON.stringify(body) });

  describe('needs the token', () => {
    it.each([
      ['no token', {}, '/api/sync/schedules/'],
      ['a wrong bearer token', { Authorization: 'Bearer nope' }, '/api/sync/schedules/'],
      ['another scheme', { Authorization: `Basic ${TEST_TOKEN}` }, '/api/sync/schedules/'],
      ['a wrong query token', {}, '/api/sync/schedules/?token=nope'],
      ['no token on an unknown path', {}, '/api/secret'],
    ])('401 with %s', async (_, headers, path) => {
      const answer = await request('GET', path, { headers });
      expect(answer.status).toBe(401);
      expect(answer.headers['www-authenticate']).toBe('Bearer');
      expect(answer.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      expect(fake().received).toEqual([]);
    });

    it('accepts it as a bearer header or as ?token=', async () => {
      expect((await request('GET', '/api/sync/schedules/', { headers: AUTH })).status).toBe(200);
      expect((await request('GET', `/api/sync/schedules?token=${TEST_TOKEN}`)).status).toBe(200);
    });

    it('refuses a page of another site even with the token', async () => {
      const answer = await request('GET', '/api/sync/schedules/', {
        headers: { ...AUTH, Origin: 'http://evil.example' },
      });
      expect(answer.status).toBe(403);
    });
  });

  it('GET /api/sync/schedules/ lists the schedules with snake_case keys', async () => {
    const answer = await request('GET', '/api/sync/schedules/', { headers: AUTH });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.json()).toEqual({
      ok: true,
      value: [
        {
          id: 4,
          chart: { id: 9, slug: 'global-28', country_code: '' },
          is_active: true,
          sync_frequency: 'daily',
          last_sync_at: null,
          success_rate: 0.5,
        },
      ],
    });
    expect(fake().received).toEqual([{ name: 'schedules/list', input: {} }]);
  });

  it('POST /api/sync/schedules/ creates from the original snake_case fields (201)', async () => {
    const answer = await send('POST', '/api/sync/schedules/', {
      chart_id: 12,
      is_active: false,
      sync_frequency: 'cron',
      custom_interval_hours: null,
      cron_expression: '0 6 * * 1',
      time_zone: 'Europe/Paris',
      sync_immediately: true,
      sync_historical_data: false,
      fetch_track_metadata: false,
      history_window_days: 90,
    });
    expect(answer.status).toBe(201);
    expect(answer.json()).toMatchObject({
      ok: true,
      value: { schedule: { id: 5, is_active: true }, execution: null },
    });
    expect(fake().received).toEqual([
      {
        name: 'schedules/create',
        input: {
          chartId: 12,
          isActive: false,
          syncFrequency: 'cron',
          customIntervalHours: null,
          cronExpression: '0 6 * * 1',
          timeZone: 'Europe/Paris',
          syncImmediately: true,
          syncHistoricalData: false,
          fetchTrackMetadata: false,
          historyWindowDays: 90,
          createdBy: 'api',
        },
      },
    ]);
  });

  it('POST /api/sync/schedules/ answers 409 for a chart already scheduled and 400 naming bad fields', async () => {
    const exists = await send('POST', '/api/sync/schedules', { chart_id: 9 });
    expect(exists.status).toBe(409);
    expect(exists.json()).toMatchObject({ ok: false, error: { code: 'schedule_exists' } });

    const invalid = await send('POST', '/api/sync/schedules/', { chart_id: 'x', history_window_days: 0 });
    expect(invalid.status).toBe(400);
    const { error } = invalid.json() as { error: { message: string; fields: Record<string, string> } };
    expect(Object.keys(error.fields).sort()).toEqual(['chart_id', 'history_window_days']);
    expect(error.message).toMatch(/^chart_id: .*history_window_days: /);
    expect(error.message).not.toMatch(/chartId|historyWindowDays/);

    // A cron firing every minute is refused as the UI and the CLI refuse it, under its field.
    const everyMinute = await send('POST', '/api/sync/schedules/', {
      chart_id: 3,
      sync_frequency: 'cron',
      cron_expression: '* * * * *',
      time_zone: 'UTC',
    });
    expect(everyMinute.status).toBe(400);
    expect(everyMinute.json()).toMatchObject({
      error: {
        code: 'invalid_input',
        fields: {
          cron_expression:
            'Cron expression "* * * * *" runs 1 minute apart; runs must be at least 1 hour apart, as for a custom interval (e.g. 0 * * * * runs every hour).',
        },
      },
    });
    // A cron mistake is said in our words, matching the editor's five-field hint.
    const fourFields = await send('POST', '/api/sync/schedules/', {
      chart_id: 3,
      sync_frequency: 'cron',
      cron_expression: '0 6 * *',
      time_zone: 'UTC',
    });
    expect(fourFields.json()).toMatchObject({
      error: { fields: { cron_expression: `Cron expression "0 6 * *" has 4 fields. ${CRON_FIELDS_HINT}` } },
    });

    const missing = await send('POST', '/api/sync/schedules/', {});
    expect(missing.status).toBe(400);
    expect(missing.json()).toMatchObject({ error: { fields: { chart_id: expect.any(String) } } });

    const unknown = await send('POST', '/api/sync/schedules/', { chart_id: 3, chartId: 3, colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(unknown.json()).toMatchObject({
      error: {
        code: 'invalid_input',
        message: expect.stringMatching(/^Unknown fields "chartId", "colour"; expected some of: chart_id, /),
        fields: { chartId: 'Unknown field.', colour: 'Unknown field.' },
      },
    });

    // A pasted 50,000-character name comes back cut, not whole (the answer was 100 KB).
    const long = await send('POST', '/api/sync/schedules/', { chart_id: 3, ['k'.repeat(50_000)]: 1 });
    expect(long.status).toBe(400);
    expect(long.text.length).toBeLessThan(1_000);
    expect(long.json()).toMatchObject({
      error: {
        message: expect.stringMatching(/^Unknown field "k{59}…" \(50,000 characters\); expected some of: /),
      },
    });
  });

  it('GET /api/sync/schedules/{id}/ gives the schedule with its recent executions, 404 when missing', async () => {
    const found = await request('GET', '/api/sync/schedules/4/', { headers: AUTH });
    expect(found.status).toBe(200);
    expect(found.json()).toMatchObject({
      value: {
        schedule: { id: 4 },
        executions: [{ id: 31, schedule_id: 4, failed_periods: ['2025-08-01'] }],
      },
    });
    const missing = await request('GET', '/api/sync/schedules/77', { headers: AUTH });
    expect(missing.status).toBe(404);
    expect(missing.json()).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Schedule 77 does not exist.' },
    });
    const bad = await request('GET', '/api/sync/schedules/abc/', { headers: AUTH });
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({
      error: { message: 'Schedule id must be a positive whole number, not "abc".' },
    });
    expect((await request('GET', '/api/sync/schedules/0/', { headers: AUTH })).status).toBe(400);
  });

  it('PUT (and PATCH) /api/sync/schedules/{id}/ is a partial update of the snake_case fields', async () => {
    const answer = await send('PUT', '/api/sync/schedules/4/', {
      sync_frequency: 'weekly',
      is_active: false,
    });
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({ ok: true, value: { id: 4, sync_frequency: 'weekly' } });
    await send('PATCH', '/api/sync/schedules/4', { history_window_days: 30 });
    expect(fake().received).toEqual([
      { name: 'schedules/update', input: { id: 4, changes: { syncFrequency: 'weekly', isActive: false } } },
      { name: 'schedules/update', input: { id: 4, changes: { historyWindowDays: 30 } } },
    ]);
  });

  it('PUT names bad fields as sent, and refuses fields that cannot change', async () => {
    const invalid = await send('PUT', '/api/sync/schedules/4/', { history_window_days: 0 });
    expect(invalid.status).toBe(400);
    const { error } = invalid.json() as { error: { message: string; fields: Record<string, string> } };
    expect(Object.keys(error.fields)).toEqual(['history_window_days']);
    expect(error.message).toMatch(/^history_window_days: /);
    const fixed = await send('PUT', '/api/sync/schedules/4/', { chart_id: 3 });
    expect(fixed.status).toBe(400);
    expect(fixed.json()).toMatchObject({ error: { fields: { chart_id: 'Unknown field.' } } });
    expect(fake().received).toEqual([]);
  });

  it('DELETE /api/sync/schedules/{id}/ answers 204, or 404 for a missing schedule', async () => {
    const deleted = await request('DELETE', '/api/sync/schedules/4/', { headers: AUTH });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    const missing = await request('DELETE', '/api/sync/schedules/8/', { headers: AUTH });
    expect(missing.status).toBe(404);
    expect(missing.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(fake().received.map((r) => r.input)).toEqual([{ ids: [4] }, { ids: [8] }]);
  });

  it("POST /api/sync/trigger/ starts a sync of the chart's schedule and answers the execution (202)", async () => {
    const answer = await send('POST', '/api/sync/trigger/', { chart_id: 9 });
    expect(answer.status).toBe(202);
    expect(answer.json()).toMatchObject({
      ok: true,
      value: { id: 31, status: 'pending', schedule_id: 4, chart: { slug: 'global-28' } },
    });
    expect(fake().received).toEqual([
      { name: 'charts/sync-status', input: { chartId: 9 } },
      { name: 'schedules/sync-now', input: { ids: [4] } },
      { name: 'executions/get', input: { id: 31 } },
    ]);
  });

  it('POST /api/sync/trigger/ answers 409 when a sync is already running, 400 without chart_id', async () => {
    const active = await send('POST', '/api/sync/trigger', { chart_id: 10 });
    expect(active.status).toBe(409);
    expect(active.json()).toMatchObject({ error: { code: 'execution_active' } });
    const missing = await send('POST', '/api/sync/trigger/', {});
    expect(missing.status).toBe(400);
    expect(missing.json()).toMatchObject({ error: { fields: { chart_id: expect.any(String) } } });
    const empty = await request('POST', '/api/sync/trigger/', { headers: AUTH });
    expect(empty.status).toBe(400);
    const unknown = await send('POST', '/api/sync/trigger/', { chart_id: 77 });
    expect(unknown.status).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('an unknown path answers 404 naming every endpoint, the file ones included', async () => {
    const answer = await request('GET', '/api/nowhere/', { headers: AUTH });
    expect(answer.status).toBe(404);
    const { message } = (answer.json() as { error: { message: string } }).error;
    expect(message).toMatch(/^No endpoint \/api\/nowhere\/\. The API: /);
    expect(message).toContain('/api/sync/schedules/');
    expect(message).toContain('/api/export/{dataset}');
    expect(message).toContain('/api/exports/{id}/file');
  });

  it('POST /api/sync/trigger/ on a chart without a schedule answers 404 not_scheduled and creates nothing', async () => {
    const refused = await send('POST', '/api/sync/trigger/', { chart_id: 13 });
    expect(refused.status).toBe(404);
    expect(refused.json()).toEqual({
      ok: false,
      error: {
        code: 'not_scheduled',
        message: expect.stringMatching(
          /^"Top 50 France" \(top-50-fr\) has no sync schedule, so no sync was started/,
        ),
      },
    });
    expect(fake().received.map((r) => r.name)).toEqual(['charts/sync-status']);
  });

  it('POST /api/sync/trigger/ with "create_schedule": true creates an active schedule and syncs it now', async () => {
    const answer = await send('POST', '/api/sync/trigger/', { chart_id: 13, create_schedule: true });
    expect(answer.status).toBe(202);
    expect(answer.json()).toMatchObject({ ok: true, value: { id: 32 } });
    expect(fake().received).toEqual([
      { name: 'charts/sync-status', input: { chartId: 13 } },
      {
        name: 'schedules/create',
        input: expect.objectContaining({
          chartId: 13,
          createdBy: 'api',
          syncImmediately: true,
          isActive: true,
        }),
      },
      { name: 'executions/get', input: { id: 32 } },
    ]);
    // A chart that has a schedule is synced as usual: the flag only matters when there is none.
    expect((await send('POST', '/api/sync/trigger/', { chart_id: 9, create_schedule: true })).status).toBe(
      202,
    );
    const bad = await send('POST', '/api/sync/trigger/', { chart_id: 13, create_schedule: 1 });
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ error: { fields: { create_schedule: 'Expected true or false.' } } });
  });

  it("GET /api/sync/status/{chart}/ takes the chart's id or its slug, as the CLI does", async () => {
    const byId = await request('GET', '/api/sync/status/9/', { headers: AUTH });
    expect(byId.status).toBe(200);
    expect(byId.json()).toMatchObject({
      value: { sync_status: 'active', schedule: { id: 4 }, latest_execution: { id: 31 } },
    });
    const bySlug = await request('GET', '/api/sync/status/global-28/', { headers: AUTH });
    expect(bySlug.status).toBe(200);
    const missing = await request('GET', '/api/sync/status/no%20such/', { headers: AUTH });
    expect(missing.status).toBe(404);
    expect(fake().received).toEqual([
      { name: 'charts/sync-status', input: { chart: '9' } },
      { name: 'charts/sync-status', input: { chart: 'global-28' } },
      { name: 'charts/sync-status', input: { chart: 'no such' } },
    ]);
  });

  it('answers times as ISO 8601 with an offset; durations stay milliseconds', async () => {
    const answer = await request('GET', '/api/sync/executions/31/', { headers: AUTH });
    const { value } = answer.json() as { value: { created_at: string; timeline: { at: string }[] } };
    expect(value.created_at).toMatch(/^2026-01-15T\d{2}:\d{2}:00\.000[+-]\d{2}:\d{2}$/);
    expect(Date.parse(value.created_at)).toBe(CREATED_AT);
    expect(Date.parse(value.timeline[0]!.at)).toBe(CREATED_AT);
  });

  describe('executions', () => {
    it('GET /api/sync/executions/ filters and pages through the same contract input as the screen', async () => {
      const answer = await request(
        'GET',
        '/api/sync/executions/?status=failed&trigger=manual&chart_id=9&schedule_id=4' +
          '&since=2026-01-01T00:00:00Z&until=2026-02-01T00:00:00%2B01:00&limit=20&offset=40',
        { headers: AUTH },
      );
      expect(answer.status).toBe(200);
      expect(answer.json()).toMatchObject({
        ok: true,
        value: { items: [{ id: 31, chart: { id: 9 } }], total: 7 },
      });
      expect(fake().received).toEqual([
        {
          name: 'executions/list',
          input: {
            status: 'failed',
            trigger: 'manual',
            chartId: 9,
            scheduleId: 4,
            from: Date.parse('2026-01-01T00:00:00Z'),
            to: Date.parse('2026-01-31T23:00:00Z'),
            limit: 20,
            offset: 40,
          },
        },
      ]);
      const all = await request('GET', '/api/sync/executions', { headers: AUTH });
      expect(all.status).toBe(200);
      expect(fake().received[1]).toEqual({ name: 'executions/list', input: { limit: 100, offset: 0 } });
    });

    it('GET /api/sync/executions/ names each bad filter as sent', async () => {
      const bad = await request('GET', '/api/sync/executions/?status=broken&chart_id=x&limit=0&colour=red', {
        headers: AUTH,
      });
      expect(bad.status).toBe(400);
      expect(bad.json()).toMatchObject({ error: { fields: { colour: 'Unknown query parameter.' } } });
      const invalid = await request('GET', '/api/sync/executions/?status=broken&chart_id=x&limit=0', {
        headers: AUTH,
      });
      expect(invalid.status).toBe(400);
      const { error } = invalid.json() as { error: { message: string; fields: Record<string, string> } };
      expect(Object.keys(error.fields).sort()).toEqual(['chart_id', 'limit', 'status']);
      expect(error.message).not.toMatch(/chartId/);
      const reversed = await request('GET', '/api/sync/executions/?since=2026-02-01&until=2026-01-01', {
        headers: AUTH,
      });
      expect(reversed.status).toBe(400);
      expect(reversed.json()).toMatchObject({
        error: { fields: { since: 'The start date must be before the end date.' } },
      });
      const time = await request('GET', '/api/sync/executions/?since=1767225600000', { headers: AUTH });
      expect(time.status).toBe(400);
      expect(time.json()).toMatchObject({ error: { fields: { since: expect.stringMatching(/ISO 8601/) } } });
    });

    it('GET /api/sync/executions/{id}/ gives one execution in full, 404 when missing', async () => {
      const found = await request('GET', '/api/sync/executions/31/', { headers: AUTH });
      expect(found.status).toBe(200);
      expect(found.json()).toMatchObject({
        value: { id: 31, failed_periods: ['2025-08-01'], timeline: [{}] },
      });
      const missing = await request('GET', '/api/sync/executions/99/', { headers: AUTH });
      expect(missing.status).toBe(404);
      expect((await request('GET', '/api/sync/executions/x/', { headers: AUTH })).json()).toMatchObject({
        error: { message: 'Execution id must be a positive whole number, not "x".' },
      });
    });

    it('POST /api/sync/executions/{id}/cancel/ answers the execution (200), 409 when it already ended', async () => {
      const cancelled = await request('POST', '/api/sync/executions/31/cancel/', { headers: AUTH });
      expect(cancelled.status).toBe(200);
      expect(cancelled.json()).toMatchObject({ value: { id: 31, chart: { id: 9 } } });
      const ended = await request('POST', '/api/sync/executions/33/cancel', { headers: AUTH });
      expect(ended.status).toBe(409);
      expect(ended.json()).toMatchObject({ error: { code: 'invalid_state' } });
      const body = await send('POST', '/api/sync/executions/31/cancel/', { now: true });
      expect(body.status).toBe(400);
      expect((await request('GET', '/api/sync/executions/31/cancel/', { headers: AUTH })).headers.allow).toBe(
        'POST',
      );
    });

    it('POST /api/sync/executions/{id}/retry/ starts a new execution (202), 409 for one that completed', async () => {
      const retried = await request('POST', '/api/sync/executions/31/retry/', { headers: AUTH });
      expect(retried.status).toBe(202);
      expect(retried.json()).toMatchObject({ value: { id: 32 } });
      const completed = await request('POST', '/api/sync/executions/33/retry/', { headers: AUTH });
      expect(completed.status).toBe(409);
      expect(fake().received.map((r) => r.name)).toEqual([
        'executions/retry',
        'executions/get',
        'executions/retry',
      ]);
    });
  });

  it('POST /api/sync/schedules/{id}/backfill/ starts a backfill (202); ?preview=1 only plans it', async () => {
    const preview = await request('POST', '/api/sync/schedules/4/backfill/?preview=1', { headers: AUTH });
    expect(preview.status).toBe(200);
    expect(preview.json()).toEqual({
      ok: true,
      value: { periods: [{ key: '2025-08-01', date: '2025-08-01' }], request_cost: 3, listed: true },
    });
    const started = await request('POST', '/api/sync/schedules/4/backfill/', { headers: AUTH });
    expect(started.status).toBe(202);
    expect(started.json()).toMatchObject({ value: { id: 32 } });
    const missing = await request('POST', '/api/sync/schedules/8/backfill/?preview=true', { headers: AUTH });
    expect(missing.status).toBe(404);
    const bad = await request('POST', '/api/sync/schedules/4/backfill/?preview=perhaps', { headers: AUTH });
    expect(bad.status).toBe(400);
    expect(fake().received.map((r) => r.name)).toEqual([
      'schedules/backfill-preview',
      'schedules/backfill',
      'executions/get',
      'schedules/backfill-preview',
    ]);
  });

  it('answers 500 without internals when the engine fails unexpectedly', async () => {
    const answer = await request('GET', '/api/sync/status/500/', { headers: AUTH });
    expect(answer.status).toBe(500);
    expect(answer.json()).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(answer.text).not.toContain('boom');
    // The details went to the host's log, with the call that raised them.
    expect(logged()).toEqual([[new Error('boom'), 'charts/sync-status']]);
  });

  it('logs an unexpected error raised outside the contract call, naming the request', async () => {
    const answer = await request('POST', '/api/sync/trigger/', {
      headers: JSON_HEADERS,
      body: JSON.stringify({ chart_id: 7 }),
    });
    expect(answer.status).toBe(500);
    expect(answer.json()).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logged()).toEqual([
      [
        expect.objectContaining({ message: expect.stringMatching(/no execution was reported/) }),
        'POST /api/sync/trigger/',
      ],
    ]);
  });

  it('refuses an unknown query parameter with a 400 naming it; the token is not one', async () => {
    const unknown = await request('GET', `/api/sync/schedules/?colour=red&token=${TEST_TOKEN}&size=2`);
    expect(unknown.status).toBe(400);
    expect(unknown.json()).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Unknown query parameters "colour", "size"; this endpoint takes no query parameters.',
        fields: { colour: 'Unknown query parameter.', size: 'Unknown query parameter.' },
      },
    });
    const posted = await request('POST', '/api/sync/trigger/?chart_id=9', {
      headers: JSON_HEADERS,
      body: '{"chart_id": 9}',
    });
    expect(posted.status).toBe(400);
    expect(posted.json()).toMatchObject({ error: { fields: { chart_id: 'Unknown query parameter.' } } });
    expect(fake().received).toEqual([]);
  });

  it('answers 404 for an unknown endpoint and 405 with Allow for a wrong method', async () => {
    const unknown = await request('GET', '/api/sync/nothing/', { headers: AUTH });
    expect(unknown.status).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'not_found' } });
    const wrong = await request('DELETE', '/api/sync/schedules/', { headers: AUTH });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('GET, POST');
    expect(wrong.json()).toMatchObject({ error: { code: 'method_not_allowed' } });
    const trigger = await request('GET', '/api/sync/trigger/', { headers: AUTH });
    expect(trigger.status).toBe(405);
    expect(trigger.headers.allow).toBe('POST');
  });

  it('answers 400 for a body that is not JSON or not an object, 415 for another type, 413 when too large', async () => {
    const broken = await request('POST', '/api/sync/trigger/', {
      headers: JSON_HEADERS,
      body: '{"chart_id": ',
    });
    expect(broken.status).toBe(400);
    expect(broken.json()).toMatchObject({
      error: { code: 'invalid_input', message: expect.stringMatching(/^The request body is not valid JSON/) },
    });
    const array = await request('POST', '/api/sync/trigger/', { headers: JSON_HEADERS, body: '[9]' });
    expect(array.status).toBe(400);
    expect(array.json()).toMatchObject({ error: { message: 'The request body must be a JSON object.' } });
    const form = await request('POST', '/api/sync/trigger/', {
      headers: { ...AUTH, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'chart_id=9',
    });
    expect(form.status).toBe(415);
    expect(form.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
    const charset = await request('POST', '/api/sync/trigger/', {
      headers: { ...AUTH, 'Content-Type': 'application/json; charset=utf-8' },
      body: '{"chart_id": 9}',
    });
    expect(charset.status).toBe(202);
    const huge = await request('POST', '/api/sync/schedules/', {
      headers: JSON_HEADERS,
      body: JSON.stringify({ chart_id: 1, pad: 'x'.repeat(MAX_REST_BODY_BYTES) }),
    });
    expect(huge.status).toBe(413);
    expect(huge.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });
});
