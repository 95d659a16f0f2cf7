import type { LookupAddress } from 'node:dns';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../../electron/engine/db/open-database';
import { upsertCharts } from '../../../electron/engine/db/queries/charts';
import { EventBus } from '../../../electron/engine/events';
import { ScheduleService } from '../../../electron/engine/schedules/schedule-service';
import { attachWebhooks, type Webhooks } from '../../../electron/engine/webhooks';
import { guardedLookup } from '../../../electron/engine/webhooks/address-guard';
import type { DeliveryPolicy } from '../../../electron/engine/webhooks/delivery-dispatcher';
import type { AlertView } from '../../../shared/views/alert';
import type { ExecutionView } from '../../../shared/views/schedule-view';
import type { WebhookDeliveryView } from '../../../shared/views/webhook';
import { SAMPLE_CHARTS, useTempDir } from '../../support/database';
import { signatureVerifies, useReceiver } from '../../support/webhook-receiver';

const SECRET = 'receiver-secret-123';
/** Milliseconds instead of seconds between attempts; the same shape as the real policy. */
const FAST: Partial<DeliveryPolicy> = {
  timeoutMs: 2_000,
  backoff: { baseDelayMs: 1, maxDelayMs: 5, factor: 2 },
};

type Harness = {
  database: AppDatabase;
  events: EventBus;
  webhooks: Webhooks;
  errors: unknown[];
  scheduleId: number;
  chartId: number;
  deliveries(webhookId: number): WebhookDeliveryView[];
  close(): Promise<void>;
};

const opened: Harness[] = [];
afterEach(async () => {
  for (const harness of opened.splice(0)) await harness.close();
});

function open(
  options: { file?: string; now?: () => number; policy?: Partial<DeliveryPolicy> } & Pick<
    Parameters<typeof attachWebhooks>[0],
    'lookup'
  > = {},
): Harness {
  const now = options.now ?? Date.now;
  const database = openDatabase({ file: options.file ?? ':memory:', now });
  upsertCharts(database, SAMPLE_CHARTS);
  const chartId = (
    database.sqlite.prepare("SELECT id FROM charts WHERE slug = 'global-28'").get() as { id: number }
  ).id;
  const schedules = new ScheduleService(database, now);
  const existing = schedules.getByChart(chartId);
  const scheduleId = existing?.id ?? schedules.create({ chartId }).schedule.id;
  const events = new EventBus();
  const errors: unknown[] = [];
  const webhooks = attachWebhooks({
    database,
    events,
    now,
    report: (error) => errors.push(error),
    policy: { ...FAST, ...options.policy },
    ...(options.lookup ? { lookup: options.lookup } : {}),
  });
  let closed = false;
  const harness: Harness = {
    database,
    events,
    webhooks,
    errors,
    scheduleId,
    chartId,
    deliveries: (id) => webhooks.service.deliveries(id, 50),
    close: async () => {
      if (closed) return;
      closed = true;
      await webhooks.close();
      database.close();
    },
  };
  opened.push(harness);
  return harness;
}

function execution(harness: Harness, changes: Partial<ExecutionView>): ExecutionView {
  return {
    id: 41,
    scheduleId: harness.scheduleId,
    chartId: harness.chartId,
    status: 'completed',
    trigger: 'scheduled',
    createdAt: Date.UTC(2026, 0, 2, 6),
    startedAt: Date.UTC(2026, 0, 2, 6),
    completedAt: Date.UTC(2026, 0, 2, 6, 1),
    nextAttemptAt: null,
    errorMessage: null,
    errorCode: null,
    rankingsCreated: 3,
    rankingsUpdated: 1,
    tracksCreated: 120,
    tracksUpdated: 80,
    periodsPlanned: 4,
    periodsSynced: 4,
    periodsFailed: 0,
    failedPeriods: [],
    requestsMade: 0,
    requestsFailed: 0,
    requestFailures: {},
    heartbeatAt: null,
    workerTaskId: null,
    retryCount: 0,
    maxRetries: 3,
    durationMs: 60_000,
    ...changes,
  };
}

describe('webhook delivery to a real receiver', () => {
  const receiver = useReceiver();
  const tempDir = useTempDir();

  it('signs the raw body it sends, with the event headers, and names the schedule, chart and execution', async () => {
    const hook = await receiver();
    const h = open();
    const webhook = h.webhooks.service.create({
      url: hook.url,
      secret: SECRET,
      events: ['execution.completed'],
    });

    // Not final, or not subscribed: nothing is queued for these.
    h.events.emit('execution/updated', execution(h, { status: 'running', completedAt: null }));
    h.events.emit('execution/updated', execution(h, { status: 'pending', retryCount: 1, nextAttemptAt: 1 }));
    h.events.emit('execution/updated', execution(h, { status: 'failed' }));
    h.events.emit('execution/updated', execution(h, {}));

    await expect.poll(() => h.deliveries(webhook.id)[0]?.status).toBe('delivered');
    expect(hook.received).toHaveLength(1);
    const [request] = hook.received;
    expect(signatureVerifies(request!, SECRET)).toBe(true);
    expect(signatureVerifies(request!, 'another secret')).toBe(false);
    expect(request!.headers).toMatchObject({
      'content-type': 'application/json',
      'x-chart-sync-event': 'execution.completed',
    });
    expect(request!.json).toEqual({
      event: 'execution.completed',
      delivered_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      data: {
        schedule: expect.objectContaining({ id: h.scheduleId, is_active: true, sync_frequency: 'daily' }),
        chart: { id: h.chartId, slug: 'global-28', name: 'Top Songs', platform: 'spotify', country_code: '' },
        execution: expect.objectContaining({
          id: 41,
          status: 'completed',
          trigger: 'scheduled',
          completed_at: '2026-01-02T06:01:00.000Z',
          counts: {
            periods_planned: 4,
            periods_synced: 4,
            periods_failed: 0,
            rankings_created: 3,
            rankings_updated: 1,
            tracks_created: 120,
            tracks_updated: 80,
          },
          error: null,
        }),
      },
    });
    // The body sent is the body stored, byte for byte.
    const stored = h.database.sqlite.prepare('SELECT body FROM webhook_deliveries').get() as { body: string };
    expect(request!.raw.toString('utf8')).toBe(stored.body);
    expect(h.deliveries(webhook.id)[0]).toMatchObject({
      event: 'execution.completed',
      attempts: 1,
      lastStatusCode: 200,
      log: [{ attempt: 1, statusCode: 200, error: null, durationMs: expect.any(Number) }],
    });
    expect(h.errors).toEqual([]);
  });

  it('sends execution.failed with the error, schedule.overdue and alert.<kind> to the webhooks subscribed to them', async () => {
    const hook = await receiver();
    const h = open();
    h.webhooks.service.create({
      url: hook.url,
      secret: SECRET,
      events: ['execution.failed', 'schedule.overdue', 'alert.sync_failed'],
    });
    h.events.emit(
      'execution/updated',
      execution(h, {
        status: 'failed',
        errorCode: 'server',
        errorMessage: 'Soundcharts answered 503.',
        periodsFailed: 2,
        failedPeriods: ['2026-01-01', '2026-01-02'],
      }),
    );
    h.events.emit('schedule/overdue', { scheduleId: h.scheduleId, chartId: h.chartId });
    const alert: AlertView = {
      id: 7,
      kind: 'sync_failed',
      severity: 'error',
      scheduleId: h.scheduleId,
      executionId: null,
      chart: { id: h.chartId, slug: 'global-28', name: 'Top Songs' },
      message: 'The sync of Top Songs failed.',
      count: 1,
      createdAt: Date.UTC(2026, 0, 2),
      lastSeenAt: Date.UTC(2026, 0, 2),
      readAt: null,
      resolvedAt: null,
    };
    h.events.emit('alert/raised', alert);
    h.events.emit('alert/raised', { ...alert, id: 8, kind: 'quota_low' });

    await expect.poll(() => hook.received.length).toBe(3);
    const byEvent = Object.fromEntries(hook.received.map((r) => [r.headers['x-chart-sync-event'], r.json]));
    expect(Object.keys(byEvent).sort()).toEqual([
      'alert.sync_failed',
      'execution.failed',
      'schedule.overdue',
    ]);
    expect(byEvent['execution.failed']).toMatchObject({
      data: {
        execution: {
          status: 'failed',
          failed_periods: ['2026-01-01', '2026-01-02'],
          error: { code: 'server', message: 'Soundcharts answered 503.' },
        },
      },
    });
    expect(byEvent['schedule.overdue']).toMatchObject({
      data: { schedule: { id: h.scheduleId }, chart: { slug: 'global-28' }, execution: null },
    });
    expect(byEvent['alert.sync_failed']).toMatchObject({
      data: {
        alert: { id: 7, kind: 'sync_failed', severity: 'error', message: 'The sync of Top Songs failed.' },
        chart: { slug: 'global-28', name: 'Top Songs' },
        schedule: { id: h.scheduleId },
      },
    });
    expect(hook.received.every((r) => signatureVerifies(r, SECRET))).toBe(true);
  });

  it('retries a 500 and logs both attempts when the 200 comes', async () => {
    const hook = await receiver((n) => (n === 1 ? 500 : 200));
    const h = open();
    const webhook = h.webhooks.service.create({
      url: hook.url,
      secret: SECRET,
      events: ['execution.completed'],
    });
    const changed: number[][] = [];
    h.events.on('webhooks/deliveries-changed', ({ webhookIds }) => changed.push(webhookIds));
    h.events.emit('execution/updated', execution(h, {}));

    await expect.poll(() => h.deliveries(webhook.id)[0]?.status).toBe('delivered');
    const [delivery] = h.deliveries(webhook.id);
    expect(delivery).toMatchObject({ attempts: 2, lastStatusCode: 200, lastError: null });
    expect(delivery!.log).toEqual([
      expect.objectContaining({ attempt: 1, statusCode: 500, error: 'HTTP 500: refused with 500' }),
      expect.objectContaining({ attempt: 2, statusCode: 200, error: null }),
    ]);
    // Queued, then each attempt: the screens showing this webhook's log fetch it again each time.
    expect(changed).toEqual([[webhook.id], [webhook.id], [webhook.id]]);
    // Every attempt sends the same signed bytes.
    expect(hook.received[1]!.raw.equals(hook.received[0]!.raw)).toBe(true);
    expect(hook.received[1]!.headers['x-chart-sync-signature']).toBe(
      hook.received[0]!.headers['x-chart-sync-signature'],
    );
  });

  it('stops after five failed attempts in all, each one logged', async () => {
    const hook = await receiver(() => 503);
    const h = open();
    const webhook = h.webhooks.service.create({
      url: hook.url,
      secret: SECRET,
      events: ['execution.completed'],
    });
    h.events.emit('execution/updated', execution(h, {}));

    await expect.poll(() => h.deliveries(webhook.id)[0]?.status).toBe('failed');
    const [delivery] = h.deliveries(webhook.id);
    expect(delivery).toMatchObject({ attempts: 5, lastStatusCode: 503, nextAttemptAt: null });
    expect(delivery!.log.map((a) => [a.attempt, a.statusCode])).toEqual([
      [1, 503],
      [2, 503],
      [3, 503],
      [4, 503],
      [5, 503],
    ]);
    expect(hook.received).toHaveLength(5);
  });

  it('logs a receiver that does not answer in time as a timeout', async () => {
    const hook = await receiver(() => 'hang');
    const h = open({ policy: { timeoutMs: 150, maxAttempts: 1 } });
    const webhook = h.webhooks.service.create({
      url: hook.url,
      secret: SECRET,
      events: ['execution.completed'],
    });
    h.events.emit('execution/updated', execution(h, {}));

    await expect.poll(() => h.deliveries(webhook.id)[0]?.status).toBe('failed');
    expect(h.deliveries(webhook.id)[0]!.log).toEqual([
      expect.objectContaining({
        attempt: 1,
        statusCode: null,
        error: 'No answer within 0.15 s (timed out).',
      }),
    ]);
  });

  it('does not follow a redirect: the receiver is asked once and the log says to give the final URL', async () => {
    const hook = await receiver((_n, response) => {
      response.writeHead(302, { location: 'http://8.8.8.8/' });
      return 302;
    });
    const h = open({ policy: { maxAttempts: 1 } });
    const webhook = h.webhooks.service.create({
      url: hook.url,
      secret: SECRET,
      events: ['execution.completed'],
    });
    h.events.emit('execution/updated', execution(h, {}));

    await expect.poll(() => h.deliveries(webhook.id)[0]?.status).toBe('failed');
    expect(h.deliveries(webhook.id)[0]!.lastError).toBe(
      'HTTP 302: redirected to http://8.8.8.8/; redirects are not followed, so give the final URL.',
    );
    expect(hook.received).toHaveLength(1);
  });

  it('resumes a pending delivery after a restart, with the secret still readable', async () => {
    const hook = await receiver(() => 503);
    const file = join(tempDir(), 'chart-sync.sqlite');
    const first = open({ file, policy: { backoff: { baseDelayMs: 60_000, maxDelayMs: 60_000, factor: 2 } } });
    const webhook = first.webhooks.service.create({
      url: hook.url,
      secret: SECRET,
      events: ['execution.completed'],
    });
    first.events.emit('execution/updated', execution(first, {}));
    await expect.poll(() => first.deliveries(webhook.id)[0]?.attempts).toBe(1);
    expect(first.deliveries(webhook.id)[0]).toMatchObject({ status: 'pending', lastStatusCode: 503 });
    await first.close();

    hook.respond = () => 200;
    // The next process starts after the retry's time has come.
    const second = open({ file, now: () => Date.now() + 120_000 });
    second.webhooks.start();
    await expect.poll(() => second.deliveries(webhook.id)[0]?.status).toBe('delivered');
    expect(second.deliveries(webhook.id)[0]!.log.map((a) => a.statusCode)).toEqual([503, 200]);
    expect(signatureVerifies(hook.received[1]!, SECRET)).toBe(true);
  });

  it('never stores or shows the secret in clear', async () => {
    const hook = await receiver();
    const h = open();
    const webhook = h.webhooks.service.create({
      url: hook.url,
      secret: SECRET,
      events: ['execution.completed'],
    });
    const stored = h.database.sqlite.prepare('SELECT * FROM webhooks').all();
    expect(JSON.stringify(stored)).not.toContain(SECRET);
    expect(JSON.stringify(h.webhooks.service.list())).not.toContain(SECRET);
    expect(webhook).not.toHaveProperty('secret');
  });

  it('removing a webhook keeps its log and sends nothing more that was waiting', async () => {
    const hook = await receiver(() => 500);
    const h = open({ policy: { backoff: { baseDelayMs: 60_000, maxDelayMs: 60_000, factor: 2 } } });
    const webhook = h.webhooks.service.create({
      url: hook.url,
      secret: SECRET,
      events: ['execution.completed'],
    });
    h.events.emit('execution/updated', execution(h, {}));
    await expect.poll(() => h.deliveries(webhook.id)[0]?.attempts).toBe(1);
    h.webhooks.service.remove(webhook.id);
    expect(() => h.webhooks.service.deliveries(webhook.id, 10)).toThrow(/Webhook \d+ does not exist/);
    expect(
      h.database.sqlite
        .prepare('SELECT status, last_error AS error, webhook_id AS webhookId FROM webhook_deliveries')
        .all(),
    ).toEqual([
      { status: 'failed', error: 'The webhook was removed before this was delivered.', webhookId: null },
    ]);
    expect(h.database.sqlite.prepare('SELECT COUNT(*) AS n FROM webhook_delivery_attempts').get()).toEqual({
      n: 1,
    });
  });

  it('a one-shot host waits for the deliveries it queued, then closes', async () => {
    const hook = await receiver();
    const h = open();
    const webhook = h.webhooks.service.create({
      url: hook.url,
      secret: SECRET,
      events: ['execution.completed'],
    });
    h.events.emit('execution/updated', execution(h, {}));
    await h.webhooks.settle(10_000);
    expect(h.deliveries(webhook.id)[0]?.status).toBe('delivered');
  });

  it('leaves a delivery whose retry comes after the wait queued for the next host', async () => {
    const hook = await receiver(() => 500);
    const h = open({ policy: { backoff: { baseDelayMs: 600_000, maxDelayMs: 600_000, factor: 2 } } });
    const webhook = h.webhooks.service.create({
      url: hook.url,
      secret: SECRET,
      events: ['execution.completed'],
    });
    h.events.emit('execution/updated', execution(h, {}));
    await h.webhooks.settle(10_000);
    expect(h.deliveries(webhook.id)[0]).toMatchObject({ status: 'pending', attempts: 1 });
  });
});

describe('host names are resolved at each delivery', () => {
  const receiver = useReceiver();
  const resolvingTo =
    (...addresses: string[]) =>
    (_host: string, _options: unknown, callback: (error: null, addresses: LookupAddress[]) => void) =>
      callback(
        null,
        addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
      );

  it('sends when every address of the name is loopback or LAN, connecting to the checked address', async () => {
    const hook = await receiver();
    const h = open({ lookup: guardedLookup(resolvingTo('127.0.0.1')) });
    const webhook = h.webhooks.service.create({
      url: `http://receiver.test:${hook.port}/hook`,
      secret: SECRET,
      events: ['execution.completed'],
    });
    h.events.emit('execution/updated', execution(h, {}));
    await expect.poll(() => h.deliveries(webhook.id)[0]?.status).toBe('delivered');
    expect(hook.received[0]!.headers.host).toBe(`receiver.test:${hook.port}`);
  });

  it('refuses a name that resolves to any address outside them (no DNS-rebinding escape)', async () => {
    const hook = await receiver();
    const h = open({
      lookup: guardedLookup(resolvingTo('127.0.0.1', '203.0.113.9')),
      policy: { maxAttempts: 1 },
    });
    const webhook = h.webhooks.service.create({
      url: `http://receiver.test:${hook.port}/hook`,
      secret: SECRET,
      events: ['execution.completed'],
    });
    h.events.emit('execution/updated', execution(h, {}));
    await expect.poll(() => h.deliveries(webhook.id)[0]?.status).toBe('failed');
    expect(h.deliveries(webhook.id)[0]!.lastError).toMatch(
      /^receiver\.test resolves to 203\.0\.113\.9, which is not a loopback or LAN address .*: not sent\.$/,
    );
    expect(hook.received).toHaveLength(0);
  });
});
