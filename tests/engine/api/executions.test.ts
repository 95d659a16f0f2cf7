import { describe, expect, it } from 'vitest';
import type { CallInput } from '../../../shared/contract/calls';
import { HOUR_MS } from '../../../shared/domain/policies';
import { SYNC_NOW } from '../../support/sync-engine';
import { chartsOf, useApi, type ApiHarness } from './setup';

const start = useApi();

const counts = { rankingsCreated: 0, rankingsUpdated: 0, tracksCreated: 0, tracksUpdated: 0 };

/**
 * A history written through the services (no network), an hour apart, oldest first:
 * t0 daily scheduled completed · t1 weekly manual failed · t2 daily catch_up failed · t3 monthly bulk cancelled ·
 * t4 weekly backfill completed · t5 daily manual pending.
 */
async function history(api: ApiHarness) {
  const { executions } = api.engine;
  const chart = {
    daily: api.chartId({ slug: 'global-28' }),
    weekly: chartsOf(api, 'weekly')[0]!,
    monthly: chartsOf(api, 'monthly')[0]!,
  };
  const schedule = {
    daily: api.engine.schedules.create({ chartId: chart.daily }).schedule.id,
    weekly: api.engine.schedules.create({ chartId: chart.weekly }).schedule.id,
    monthly: api.engine.schedules.create({ chartId: chart.monthly }).schedule.id,
  };
  const at: number[] = [];
  const step = (run: () => number) => {
    at.push(api.clock.now());
    const id = run();
    api.clock.advance(HOUR_MS);
    return id;
  };
  const failure = { code: 'server_error', message: 'Soundcharts answered 500.' };
  const ids = [
    step(() => {
      const id = executions.start(schedule.daily, 'scheduled').id;
      executions.markRunning(id);
      return executions.markCompleted(id, counts).id;
    }),
    step(() => {
      const id = executions.start(schedule.weekly, 'manual').id;
      executions.markRunning(id);
      return executions.markFailed(id, failure).id;
    }),
    step(() => {
      const id = executions.start(schedule.daily, 'catch_up').id;
      executions.markRunning(id);
      return executions.markFailed(id, failure).id;
    }),
    step(() => executions.cancel(executions.start(schedule.monthly, 'bulk').id).id),
    step(() => {
      const id = executions.start(schedule.weekly, 'backfill').id;
      executions.markRunning(id);
      return executions.markCompleted(id, counts).id;
    }),
    step(() => executions.start(schedule.daily, 'manual').id),
  ];
  return { chart, schedule, ids, at };
}

describe('executions/list', () => {
  it('filters, pages and counts the history, newest first, each with its chart', async () => {
    const api = await start();
    const { chart, schedule, ids, at } = await history(api);
    const [t0, t1, t2, t3, t4, t5] = ids as [number, number, number, number, number, number];
    const cases: { filter: CallInput<'executions/list'>; expected: number[]; total?: number }[] = [
      { filter: {}, expected: [t5, t4, t3, t2, t1, t0] },
      { filter: { status: 'failed' }, expected: [t2, t1] },
      { filter: { status: 'pending' }, expected: [t5] },
      { filter: { trigger: 'manual' }, expected: [t5, t1] },
      { filter: { trigger: 'backfill' }, expected: [t4] },
      { filter: { chartId: chart.daily }, expected: [t5, t2, t0] },
      { filter: { scheduleId: schedule.weekly }, expected: [t4, t1] },
      { filter: { chartId: chart.daily, status: 'failed' }, expected: [t2] },
      // `from` is inclusive, `to` exclusive.
      { filter: { from: at[2], to: at[4] }, expected: [t3, t2] },
      { filter: { from: at[5] }, expected: [t5] },
      { filter: { limit: 2 }, expected: [t5, t4], total: 6 },
      { filter: { limit: 2, offset: 4 }, expected: [t1, t0], total: 6 },
      { filter: { offset: 10 }, expected: [], total: 6 },
      { filter: { chartId: 999_999 }, expected: [] },
    ];
    for (const { filter, expected, total } of cases) {
      const page = await api.ok('executions/list', filter);
      expect(
        page.items.map((e) => e.id),
        JSON.stringify(filter),
      ).toEqual(expected);
      expect(page.total, JSON.stringify(filter)).toBe(total ?? expected.length);
    }
    const [newest] = (await api.ok('executions/list', { limit: 1 })).items;
    expect(newest).toMatchObject({
      id: t5,
      status: 'pending',
      trigger: 'manual',
      chart: { id: chart.daily, slug: 'global-28' },
    });
  });
});

describe('executions/get', () => {
  it('lists the periods an execution stored and its timeline', async () => {
    const api = await start();
    const chartId = api.chartId({ slug: 'global-28' });
    const { schedule } = await api.ok('schedules/create', {
      chartId,
      historyWindowDays: 3,
      fetchTrackMetadata: false,
    });
    const [first] = (await api.ok('schedules/sync-now', { ids: [schedule.id] })).results;
    await api.engine.scheduler.idle();
    api.clock.advance(HOUR_MS);
    await api.ok('schedules/update', { id: schedule.id, changes: { historyWindowDays: 6 } });
    const [second] = (await api.ok('schedules/sync-now', { ids: [schedule.id] })).results;
    await api.engine.scheduler.idle();
    if (!first?.ok || !second?.ok) throw new Error('expected both syncs to start');

    const one = await api.ok('executions/get', { id: first.executionId! });
    expect(one).toMatchObject({ status: 'completed', chart: { id: chartId }, periodsSynced: 3 });
    expect(one.syncedPeriods).toEqual(['2025-08-21', '2025-08-22', '2025-08-23']);
    expect(one.timeline.map((e) => [e.action, e.executionId, e.trigger])).toEqual([
      ['execution.started', first.executionId, 'manual'],
      ['execution.completed', first.executionId, 'manual'],
    ]);
    const two = await api.ok('executions/get', { id: second.executionId! });
    expect(two.syncedPeriods).toEqual(['2025-08-18', '2025-08-19', '2025-08-20']);
    expect(two.timeline[0]!.at).toBe(SYNC_NOW + HOUR_MS);
    expect(await api.fail('executions/get', { id: 404 })).toEqual({
      code: 'not_found',
      message: 'Execution 404 does not exist.',
    });
  });
});

describe('executions/retry', () => {
  it('retries only what ended without its data, as a new manual sync (a backfill as a backfill)', async () => {
    const api = await start();
    const { ids } = await history(api);
    const [completed, failedWeekly, , cancelledMonthly, , pending] = ids;
    expect(await api.fail('executions/retry', { id: completed! })).toEqual({
      code: 'invalid_state',
      message: `Execution ${completed} cannot be retried: it completed, so there is nothing to retry. Only a failed, cancelled or interrupted sync can be retried.`,
    });
    expect((await api.fail('executions/retry', { id: pending! })).message).toMatch(/it has not ended yet/);
    expect(await api.fail('executions/retry', { id: 404 })).toMatchObject({ code: 'not_found' });

    // Keep the retried syncs from fetching the whole year: make them small first.
    for (const schedule of api.engine.schedules.list()) {
      api.engine.schedules.update(schedule.id, { historyWindowDays: 14, fetchTrackMetadata: false });
    }
    const retried = await api.ok('executions/retry', { id: failedWeekly! });
    expect(retried).toMatchObject({ trigger: 'manual', status: 'pending' });
    expect(retried.id).not.toBe(failedWeekly);
    // The schedule's own sync is now open: a second retry is refused.
    expect((await api.fail('executions/retry', { id: failedWeekly! })).code).toBe('execution_active');
    const again = await api.ok('executions/retry', { id: cancelledMonthly! });
    expect(again.trigger).toBe('manual');
    await api.engine.scheduler.idle();
    expect(api.engine.executions.get(retried.id).status).toBe('completed');

    const backfill = api.engine.executions.start(again.scheduleId!, 'backfill');
    api.engine.executions.cancel(backfill.id);
    expect((await api.ok('executions/retry', { id: backfill.id })).trigger).toBe('backfill');
    await api.engine.scheduler.idle();
  });
});

describe('executions/cancel', () => {
  it('cancels a waiting sync, and stops a running one before answering', async () => {
    const api = await start();
    const chartId = api.chartId({ slug: 'global-28' });
    const { schedule } = await api.ok('schedules/create', {
      chartId,
      historyWindowDays: 200,
      fetchTrackMetadata: false,
    });
    const waiting = api.engine.executions.start(schedule.id, 'manual');
    const cancelled = await api.ok('executions/cancel', { id: waiting.id });
    expect(cancelled).toMatchObject({ id: waiting.id, status: 'cancelled', errorCode: 'cancelled' });
    expect(api.engine.schedules.get(schedule.id).totalExecutions).toBe(0);
    expect(await api.fail('executions/cancel', { id: waiting.id })).toEqual({
      code: 'invalid_state',
      message: `Execution ${waiting.id} already ended (cancelled); there is nothing to cancel.`,
    });

    api.emulator.faults.configure({ latency: { minMs: 10, maxMs: 10 } });
    const stored = new Promise<void>((resolve) =>
      api.engine.events.on('execution/progress', (p) => p.periodsSynced >= 2 && resolve()),
    );
    const [started] = (await api.ok('schedules/sync-now', { ids: [schedule.id] })).results;
    if (!started?.ok) throw new Error('expected the sync to start');
    await stored;
    const stopped = await api.ok('executions/cancel', { id: started.executionId! });
    expect(stopped.status).toBe('cancelled');
    expect(stopped.periodsSynced).toBeGreaterThanOrEqual(2);
    expect(stopped.periodsSynced).toBeLessThan(200);
    expect(api.engine.runner.isRunning(started.executionId!)).toBe(false);
    expect(await api.fail('executions/cancel', { id: 404 })).toMatchObject({ code: 'not_found' });
  });
});
