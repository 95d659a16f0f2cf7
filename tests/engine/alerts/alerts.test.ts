import { describe, expect, it } from 'vitest';
import { isFinalStatus } from '../../../shared/domain/execution';
import { DAY_MS, MINUTE_MS, RETRY_POLICY } from '../../../shared/domain/policies';
import type { AlertView } from '../../../shared/views/alert';
import type { ExecutionView } from '../../../shared/views/schedule-view';
import { useApi, type ApiHarness } from '../api/setup';

const setup = useApi();

/** Runs a sync of the chart to its final status, letting the fake clock pass each retry's backoff. */
async function syncToEnd(api: ApiHarness, chartId: number): Promise<ExecutionView> {
  const { engine, clock } = api;
  let execution = await engine.syncChart(chartId);
  while (!isFinalStatus(execution.status)) {
    clock.advance(RETRY_POLICY.maxDelayMs);
    await engine.scheduler.idle();
    execution = engine.executions.get(execution.id);
  }
  return execution;
}

async function globalChart(api: ApiHarness): Promise<number> {
  const id = api.chartId({ slug: 'global-28' });
  api.engine.schedules.create({ chartId: id, historyWindowDays: 3, fetchTrackMetadata: false });
  return id;
}

const raised = (api: ApiHarness): AlertView[] =>
  api.events.flatMap((e) => (e.name === 'alert/raised' ? [e.payload] : []));
const all = (api: ApiHarness) => api.ok('alerts/list', {}).then((page) => page.alerts);

describe('alerts from executions (against the emulator)', () => {
  it('a sync that fails after its retries raises one sync_failed; a repeat folds; a success recovers', async () => {
    const api = await setup();
    const chartId = await globalChart(api);
    api.emulator.faults.configure({ serverError: { probability: 1, match: '/ranking/' } });

    const failed = await syncToEnd(api, chartId);
    expect(failed).toMatchObject({ status: 'failed', retryCount: RETRY_POLICY.maxRetries });
    expect(raised(api).map((a) => a.kind)).toEqual(['sync_failed']);
    let [alert] = await all(api);
    expect(alert).toMatchObject({
      kind: 'sync_failed',
      severity: 'error',
      count: 1,
      executionId: failed.id,
      chart: { id: chartId, slug: 'global-28' },
      readAt: null,
      resolvedAt: null,
    });
    expect(alert!.message).toMatch(/failed after 3 retries/);
    expect(await api.ok('alerts/unread-count', {})).toEqual({ unread: 1 });

    const again = await syncToEnd(api, chartId);
    expect(again.status).toBe('failed');
    expect(raised(api)).toHaveLength(1);
    [alert] = await all(api);
    expect(alert).toMatchObject({ kind: 'sync_failed', count: 2, executionId: again.id });

    api.emulator.faults.reset();
    const ok = await syncToEnd(api, chartId);
    expect(ok.status).toBe('completed');
    expect(raised(api).map((a) => a.kind)).toEqual(['sync_failed', 'sync_recovered']);
    const list = await all(api);
    expect(list.map((a) => [a.kind, a.resolvedAt !== null])).toEqual([
      ['sync_recovered', true],
      ['sync_failed', true],
    ]);
    expect(list[0]).toMatchObject({ severity: 'info', executionId: ok.id });

    // The same ending heard twice (a second listener, a replayed event) changes nothing.
    api.engine.alerts.executionEnded(again);
    api.engine.alerts.executionEnded(ok);
    expect(await all(api)).toEqual(list);
    expect(api.events.filter((e) => e.name === 'alerts/changed').at(-1)?.payload).toEqual({ unread: 2 });
  });

  it('a failure after a resolved one opens a new alert rather than reopening the old', async () => {
    const api = await setup();
    const chartId = await globalChart(api);
    api.emulator.faults.configure({ serverError: { probability: 1, match: '/ranking/' } });
    await syncToEnd(api, chartId);
    api.emulator.faults.reset();
    await syncToEnd(api, chartId);
    api.emulator.faults.configure({ serverError: { probability: 1, match: '/ranking/' } });
    api.engine.database.sqlite.prepare(`DELETE FROM chart_rankings`).run();
    await syncToEnd(api, chartId);
    const failures = (await all(api)).filter((a) => a.kind === 'sync_failed');
    expect(failures.map((a) => [a.count, a.resolvedAt === null])).toEqual([
      [1, true],
      [1, false],
    ]);
  });

  it('raises credentials_rejected when Soundcharts answers 401, and resolves it on the next success', async () => {
    const api = await setup();
    const chartId = await globalChart(api);
    api.emulator.faults.configure({ unauthorized: { probability: 1 } });
    const failed = await syncToEnd(api, chartId);
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'auth', retryCount: 0 });
    const kinds = (await all(api)).map((a) => a.kind).sort();
    expect(kinds).toEqual(['credentials_rejected', 'sync_failed']);

    api.emulator.faults.reset();
    api.engine.schedules.update(api.engine.schedules.getByChart(chartId)!.id, {});
    api.engine.database.sqlite.prepare(`UPDATE chart_sync_schedules SET attention_reason = NULL`).run();
    await syncToEnd(api, chartId);
    const credentials = (await all(api)).find((a) => a.kind === 'credentials_rejected')!;
    expect(credentials.resolvedAt).not.toBeNull();
  });

  it('raises quota_low below the threshold and quota_exhausted when the quota is spent', async () => {
    const api = await setup();
    const chartId = await globalChart(api);
    api.emulator.quota.setRemaining(600);
    await syncToEnd(api, chartId);
    expect(raised(api).map((a) => a.kind)).toEqual(['quota_low']);
    expect((await all(api))[0]!.message).toMatch(/quota is low: \d+ requests remaining/);

    api.emulator.faults.configure({ quotaExhausted: { next: 1, match: '/ranking/' } });
    api.engine.database.sqlite.prepare(`DELETE FROM chart_rankings`).run();
    const spent = await syncToEnd(api, chartId);
    expect(spent).toMatchObject({ status: 'failed', errorCode: 'quota_exhausted' });
    expect(raised(api).map((a) => a.kind)).toEqual(['quota_low', 'sync_failed', 'quota_exhausted']);
    // Said by the failed execution and by the quota Soundcharts reported: one condition, seen once.
    expect((await all(api)).find((a) => a.kind === 'quota_exhausted')).toMatchObject({ count: 1 });

    // The plan renewed: the next tick sees it and resolves both.
    // (The client stamps observations with the real clock, not the test's.)
    api.engine.quota.observe(500_000, Date.now() + DAY_MS);
    api.engine.alerts.tick();
    const quota = (await all(api)).filter((a) => a.kind.startsWith('quota_'));
    expect(quota.every((a) => a.resolvedAt !== null)).toBe(true);
  });

  it('does not raise a quota alert before the quota is known, nor above the threshold', async () => {
    const api = await setup();
    api.engine.alerts.tick();
    expect(await all(api)).toEqual([]);
    const chartId = await globalChart(api);
    await syncToEnd(api, chartId);
    expect(await all(api)).toEqual([]);
  });

  it('the quota-low threshold is a setting', async () => {
    const api = await setup();
    await api.ok('settings/update', { quotaLowRequests: 2_000_000 });
    const chartId = await globalChart(api);
    await syncToEnd(api, chartId);
    expect(raised(api).map((a) => a.kind)).toEqual(['quota_low']);
  });

  it('uses the percentage of the plan once team usage told its size', async () => {
    const api = await setup();
    await api.ok('settings/update', { quotaLowRequests: 0 });
    // 50,000 left: below 10 % of the emulator's plan of about a million, but its size is not known yet.
    // (The client stamps observations with the real clock, not the test's.)
    api.engine.quota.observe(50_000, Date.now() + DAY_MS);
    api.engine.alerts.tick();
    expect(raised(api).map((a) => a.kind)).toEqual([]);
    expect(await api.engine.usage.refreshPlan()).toBeGreaterThan(500_000);
    api.engine.alerts.tick();
    expect(raised(api).map((a) => a.kind)).toEqual(['quota_low']);
  });

  it('raises performance_degraded for a run slower than 3× its chart’s median (fake clock)', async () => {
    const api = await setup();
    const chartId = await globalChart(api);
    const scheduleId = api.engine.schedules.getByChart(chartId)!.id;
    const insert = api.engine.database.sqlite.prepare(
      `INSERT INTO chart_sync_executions (schedule_id, chart_id, status, trigger, started_at, completed_at, created_at, updated_at)
       VALUES (?, ?, 'completed', 'scheduled', ?, ?, ?, ?)`,
    );
    const start = api.clock.now() - 10 * DAY_MS;
    for (let i = 0; i < 5; i += 1) {
      const at = start + i * DAY_MS;
      insert.run(scheduleId, chartId, at, at + MINUTE_MS, at, at + MINUTE_MS);
    }
    // Time passes while the sync runs: it takes 10 minutes by the engine's clock.
    const off = api.engine.events.on('execution/updated', (e) => {
      if (e.status === 'running') api.clock.advance(10 * MINUTE_MS);
    });
    const slow = await syncToEnd(api, chartId);
    off();
    expect(slow).toMatchObject({ status: 'completed', durationMs: 10 * MINUTE_MS });
    const [alert] = await all(api);
    expect(alert).toMatchObject({ kind: 'performance_degraded', severity: 'warning', executionId: slow.id });
    expect(alert!.message).toMatch(
      /took 10 minutes, more than 3× its usual 1 minute \(median of the last 5\)/,
    );

    // A run at the usual pace ends the condition.
    api.engine.database.sqlite.prepare(`DELETE FROM chart_rankings`).run();
    await syncToEnd(api, chartId);
    expect((await all(api))[0]!.resolvedAt).not.toBeNull();
  });

  it('records nothing of a kind turned off, and the rest as usual', async () => {
    const api = await setup();
    await api.ok('settings/update', { disabledAlertKinds: ['sync_failed'] });
    const chartId = await globalChart(api);
    api.emulator.faults.configure({ unauthorized: { probability: 1 } });
    await syncToEnd(api, chartId);
    expect((await all(api)).map((a) => a.kind)).toEqual(['credentials_rejected']);
    expect(raised(api).map((a) => a.kind)).toEqual(['credentials_rejected']);
  });
});

describe('alerts from the scheduler tick', () => {
  it('raises schedule_overdue when health turns overdue, once per stretch, and resolves it', async () => {
    const api = await setup();
    const chartId = await globalChart(api);
    const scheduleId = api.engine.schedules.getByChart(chartId)!.id;
    api.engine.alerts.tick();
    expect(await all(api)).toEqual([]);

    api.clock.advance(3 * DAY_MS);
    api.engine.alerts.tick();
    api.engine.alerts.tick();
    const overdue = api.events.filter((e) => e.name === 'schedule/overdue').map((e) => e.payload);
    expect(overdue).toEqual([{ scheduleId, chartId }]);
    const [alert] = await all(api);
    expect(alert).toMatchObject({ kind: 'schedule_overdue', severity: 'warning', count: 1, scheduleId });
    expect(alert!.message).toMatch(/is overdue: No successful sync since it was created 3 days ago/);

    api.engine.schedules.setActive(scheduleId, false);
    api.engine.alerts.tick();
    expect((await all(api))[0]!.resolvedAt).not.toBeNull();
  });

  it('emits schedule/overdue once per stretch even with the alert kind turned off', async () => {
    const api = await setup();
    await api.ok('settings/update', { disabledAlertKinds: ['schedule_overdue'] });
    const chartId = await globalChart(api);
    api.clock.advance(3 * DAY_MS);
    api.engine.alerts.tick();
    api.engine.alerts.tick();
    expect(api.events.filter((e) => e.name === 'schedule/overdue')).toHaveLength(1);
    expect(await all(api)).toEqual([]);
    expect(chartId).toBeGreaterThan(0);
  });

  it('the scheduler runs the tick rules when it starts', async () => {
    const api = await setup();
    api.engine.quota.observe(0, Date.now() + DAY_MS);
    api.engine.startScheduler();
    await expect.poll(async () => (await all(api)).map((a) => a.kind)).toEqual(['quota_exhausted']);
    expect(api.errors).toEqual([]);
  });
});

describe('alerts calls', () => {
  it('lists with filters and pages, and marks read by id or all', async () => {
    const api = await setup();
    const chartId = await globalChart(api);
    api.emulator.faults.configure({ unauthorized: { probability: 1 } });
    await syncToEnd(api, chartId);
    const [first, second] = await all(api);
    expect((await api.ok('alerts/list', { kind: 'sync_failed' })).alerts.map((a) => a.kind)).toEqual([
      'sync_failed',
    ]);
    expect(await api.ok('alerts/list', { limit: 1, offset: 1 })).toMatchObject({ total: 2, unread: 2 });
    const scheduleId = api.engine.schedules.getByChart(chartId)!.id;
    expect((await api.ok('alerts/list', { scheduleId })).total).toBe(2);

    expect(await api.ok('alerts/mark-read', { ids: [first!.id] })).toEqual({ marked: 1, unread: 1 });
    expect((await api.ok('alerts/list', { unread: true })).alerts.map((a) => a.id)).toEqual([second!.id]);
    expect((await api.ok('alerts/list', { unread: false })).alerts.map((a) => a.id)).toEqual([first!.id]);
    expect(await api.ok('alerts/mark-read', { all: true })).toEqual({ marked: 1, unread: 0 });
    expect(api.events.filter((e) => e.name === 'alerts/changed').at(-1)?.payload).toEqual({ unread: 0 });
  });

  it.each([
    [{ kind: 'nope' }, 'kind', /Unknown alert kind "nope"/],
    [{ limit: 0 }, 'limit', /1/],
    [{ unread: 'yes' }, 'unread', /boolean/],
    [{ colour: 'red' }, '', /colour/],
  ])('alerts/list refuses %j naming the field', async (input, field, message) => {
    const api = await setup();
    const error = await api.fail('alerts/list', input);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(message);
    if (field) expect(Object.keys(error.fields ?? {})).toContain(field);
  });

  it('mark-read refuses unknown ids by name and changes nothing', async () => {
    const api = await setup();
    const chartId = await globalChart(api);
    api.emulator.faults.configure({ unauthorized: { probability: 1 } });
    await syncToEnd(api, chartId);
    const [alert] = await all(api);
    const error = await api.fail('alerts/mark-read', { ids: [alert!.id, 999] });
    expect(error).toMatchObject({ code: 'not_found' });
    expect(error.message).toMatch(/No alert 999/);
    expect((await all(api))[0]!.readAt).toBeNull();
    expect((await api.fail('alerts/mark-read', {})).code).toBe('invalid_input');
  });
});

describe('settings calls', () => {
  it('answers defaults, updates only what is given, and keeps the rest', async () => {
    const api = await setup();
    const defaults = await api.ok('settings/get', {});
    // The alert settings' defaults (the other capabilities' settings are tested with them).
    expect(defaults).toMatchObject({
      disabledAlertKinds: [],
      quotaLowPercent: 10,
      quotaLowRequests: 1_000,
      retentionDays: 365,
      billingCycleDay: 1,
    });
    await api.ok('settings/update', { quotaLowPercent: 25 });
    expect((await api.ok('settings/update', { billingCycleDay: 15 })).billingCycleDay).toBe(15);
    await api.ok('settings/update', { billingCycleDay: 1 });
    expect(await api.ok('settings/update', { disabledAlertKinds: ['quota_low', 'quota_low'] })).toEqual({
      ...defaults,
      disabledAlertKinds: ['quota_low'],
      quotaLowPercent: 25,
      quotaLowRequests: 1_000,
      retentionDays: 365,
      billingCycleDay: 1,
    });
  });

  it.each([
    [{ quotaLowPercent: 150 }, 'quotaLowPercent', /percentage is at most 100/],
    [{ quotaLowRequests: -1 }, 'quotaLowRequests', /cannot be negative/],
    [{ quotaLowRequests: 1.5 }, 'quotaLowRequests', /whole number/],
    [{ disabledAlertKinds: ['sync_failed', 'bogus'] }, 'disabledAlertKinds.1', /Unknown alert kind "bogus"/],
    [{ retention: 3 }, '', /retention/],
    [{ billingCycleDay: 29 }, 'billingCycleDay', /billing cycle day is between 1 and 28/],
    [{ billingCycleDay: 0 }, 'billingCycleDay', /billing cycle day is between 1 and 28/],
    [{ billingCycleDay: 2.5 }, 'billingCycleDay', /billing cycle day must be a whole number/],
  ])('refuses %j, naming the field, and keeps the stored settings', async (input, field, message) => {
    const api = await setup();
    await api.ok('settings/update', { quotaLowPercent: 20 });
    const error = await api.fail('settings/update', input);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(message);
    if (field) expect(Object.keys(error.fields ?? {})).toContain(field);
    expect((await api.ok('settings/get', {})).quotaLowPercent).toBe(20);
  });
});
