import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../electron/engine/server';
import { useEmulator } from '../../support/emulator';
import { ALERT_SEVERITY } from '../../../shared/domain/alert-rules';
import { startTestEngine, type TestEngine } from '../../support/sync-engine';
import { http, makeRendererDir, restCall } from './support';
import { useRealHost } from './real-host';

type Answer = { ok: boolean; value?: Record<string, unknown>; error?: Record<string, unknown> };

describe('REST alerts on a real engine', () => {
  const emulator = useEmulator();
  let test: TestEngine;
  let server: RunningServer;
  let renderer: ReturnType<typeof makeRendererDir>;
  let ids: number[];

  beforeEach(async () => {
    test = await startTestEngine(emulator.current);
    renderer = makeRendererDir();
    server = await startServer({ engine: test.engine, port: 0, rendererDir: renderer.rendererDir });
    const chartId = test.chartId({ slug: 'global-28' });
    const about = { scheduleId: null, executionId: null, chartId };
    const { raised } = test.engine.alerts.store.record(
      {
        raise: [
          {
            kind: 'sync_failed',
            severity: ALERT_SEVERITY.sync_failed,
            foldKey: 'a',
            ...about,
            message: 'failed',
          },
          { kind: 'quota_low', severity: ALERT_SEVERITY.quota_low, foldKey: 'b', ...about, message: 'low' },
        ],
        resolve: [],
      },
      test.clock.now(),
    );
    ids = raised.map((a) => a.id);
  });
  afterEach(async () => {
    await server.close();
    await test.engine.close();
    renderer.cleanup();
  });

  const rest = async (method: string, path: string) => {
    const answer = await http(server.port, method, path, {
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      ...(method === 'POST' ? { body: '{}' } : {}),
    });
    return { status: answer.status, body: answer.json() as Answer };
  };

  it('lists alerts in snake_case, filtered by unread and kind', async () => {
    const all = await rest('GET', '/api/alerts/');
    expect(all.status).toBe(200);
    expect(all.body.value).toMatchObject({ total: 2, unread: 2 });
    const [first] = all.body.value!.alerts as Record<string, unknown>[];
    expect(first).toMatchObject({ kind: 'quota_low', severity: 'warning', read_at: null, count: 1 });
    expect(first).toHaveProperty('last_seen_at');
    expect(first!.chart).toMatchObject({ slug: 'global-28' });

    const failed = await rest('GET', '/api/alerts?kind=sync_failed&unread=true');
    expect((failed.body.value!.alerts as { id: number }[]).map((a) => a.id)).toEqual([ids[0]]);
  });

  it('marks one alert read, then all; the unread filter follows', async () => {
    const one = await rest('POST', `/api/alerts/${ids[0]}/read/`);
    expect(one).toMatchObject({ status: 200, body: { ok: true, value: { marked: 1, unread: 1 } } });
    const unread = await rest('GET', '/api/alerts/?unread=1');
    expect((unread.body.value!.alerts as { id: number }[]).map((a) => a.id)).toEqual([ids[1]]);
    const read = await rest('GET', '/api/alerts/?unread=false');
    expect((read.body.value!.alerts as { id: number }[]).map((a) => a.id)).toEqual([ids[0]]);
    const rest2 = await rest('POST', '/api/alerts/read/');
    expect(rest2.body.value).toEqual({ marked: 1, unread: 0 });
  });

  it.each([
    ['/api/alerts/?unread=maybe', 'unread', /Use 1 or true, 0 or false/],
    ['/api/alerts/?kind=nope', 'kind', /Unknown alert kind "nope"/],
    ['/api/alerts/?colour=red', 'colour', /Unknown query parameter/],
    ['/api/alerts/?limit=-3', 'limit', /limit/],
    ['/api/alerts/?schedule_id=0', 'schedule_id', /./],
  ])('GET %s is a 400 naming the parameter', async (path, field, message) => {
    const answer = await rest('GET', path);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'invalid_input' });
    expect(answer.body.error!.message).toMatch(message);
    expect(Object.keys(answer.body.error!.fields as object)).toContain(field);
  });

  it('an unknown alert is a 404 and a bad id a 400; nothing is marked', async () => {
    expect((await rest('POST', '/api/alerts/999/read/')).status).toBe(404);
    expect((await rest('POST', '/api/alerts/abc/read/')).status).toBe(400);
    expect((await rest('GET', '/api/alerts/?unread=true')).body.value).toMatchObject({ unread: 2 });
    expect((await rest('GET', `/api/alerts/${ids[0]}/read/`)).status).toBe(405);
  });
});

describe('REST settings on a real engine', () => {
  const host = useRealHost();
  let server: RunningServer;
  beforeEach(() => ({ server } = host));

  const rest = (method: string, path: string, body?: unknown) => restCall<Answer>(server, method, path, body);

  it('reads and partially updates the settings in snake_case', async () => {
    expect((await rest('GET', '/api/settings/')).body.value).toMatchObject({
      disabled_alert_kinds: [],
      quota_low_percent: 10,
      quota_low_requests: 1000,
      retention_days: 365,
      billing_cycle_day: 1,
      rate_limit_per_minute: 1200,
      requests_in_flight: 8,
      theme: 'system',
    });
    const inFlight = await rest('PUT', '/api/settings/', { requests_in_flight: 16 });
    expect(inFlight.body.value).toMatchObject({ requests_in_flight: 16 });
    const cycle = await rest('PUT', '/api/settings/', { billing_cycle_day: 15 });
    expect(cycle.body.value).toMatchObject({ billing_cycle_day: 15 });
    const updated = await rest('PUT', '/api/settings/', { disabled_alert_kinds: ['quota_low'] });
    expect(updated.body.value).toMatchObject({ disabled_alert_kinds: ['quota_low'], quota_low_percent: 10 });
    // Every setting of the Settings screen, the connection's too.
    const connection = await rest('PATCH', '/api/settings/', {
      api_url: 'https://sandbox.example.com',
      rate_limit_per_minute: 600,
      theme: 'dark',
    });
    expect(connection.status).toBe(200);
    expect(connection.body.value).toMatchObject({
      api_url: 'https://sandbox.example.com',
      rate_limit_per_minute: 600,
      theme: 'dark',
    });
  });

  it.each([
    [{ quota_low_percent: 101 }, 'quota_low_percent', /at most 100/],
    [{ retention_days: 3 }, 'retention_days', /at least 7 days/],
    [{ billing_cycle_day: 29 }, 'billing_cycle_day', /billing cycle day is between 1 and 28/],
    [{ retention_dayz: 30 }, 'retention_dayz', /Unknown field "retention_dayz"/],
    [{ api_url: 'ftp://x' }, 'api_url', /The API URL must be an http\(s\) URL/],
    [{ rate_limit_per_minute: 0 }, 'rate_limit_per_minute', /between 1 and 5,000/],
    [{ requests_in_flight: 33 }, 'requests_in_flight', /between 1 and 32/],
  ])('refuses %j with a 400 naming the field', async (body, field, message) => {
    const answer = await rest('PATCH', '/api/settings/', body);
    expect(answer.status).toBe(400);
    expect(answer.body.error!.message).toMatch(message);
    expect(Object.keys(answer.body.error!.fields as object)).toContain(field);
  });
});
