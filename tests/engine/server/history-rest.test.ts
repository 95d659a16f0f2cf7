import { beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../electron/engine/server';
import type { AuditEntryView } from '../../../shared/views/audit-entry';
import { type TestEngine } from '../../support/sync-engine';
import { http, openSocket, socketUrl } from './support';
import { useRealHost } from './real-host';

type Ok<T> = { ok: true; value: T };
type Snake = Record<string, unknown>;

/** The audit log and retention over REST and the WebSocket, on the real engine. */
describe('audit and retention on the headless host', () => {
  const host = useRealHost();
  let test: TestEngine;
  let server: RunningServer;
  beforeEach(() => ({ test, server } = host));

  const rest = (method: string, path: string, body?: unknown) =>
    http(server.port, method, path, {
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const audit = async (query: string) => {
    const answer = await rest('GET', `/api/audit/${query}`);
    expect(answer.status).toBe(200);
    return (answer.json() as Ok<{ items: Snake[]; total: number }>).value;
  };

  it('records who acted: rest for the API, ui for the page’s socket, scheduler for the sync it ran', async () => {
    const chartId = test.chartId({ slug: 'global-28' });
    const created = await rest('POST', '/api/sync/schedules/', {
      chart_id: chartId,
      history_window_days: 3,
      fetch_track_metadata: false,
    });
    const scheduleId = (created.json() as Ok<{ schedule: { id: number } }>).value.schedule.id;

    const client = await openSocket(socketUrl(server));
    client.send({
      type: 'call',
      id: 1,
      name: 'schedules/update',
      input: { id: scheduleId, changes: { historyWindowDays: 5 } },
    });
    expect(await client.result(1)).toMatchObject({ result: { ok: true } });

    const completed = new Promise<void>((resolve) => {
      const off = test.engine.events.on('execution/updated', (execution) => {
        if (execution.status !== 'completed') return;
        off();
        resolve();
      });
    });
    expect((await rest('POST', '/api/sync/trigger/', { chart_id: chartId })).status).toBe(202);
    await completed;
    client.ws.close();

    const page = await audit(`?chart_id=${chartId}`);
    expect(page.items.map((e) => [e.action, e.actor])).toEqual([
      ['execution.completed', 'scheduler'],
      ['execution.started', 'scheduler'],
      ['schedule.updated', 'ui'],
      ['schedule.created', 'rest'],
    ]);
    expect(page.items[2]!.detail).toEqual({ changes: { history_window_days: { from: 3, to: 5 } } });
  });

  it('filters by action, chart and dates, pages, and refuses what it does not know', async () => {
    const chartId = test.chartId({ slug: 'global-28' });
    await rest('POST', '/api/sync/schedules/', { chart_id: chartId, is_active: false });
    const { id: scheduleId } = test.engine.schedules.getByChart(chartId)!;
    await rest('PUT', `/api/sync/schedules/${scheduleId}/`, { history_window_days: 30 });
    await rest('DELETE', `/api/sync/schedules/${scheduleId}/`);

    expect((await audit(`?action=schedule.deleted&schedule_id=${scheduleId}`)).items).toHaveLength(1);
    const first = await audit(`?chart_id=${chartId}&limit=2`);
    expect(first.total).toBe(3);
    expect(first.items.map((e) => e.action)).toEqual(['schedule.deleted', 'schedule.updated']);
    const second = await audit(`?chart_id=${chartId}&limit=2&offset=2`);
    expect(second.items.map((e) => e.action)).toEqual(['schedule.created']);
    expect((await audit('?since=2999-01-01')).items).toEqual([]);
    expect((await audit('?until=1999-12-31')).items).toEqual([]);

    const unknown = await rest('GET', '/api/audit/?actor=ui');
    expect(unknown.status).toBe(400);
    expect(unknown.json()).toMatchObject({
      error: { code: 'invalid_input', fields: { actor: expect.any(String) } },
    });
    const badAction = await rest('GET', '/api/audit/?action=everything');
    expect(badAction.status).toBe(400);
    expect(JSON.stringify(badAction.json())).toMatch(/Unknown action \\"everything\\"/);
    const badDate = await rest('GET', '/api/audit/?since=yesterday');
    expect(badDate.status).toBe(400);
    expect(badDate.json()).toMatchObject({
      error: { fields: { since: expect.stringMatching(/ISO 8601 time with its offset .* or a date/) } },
    });
  });

  it('prunes by hand, with a dry run first; refuses unknown fields', async () => {
    test.engine.database.sqlite
      .prepare("INSERT INTO audit_log (at, action, result) VALUES (1000, 'schedule.updated', 'ok')")
      .run();
    const dry = await rest('POST', '/api/retention/prune/', { dry_run: true });
    expect(dry.status).toBe(200);
    expect(dry.json()).toMatchObject({
      value: { dry_run: true, retention_days: 365, counts: { audit_entries: 1, executions: 0 } },
    });
    const real = await rest('POST', '/api/retention/prune/', {});
    expect(real.json()).toMatchObject({ value: { dry_run: false, counts: { audit_entries: 1 } } });
    const entry = (await audit('?action=retention.pruned')).items[0] as Partial<AuditEntryView>;
    expect(entry).toMatchObject({ actor: 'rest', trigger: 'operator' });
    const bad = await rest('POST', '/api/retention/prune/', { dryRun: true });
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ error: { fields: { dryRun: 'Unknown field.' } } });
  });

  it('refuses to delete a schedule whose sync runs, with a 409 that says what to do', async () => {
    const chartId = test.chartId({ slug: 'global-28' });
    await rest('POST', '/api/sync/schedules/', { chart_id: chartId });
    const { id } = test.engine.schedules.getByChart(chartId)!;
    const execution = test.engine.executions.start(id, 'manual');
    test.engine.executions.markRunning(execution.id);
    const refused = await rest('DELETE', `/api/sync/schedules/${id}/`);
    expect(refused.status).toBe(409);
    expect(refused.json()).toMatchObject({
      error: { code: 'execution_active', message: expect.stringMatching(/is running; cancel it or wait/) },
    });
  });
});
