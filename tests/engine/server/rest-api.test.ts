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
const AUTH = { Authorization: `Bearer ${TEST_TOKEN}` };
const JSON_HEADERS = { ...AUTH, 'Content-Type': 'application/json' };

function engineWithSchedules() {
  return fakeEngine({
    'schedules/list': () => [SCHEDULE],
    'schedules/get': (input: { id: number }) => {
      if (input.id !== 4) throw new ChartSyncError('not_found', `Schedule ${input.id} does not exist.`);
      return { schedule: SCHEDULE, executions: [EXECUTION] };
    },
    'schedules/create': (input: { chartId: number }) => {
      if (input.chartId === 9)
        throw new ChartSyncError('schedule_exists', 'global-28 already has a schedule.');
      return { schedule: { ...SCHEDULE, id: 5 }, execution: null };
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
    'charts/sync-now': (input: { chartIds: number[] }) => ({
      results: input.chartIds.map((id) =>
        id === 9
          ? { id, ok: true, scheduleId: 4, executionId: 31 }
          : id === 7
            ? // An engine bug: success without the execution it started.
              { id, ok: true, scheduleId: 4, executionId: null }
            : {
                id,
                ok: false,
                error: { code: 'execution_active', message: 'A sync of this chart is running.' },
              },
      ),
      succeeded: 1,
      failed: 0,
    }),
    'executions/get': () => ({ ...EXECUTION, chart: SCHEDULE.chart, timeline: [] }),
    'charts/sync-status': (input: { chartId: number }) => {
      if (input.chartId === 500) throw new Error('boom');
      return { chart: SCHEDULE.chart, syncStatus: 'active', schedule: SCHEDULE, latestExecution: EXECUTION };
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

  it('POST /api/sync/trigger/ starts a sync and answers the execution (202)', async () => {
    const answer = await send('POST', '/api/sync/trigger/', { chart_id: 9 });
    expect(answer.status).toBe(202);
    expect(answer.json()).toMatchObject({
      ok: true,
      value: { id: 31, status: 'pending', schedule_id: 4, chart: { slug: 'global-28' } },
    });
    expect(fake().received).toEqual([
      { name: 'charts/sync-now', input: { chartIds: [9] } },
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
  });

  it('GET /api/sync/status/{chart_id}/ gives the chart, its schedule and latest execution', async () => {
    const answer = await request('GET', '/api/sync/status/9/', { headers: AUTH });
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({
      value: { sync_status: 'active', schedule: { id: 4 }, latest_execution: { id: 31 } },
    });
    expect(fake().received).toEqual([{ name: 'charts/sync-status', input: { chartId: 9 } }]);
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
