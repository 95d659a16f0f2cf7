import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../shared/domain/policies';
import type { BulkResult } from '../../../shared/views/bulk-result';
import { SYNC_NOW } from '../../support/sync-engine';
import { chartsOf, useApi, type ApiHarness } from './setup';

const start = useApi();

const errorCodes = (result: BulkResult) => result.results.map((r) => (r.ok ? 'ok' : r.error.code));

/** A small daily schedule that syncs in a moment: no metadata fetches. */
async function dailySchedule(
  api: ApiHarness,
  options: { historyWindowDays?: number; syncHistoricalData?: boolean } = {},
) {
  const chartId = api.chartId({ slug: 'global-28' });
  const { schedule } = await api.ok('schedules/create', {
    chartId,
    historyWindowDays: options.historyWindowDays ?? 10,
    syncHistoricalData: options.syncHistoricalData ?? true,
    fetchTrackMetadata: false,
  });
  return schedule;
}

describe('schedules/list', () => {
  it('shows a schedule whose stored timing cannot be used, flagged, without failing the others', async () => {
    const api = await start();
    const [good, broken] = chartsOf(api, 'monthly');
    await api.ok('schedules/create', { chartId: good! });
    const { schedule } = await api.ok('schedules/create', { chartId: broken! });
    api.engine.database.sqlite
      .prepare(
        "UPDATE chart_sync_schedules SET sync_frequency = 'cron', cron_expression = 'at noon', time_zone = 'UTC', next_sync_at = ? WHERE id = ?",
      )
      .run(SYNC_NOW - DAY_MS, schedule.id);
    const list = await api.ok('schedules/list', {});
    expect(list).toHaveLength(2);
    const flagged = list.find((s) => s.id === schedule.id)!;
    expect(flagged.attentionReason).toMatch(
      /^This schedule's timing cannot be used \(Cron expression "at noon" has 2 fields\./,
    );
    expect(list.find((s) => s.id !== schedule.id)!.attentionReason).toBeNull();
    // It is not started on its own (it would have no next slot), and nothing else breaks.
    expect(api.engine.schedules.due()).toEqual([]);
    expect((await api.ok('app/status', {})).schedules.total).toBe(2);
    expect((await api.ok('schedules/get', { id: schedule.id })).schedule.attentionReason).not.toBeNull();
    // Fixing the timing clears the flag.
    const fixed = await api.ok('schedules/update', {
      id: schedule.id,
      changes: { syncFrequency: 'monthly' },
    });
    expect(fixed.attentionReason).toBeNull();
  });
});

describe('schedules/get', () => {
  it('gives statistics, the coverage grid and the history of a schedule', async () => {
    const api = await start();
    const schedule = await dailySchedule(api, { syncHistoricalData: false });
    await api.ok('schedules/sync-now', { ids: [schedule.id] });
    await api.engine.scheduler.idle();

    // A failed run that listed two periods, one of which is stored after all.
    const failed = api.engine.executions.start(schedule.id, 'manual');
    api.engine.executions.markRunning(failed.id);
    api.clock.advance(4_000);
    api.engine.executions.markFailed(failed.id, {
      code: 'server_error',
      message: 'Soundcharts answered 500.',
      failedPeriods: ['2025-08-20', '2025-08-23'],
    });

    const detail = await api.ok('schedules/get', { id: schedule.id });
    expect(detail.schedule.id).toBe(schedule.id);
    expect(detail.stats).toEqual({
      successRate: 50,
      averageDurationMs: 2_000,
      rankingsStored: 1,
      latestRankingDate: '2025-08-23',
      latestFetchedAt: SYNC_NOW,
    });
    expect(detail.coverage).toMatchObject({
      frequency: 'daily',
      from: '2025-08-14',
      to: '2025-08-23',
      synced: 1,
      failed: 1,
      missing: 8,
    });
    expect(detail.coverage.periods.map((p) => `${p.key}:${p.state}`)).toEqual([
      '2025-08-14:missing',
      '2025-08-15:missing',
      '2025-08-16:missing',
      '2025-08-17:missing',
      '2025-08-18:missing',
      '2025-08-19:missing',
      '2025-08-20:failed',
      '2025-08-21:missing',
      '2025-08-22:missing',
      '2025-08-23:synced',
    ]);
    expect(detail.executions.map((e) => [e.id, e.status])).toEqual([
      [failed.id, 'failed'],
      [detail.executions[1]!.id, 'completed'],
    ]);

    // A backfill plans the whole window although historical sync is off; the latest run then failed nothing.
    const backfill = await api.ok('schedules/backfill', { id: schedule.id });
    expect(backfill).toMatchObject({ trigger: 'backfill', scheduleId: schedule.id });
    await api.engine.scheduler.idle();
    expect(api.engine.executions.get(backfill.id)).toMatchObject({ status: 'completed', rankingsCreated: 9 });
    const after = await api.ok('schedules/get', { id: schedule.id });
    expect(after.coverage).toMatchObject({ synced: 10, failed: 0, missing: 0 });
    expect(after.stats.rankingsStored).toBe(10);
    expect(after.executions).toHaveLength(3);
  });

  it('keys a weekly chart’s grid by ISO week, the weeks at the window’s edges included', async () => {
    const api = await start();
    const chartId = chartsOf(api, 'weekly')[0]!;
    const { schedule } = await api.ok('schedules/create', { chartId, historyWindowDays: 30 });
    const { coverage } = await api.ok('schedules/get', { id: schedule.id });
    expect(coverage).toMatchObject({ frequency: 'weekly', from: '2025-07-25', to: '2025-08-23', synced: 0 });
    expect(coverage.periods.map((p) => p.key)).toEqual([
      '2025-W30',
      '2025-W31',
      '2025-W32',
      '2025-W33',
      '2025-W34',
    ]);
    expect(coverage.periods[0]).toMatchObject({ start: '2025-07-21', end: '2025-07-27', state: 'missing' });
  });

  it('names a schedule that does not exist', async () => {
    const api = await start();
    expect(await api.fail('schedules/get', { id: 12 })).toEqual({
      code: 'not_found',
      message: 'Schedule 12 does not exist.',
    });
  });
});

describe('schedules/create', () => {
  it('creates a schedule, and with syncImmediately its first sync, started at once', async () => {
    const api = await start();
    const [plain, immediate] = chartsOf(api, 'monthly');
    const created = await api.ok('schedules/create', { chartId: plain! });
    expect(created).toMatchObject({
      schedule: { syncFrequency: 'monthly', isActive: true },
      execution: null,
    });
    const withSync = await api.ok('schedules/create', { chartId: immediate!, syncImmediately: true });
    expect(withSync.execution).toMatchObject({ trigger: 'immediate', status: 'pending' });
    expect(api.engine.executions.get(withSync.execution!.id).status).toBe('running');
    await api.engine.scheduler.idle();
    expect(api.engine.executions.get(withSync.execution!.id).status).toBe('completed');

    const duplicate = await api.fail('schedules/create', { chartId: plain! });
    expect(duplicate.code).toBe('schedule_exists');
    expect((await api.fail('schedules/create', { chartId: 999_999 })).message).toBe(
      'Chart 999999 does not exist.',
    );
  });
});

describe('schedules/update', () => {
  it('changes only what is given; resuming through an update makes a passed slot due at once', async () => {
    const api = await start();
    const schedule = await dailySchedule(api, { historyWindowDays: 2 });
    await api.ok('schedules/update', { id: schedule.id, changes: { isActive: false } });
    api.clock.advance(3 * DAY_MS);
    const resumed = await api.ok('schedules/update', { id: schedule.id, changes: { isActive: true } });
    expect(resumed).toMatchObject({ isActive: true, nextSyncAt: api.clock.now(), historyWindowDays: 2 });
    // Woken: the due schedule runs without waiting for a tick.
    const [execution] = api.engine.executions.listForSchedule(schedule.id);
    expect(execution).toMatchObject({ status: 'running', trigger: 'scheduled' });
    await api.engine.scheduler.idle();
    expect(await api.fail('schedules/update', { id: 999, changes: { isActive: true } })).toEqual({
      code: 'not_found',
      message: 'Schedule 999 does not exist.',
    });
  });
});

describe('schedules/update of the timing fields', () => {
  it('clears the fields of a frequency switched away from; null for the current one is refused', async () => {
    const api = await start();
    const schedule = await dailySchedule(api);
    const id = schedule.id;
    const custom = await api.ok('schedules/update', {
      id,
      changes: { syncFrequency: 'custom', customIntervalHours: 6 },
    });
    expect(custom).toMatchObject({ syncFrequency: 'custom', customIntervalHours: 6 });

    // null is "no interval", not "keep the current one": a custom schedule cannot run without one.
    const noInterval = await api.fail('schedules/update', { id, changes: { customIntervalHours: null } });
    expect(noInterval).toMatchObject({ code: 'invalid_input' });
    expect(noInterval.fields?.['changes.customIntervalHours']).toMatch(/custom schedule needs an interval/);
    expect((await api.ok('schedules/get', { id })).schedule.customIntervalHours).toBe(6);

    const cron = await api.ok('schedules/update', {
      id,
      changes: { syncFrequency: 'cron', cronExpression: '0 6 * * *', timeZone: 'Europe/Paris' },
    });
    // Switching away from custom clears its interval, whatever else was sent.
    expect(cron).toMatchObject({
      syncFrequency: 'cron',
      customIntervalHours: null,
      timeZone: 'Europe/Paris',
    });
    const noZone = await api.fail('schedules/update', { id, changes: { timeZone: null } });
    expect(Object.keys(noZone.fields ?? {})).toEqual(['changes.timeZone']);
    const noExpression = await api.fail('schedules/update', { id, changes: { cronExpression: null } });
    expect(Object.keys(noExpression.fields ?? {})).toEqual(['changes.cronExpression']);

    const daily = await api.ok('schedules/update', {
      id,
      changes: { syncFrequency: 'daily', cronExpression: null, timeZone: null },
    });
    expect(daily).toMatchObject({ syncFrequency: 'daily', cronExpression: null, timeZone: null });
  });
});

describe('schedules/set-active and schedules/delete', () => {
  it('pause and resume several schedules, reporting unknown ones', async () => {
    const api = await start();
    const ids = [];
    for (const chartId of chartsOf(api, 'monthly').slice(0, 2)) {
      ids.push((await api.ok('schedules/create', { chartId })).schedule.id);
    }
    const paused = await api.ok('schedules/set-active', { ids: [...ids, 404], active: false });
    expect(errorCodes(paused)).toEqual(['ok', 'ok', 'not_found']);
    expect(paused).toMatchObject({ succeeded: 2, failed: 1 });
    expect((await api.ok('schedules/list', {})).map((s) => s.status)).toEqual(['inactive', 'inactive']);
    await api.ok('schedules/set-active', { ids, active: true });
    expect((await api.ok('schedules/list', {})).every((s) => s.isActive)).toBe(true);
  });

  it('deletes schedules (keeping their history), but not one whose sync is running', async () => {
    const api = await start();
    const [a] = chartsOf(api, 'monthly');
    const idle = (await api.ok('schedules/create', { chartId: a! })).schedule;
    // A retry waiting out its backoff: pending, not running.
    const waiting = api.engine.executions.start(idle.id, 'manual');
    api.engine.database.sqlite
      .prepare('UPDATE chart_sync_executions SET next_attempt_at = ?, retry_count = 1 WHERE id = ?')
      .run(SYNC_NOW + DAY_MS, waiting.id);
    const busy = await dailySchedule(api, { historyWindowDays: 300 });
    await api.ok('schedules/sync-now', { ids: [busy.id] });
    expect(api.engine.executions.get(waiting.id).status).toBe('pending');
    api.events.length = 0;
    const result = await api.ok('schedules/delete', { ids: [idle.id, 404, busy.id] });
    expect(errorCodes(result)).toEqual(['ok', 'not_found', 'execution_active']);
    // A waiting execution is cancelled, and kept.
    expect(await api.ok('executions/get', { id: waiting.id })).toMatchObject({
      status: 'cancelled',
      scheduleId: null,
    });
    expect(api.events.filter((e) => e.name.startsWith('schedule/'))).toEqual([
      { name: 'schedule/removed', payload: { scheduleId: idle.id, chartId: a } },
    ]);
    await api.ok('executions/cancel', { id: api.engine.executions.listForSchedule(busy.id)[0]!.id });
    expect(errorCodes(await api.ok('schedules/delete', { ids: [busy.id] }))).toEqual(['ok']);
  });
});

describe('schedules/sync-now', () => {
  it('starts a manual sync of one schedule, a bulk sync of several; never two at once', async () => {
    const api = await start();
    const ids = [];
    for (const chartId of chartsOf(api, 'monthly').slice(0, 3)) {
      ids.push((await api.ok('schedules/create', { chartId, fetchTrackMetadata: false })).schedule.id);
    }
    const one = await api.ok('schedules/sync-now', { ids: [ids[0]!] });
    const two = await api.ok('schedules/sync-now', { ids: [ids[0]!, ids[1]!, ids[2]!, 404] });
    expect(errorCodes(two)).toEqual(['execution_active', 'ok', 'ok', 'not_found']);
    const triggerOf = (result: BulkResult, index: number) => {
      const item = result.results[index]!;
      return item.ok ? api.engine.executions.get(item.executionId!).trigger : null;
    };
    expect([triggerOf(one, 0), triggerOf(two, 1), triggerOf(two, 2)]).toEqual(['manual', 'bulk', 'bulk']);
    await api.engine.scheduler.idle();
  });
});

describe('schedules/backfill-preview', () => {
  it('plans the whole window without fetching a ranking or starting anything', async () => {
    const api = await start();
    const schedule = await dailySchedule(api, { historyWindowDays: 30, syncHistoricalData: false });
    api.emulator.stats.reset();
    const preview = await api.ok('schedules/backfill-preview', { id: schedule.id });
    expect(preview.periods).toHaveLength(30);
    expect(preview).toMatchObject({ requestCost: 60, listed: true });
    expect(api.emulator.stats.count((r) => r.path.includes('/ranking/'))).toBe(0);
    expect(api.engine.executions.listForSchedule(schedule.id)).toEqual([]);
    expect(await api.fail('schedules/backfill-preview', { id: 404 })).toMatchObject({ code: 'not_found' });
  });

  it('says what Soundcharts refused', async () => {
    const api = await start();
    const schedule = await dailySchedule(api);
    api.emulator.faults.configure({ unauthorized: { probability: 1 } });
    const error = await api.fail('schedules/backfill-preview', { id: schedule.id });
    expect(error.code).toBe('soundcharts_error');
    expect(error.message).toMatch(/^Soundcharts could not plan the backfill of "[^"]+": \S/);
  });
});
