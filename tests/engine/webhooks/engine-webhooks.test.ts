import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../electron/engine/server';
import { useApi } from '../api/setup';
import { http, makeRendererDir } from '../server/support';
import { signatureVerifies, useReceiver } from '../../support/webhook-receiver';

const SECRET = 'engine-secret-456';

describe('webhooks on the real engine', () => {
  const api = useApi();
  const receiver = useReceiver();

  it('delivers a sync outcome within moments of the event, not at the scheduler tick', async () => {
    const hook = await receiver();
    const h = await api();
    const webhook = await h.ok('webhooks/create', {
      url: hook.url,
      secret: SECRET,
      events: ['execution.completed', 'execution.failed'],
    });
    const chartId = h.chartId({ slug: 'global-28' });
    h.engine.schedules.create({ chartId, historyWindowDays: 3, fetchTrackMetadata: false });
    const execution = await h.engine.syncChart(chartId);
    expect(execution.status).toBe('completed');

    // The scheduler's tick is 5 minutes: a delivery that arrives now was woken by the event.
    await expect.poll(() => hook.received.length).toBe(1);
    const [request] = hook.received;
    expect(signatureVerifies(request!, SECRET)).toBe(true);
    expect(request!.json).toMatchObject({
      event: 'execution.completed',
      data: {
        chart: { id: chartId, slug: 'global-28' },
        execution: {
          id: execution.id,
          status: 'completed',
          counts: { periods_synced: execution.periodsSynced },
        },
      },
    });
    await expect
      .poll(async () => (await h.ok('webhooks/deliveries', { id: webhook.id }))[0]?.status)
      .toBe('delivered');
  });

  it('sends execution.failed only when the failure is final, never for a run that will retry', async () => {
    const hook = await receiver();
    const h = await api();
    await h.ok('webhooks/create', { url: hook.url, secret: SECRET, events: ['execution.failed'] });
    const chartId = h.chartId({ slug: 'global-28' });
    h.engine.schedules.create({ chartId, historyWindowDays: 3, fetchTrackMetadata: false });

    h.emulator.faults.configure({ serverError: { probability: 1, match: '/ranking/' } });
    const retrying = await h.engine.syncChart(chartId);
    expect(retrying).toMatchObject({ status: 'pending', retryCount: 1 });
    const queued = () => h.engine.database.sqlite.prepare('SELECT event FROM webhook_deliveries').all();
    expect(queued()).toEqual([]);

    // Refused credentials are not retried: that failure is final.
    h.engine.executions.cancel(retrying.id);
    h.emulator.faults.configure({ serverError: null, unauthorized: { probability: 1 } });
    const failed = await h.engine.syncChart(chartId);
    expect(failed.status).toBe('failed');
    await expect
      .poll(() => hook.received.map((r) => r.headers['x-chart-sync-event']))
      .toEqual(['execution.failed']);
    expect(hook.received[0]!.json).toMatchObject({
      data: { execution: { id: failed.id, status: 'failed', error: { code: failed.errorCode } } },
    });
  });

  it('refuses bad input with the field named, through the same dispatch every surface uses', async () => {
    const h = await api();
    expect(
      await h.fail('webhooks/create', { url: 'http://1.1.1.1/', secret: 'short', events: ['nope'] }),
    ).toEqual({
      code: 'invalid_input',
      message: expect.stringContaining('url: 1.1.1.1 is not a loopback or LAN address'),
      fields: {
        url: expect.stringMatching(/^1\.1\.1\.1 is not a loopback or LAN address/),
        secret: 'The secret must be at least 8 characters long.',
        events: expect.stringMatching(/^Unknown event "nope"; the events are /),
      },
    });
    expect(await h.fail('webhooks/delete', { id: 99 })).toMatchObject({ code: 'not_found' });
    expect(await h.fail('webhooks/deliveries', { id: 99 })).toMatchObject({ code: 'not_found' });
  });
});

describe('REST /api/webhooks/ on the real engine', () => {
  const api = useApi();
  const receiver = useReceiver();
  let server: RunningServer | null = null;
  let renderer: ReturnType<typeof makeRendererDir> | null = null;
  afterEach(async () => {
    await server?.close();
    renderer?.cleanup();
    server = null;
  });

  async function rest() {
    const h = await api();
    renderer = makeRendererDir();
    server = await startServer({ engine: h.engine, port: 0, rendererDir: renderer.rendererDir });
    const running = server;
    return (method: string, path: string, body?: unknown) =>
      http(running.port, method, path, {
        headers: { Authorization: `Bearer ${running.token}`, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
  }

  it('creates (201), lists without the secret, tests, shows the delivery log and deletes (204)', async () => {
    const hook = await receiver();
    const send = await rest();
    const created = await send('POST', '/api/webhooks/', {
      url: hook.url,
      secret: SECRET,
      events: ['execution.failed', 'alert.quota_low'],
    });
    expect(created.status).toBe(201);
    const { value } = created.json() as { value: { id: number; created_by: string } };
    expect(value).toMatchObject({
      url: hook.url,
      events: ['execution.failed', 'alert.quota_low'],
      is_active: true,
      created_by: 'rest',
      deliveries: { pending: 0, delivered: 0, failed: 0 },
    });
    expect(created.text).not.toContain(SECRET);
    // Times as every REST answer gives them: ISO 8601 with the offset.
    expect((value as unknown as { created_at: string }).created_at).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+[+-]\d\d:\d\d$/,
    );

    const listed = await send('GET', '/api/webhooks');
    expect(listed.status).toBe(200);
    expect(listed.json()).toMatchObject({ ok: true, value: [{ id: value.id, url: hook.url }] });
    expect(listed.text).not.toContain(SECRET);

    const tested = await send('POST', `/api/webhooks/${value.id}/test/`);
    expect(tested.status).toBe(202);
    await expect.poll(() => hook.received.length).toBe(1);
    expect(hook.received[0]!.headers['x-chart-sync-event']).toBe('webhook.test');
    expect(signatureVerifies(hook.received[0]!, SECRET)).toBe(true);

    await expect
      .poll(
        async () =>
          (
            (await send('GET', `/api/webhooks/${value.id}/deliveries/`)).json() as {
              value: { status: string }[];
            }
          ).value[0]?.status,
      )
      .toBe('delivered');
    const log = (await send('GET', `/api/webhooks/${value.id}/deliveries/`)).json();
    expect(log).toMatchObject({
      ok: true,
      value: [
        {
          event: 'webhook.test',
          attempts: 1,
          last_status_code: 200,
          log: [{ attempt: 1, status_code: 200, error: null }],
        },
      ],
    });

    const deleted = await send('DELETE', `/api/webhooks/${value.id}/`);
    expect(deleted.status).toBe(204);
    expect((await send('DELETE', `/api/webhooks/${value.id}/`)).status).toBe(404);
    expect((await send('GET', `/api/webhooks/${value.id}/deliveries/`)).status).toBe(404);
  });

  it('refuses bad bodies with 400, naming each field as sent', async () => {
    const send = await rest();
    const bad = await send('POST', '/api/webhooks/', { url: 'ftp://127.0.0.1/', secret: 'x', events: [] });
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        fields: {
          url: 'Only http:// and https:// URLs can receive webhooks, not ftp://.',
          secret: 'The secret must be at least 8 characters long.',
          events: 'Choose at least one event.',
        },
      },
    });
    const unknown = await send('POST', '/api/webhooks/', {
      url: 'http://127.0.0.1/',
      secret: SECRET,
      events: ['execution.failed'],
      created_by: 'me',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { fields: { created_by: 'Unknown field.' } } });
    expect((await send('DELETE', '/api/webhooks/abc/')).status).toBe(400);
    expect((await send('PUT', '/api/webhooks/1/')).status).toBe(405);
  });
});
