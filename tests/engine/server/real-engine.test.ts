import { beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../electron/engine/server';
import { SYNC_NOW, type TestEngine } from '../../support/sync-engine';
import { http, openSocket, socketUrl } from './support';
import { useRealHost } from './real-host';

type Ok<T> = { ok: true; value: T };

/** The whole path on the real engine: HTTP and WebSocket → dispatch → handlers → database → events back. */
describe('the headless host on a real engine', () => {
  const host = useRealHost();
  let test: TestEngine;
  let server: RunningServer;
  beforeEach(() => ({ test, server } = host));

  const rest = (method: string, path: string, body?: unknown) =>
    http(server.port, method, path, {
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('prints a URL with a fresh token that opens the page and the socket', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const page = await http(server.port, 'GET', new URL(server.url).pathname + new URL(server.url).search);
    expect(page.status).toBe(200);
    const client = await openSocket(socketUrl(server));
    client.send({ type: 'call', id: 1, name: 'app/status', input: {} });
    expect(await client.result(1)).toMatchObject({
      result: { ok: true, value: { version: 'test', charts: expect.any(Number) } },
    });
    client.ws.close();
  });

  it('REST schedule lifecycle in snake_case, with the changes pushed to a connected socket', async () => {
    const client = await openSocket(socketUrl(server));
    const chartId = test.chartId({ slug: 'global-28' });

    const created = await rest('POST', '/api/sync/schedules/', {
      chart_id: chartId,
      sync_frequency: 'custom',
      custom_interval_hours: 6,
      history_window_days: 30,
    });
    expect(created.status).toBe(201);
    const { value } = created.json() as Ok<{ schedule: { id: number; sync_frequency: string } }>;
    expect(value.schedule).toMatchObject({
      sync_frequency: 'custom',
      custom_interval_hours: 6,
      created_by: 'api',
    });
    const scheduleId = value.schedule.id;
    expect(await client.event('schedule/updated')).toMatchObject({ payload: { scheduleId } });

    expect((await rest('POST', '/api/sync/schedules/', { chart_id: chartId })).status).toBe(409);
    const list = (await rest('GET', '/api/sync/schedules')).json() as Ok<{ id: number }[]>;
    expect(list.value.map((s) => s.id)).toEqual([scheduleId]);

    const updated = await rest('PUT', `/api/sync/schedules/${scheduleId}/`, { is_active: false });
    expect(updated.status).toBe(200);
    expect(updated.json()).toMatchObject({ value: { id: scheduleId, is_active: false } });
    const invalid = await rest('PUT', `/api/sync/schedules/${scheduleId}/`, {
      sync_frequency: 'cron',
      cron_expression: 'not a cron',
      time_zone: 'Europe/Paris',
    });
    expect(invalid.status).toBe(400);
    const { error } = invalid.json() as { error: { message: string; fields: object } };
    expect(Object.keys(error.fields)).toEqual(['cron_expression']);
    expect(error.message).not.toMatch(/cronExpression/);

    const detail = await rest('GET', `/api/sync/schedules/${scheduleId}/`);
    expect(detail.status).toBe(200);
    expect(detail.json()).toMatchObject({ value: { schedule: { id: scheduleId }, executions: [] } });

    const status = await rest('GET', `/api/sync/status/${chartId}/`);
    expect(status.status).toBe(200);
    expect(status.json()).toMatchObject({ value: { schedule: { id: scheduleId }, latest_execution: null } });

    expect((await rest('DELETE', `/api/sync/schedules/${scheduleId}/`)).status).toBe(204);
    expect(await client.event('schedule/removed')).toMatchObject({ payload: { scheduleId, chartId } });
    expect((await rest('GET', `/api/sync/schedules/${scheduleId}/`)).status).toBe(404);
    expect((await rest('DELETE', `/api/sync/schedules/${scheduleId}/`)).status).toBe(404);
    client.ws.close();
  });

  it('POST /api/sync/trigger/ starts a sync of a scheduled chart and answers its execution', async () => {
    const chartId = test.chartId({ slug: 'global-28' });
    expect((await rest('POST', '/api/sync/schedules/', { chart_id: chartId, is_active: false })).status).toBe(
      201,
    );
    const triggered = await rest('POST', '/api/sync/trigger/', { chart_id: chartId });
    expect(triggered.status).toBe(202);
    const execution = (triggered.json() as Ok<{ id: number; trigger: string; status: string }>).value;
    expect(execution).toMatchObject({ trigger: 'manual', chart: { id: chartId } });
    expect(['pending', 'running', 'completed']).toContain(execution.status);
    const again = await rest('POST', '/api/sync/trigger/', { chart_id: chartId });
    // Either still running (409) or already done and started anew (202): never a second one at once.
    expect([202, 409]).toContain(again.status);
    expect((await rest('POST', '/api/sync/trigger/', { chart_id: 999_999 })).status).toBe(404);
  });

  it('POST /api/sync/trigger/ on a chart without a schedule creates none unless asked to (defect 6.4)', async () => {
    const chartId = test.chartId({ slug: 'global-28' });
    const refused = await rest('POST', '/api/sync/trigger/', { chart_id: chartId });
    expect(refused.status).toBe(404);
    expect(refused.json()).toMatchObject({
      ok: false,
      error: {
        code: 'not_scheduled',
        message: expect.stringMatching(/has no sync schedule.*"create_schedule": true/),
      },
    });
    expect((await rest('GET', '/api/sync/schedules/')).json()).toEqual({ ok: true, value: [] });
    expect((await rest('GET', `/api/sync/status/${chartId}/`)).json()).toMatchObject({
      value: { schedule: null },
    });

    const created = await rest('POST', '/api/sync/trigger/', { chart_id: chartId, create_schedule: true });
    expect(created.status).toBe(202);
    const execution = (created.json() as Ok<{ schedule_id: number; trigger: string }>).value;
    expect(execution).toMatchObject({ trigger: 'immediate', chart: { id: chartId } });
    const schedule = await rest('GET', `/api/sync/schedules/${execution.schedule_id}/`);
    expect(schedule.json()).toMatchObject({
      value: { schedule: { is_active: true, created_by: 'api', chart: { id: chartId } } },
    });
    const bad = await rest('POST', '/api/sync/trigger/', { chart_id: chartId, create_schedule: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ error: { fields: { create_schedule: expect.any(String) } } });
  });
});

describe('the REST executions and backfill endpoints on a real engine', () => {
  const host = useRealHost();
  let test: TestEngine;
  let server: RunningServer;
  beforeEach(() => ({ test, server } = host));

  const rest = async <T>(method: string, path: string) => {
    const answer = await http(server.port, method, path, {
      headers: { Authorization: `Bearer ${server.token}` },
    });
    return { status: answer.status, body: answer.json() as Ok<T> & { error?: { code: string } } };
  };
  type Execution = {
    id: number;
    status: string;
    trigger: string;
    created_at: string;
    duration_ms: number | null;
  };

  it('lists, shows, retries and cancels executions, and previews then starts a backfill', async () => {
    const chartId = test.chartId({ slug: 'global-28' });
    const slug = 'global-28';
    const created = await http(server.port, 'POST', '/api/sync/schedules/', {
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ chart_id: chartId, history_window_days: 7, sync_immediately: true }),
    });
    const { schedule, execution } = (
      created.json() as Ok<{ schedule: { id: number }; execution: { id: number } }>
    ).value;
    await test.engine.scheduler.idle();
    expect((await rest<Execution>('GET', `/api/sync/executions/${execution.id}/`)).body.value.status).toBe(
      'completed',
    );

    const shown = await rest<Execution & { timeline: { at: string }[] }>(
      'GET',
      `/api/sync/executions/${execution.id}/`,
    );
    expect(shown.status).toBe(200);
    expect(shown.body.value.created_at).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/,
    );
    expect(Date.parse(shown.body.value.created_at)).toBe(SYNC_NOW);
    expect(shown.body.value.duration_ms).toEqual(expect.any(Number));
    expect(shown.body.value.timeline[0]!.at).toMatch(/[+-]\d{2}:\d{2}$/);

    const since = new Date(SYNC_NOW - 60_000).toISOString();
    const listed = await rest<{ items: Execution[]; total: number }>(
      'GET',
      `/api/sync/executions/?chart_id=${chartId}&schedule_id=${schedule.id}&status=completed&trigger=immediate&since=${since}`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.value).toMatchObject({ total: 1, items: [{ id: execution.id }] });
    const later = await rest<{ items: Execution[]; total: number }>(
      'GET',
      `/api/sync/executions/?since=${new Date(SYNC_NOW + 60_000).toISOString()}`,
    );
    expect(later.body.value).toEqual({ items: [], total: 0 });

    // A completed run has nothing to cancel or retry.
    expect((await rest('POST', `/api/sync/executions/${execution.id}/cancel/`)).status).toBe(409);
    expect((await rest('POST', `/api/sync/executions/${execution.id}/retry/`)).body).toMatchObject({
      error: { code: 'invalid_state' },
    });
    expect((await rest('GET', '/api/sync/executions/999999/')).status).toBe(404);

    const preview = await rest<{ periods: unknown[]; request_cost: number; listed: boolean }>(
      'POST',
      `/api/sync/schedules/${schedule.id}/backfill/?preview=1`,
    );
    expect(preview.status).toBe(200);
    expect(preview.body.value).toMatchObject({
      periods: expect.any(Array),
      request_cost: expect.any(Number),
    });
    expect(
      (await rest<{ items: Execution[] }>('GET', '/api/sync/executions/')).body.value.items,
    ).toHaveLength(1);

    const backfill = await rest<Execution>('POST', `/api/sync/schedules/${schedule.id}/backfill/`);
    expect(backfill.status).toBe(202);
    expect(backfill.body.value.trigger).toBe('backfill');
    const cancelled = await rest<Execution>('POST', `/api/sync/executions/${backfill.body.value.id}/cancel/`);
    // Cancelled, or already finished if the window was complete: never left running.
    expect(cancelled.status === 200 ? cancelled.body.value.status : cancelled.body.error?.code).toMatch(
      /^(cancelled|invalid_state)$/,
    );
    await test.engine.scheduler.idle();
    expect(
      (await rest<Execution>('GET', `/api/sync/executions/${backfill.body.value.id}/`)).body.value.status,
    ).toMatch(/^(cancelled|completed)$/);
    if (cancelled.status === 200) {
      const retried = await rest<Execution>('POST', `/api/sync/executions/${backfill.body.value.id}/retry/`);
      expect(retried.status).toBe(202);
      expect(retried.body.value).toMatchObject({ trigger: 'backfill' });
    }

    const status = await rest<{ chart: { id: number } }>('GET', `/api/sync/status/${slug}/`);
    expect(status.body.value.chart.id).toBe(chartId);
    expect((await rest('GET', '/api/sync/status/no-such-chart/')).status).toBe(404);
  });
});
