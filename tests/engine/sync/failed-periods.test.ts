import { describe, expect, it } from 'vitest';
import { storedSnapshots } from '../../../electron/engine/sync/store-snapshot';
import { RETRY_POLICY } from '../../../shared/domain/policies';
import { useTestEngine } from '../../support/sync-engine';

const { emulator, start: setup } = useTestEngine();

describe('a run that fails after its retries keeps which periods failed', () => {
  it('lists the missing periods and counts them even when the last attempt failed before planning', async () => {
    const { engine, clock, chartId } = await setup();
    const id = chartId({ slug: 'global-28' });
    const { schedule } = engine.schedules.create({
      chartId: id,
      historyWindowDays: 10,
      fetchTrackMetadata: false,
    });
    // Every attempt's first request (the list of dates) fails with a 500: nothing is ever planned.
    emulator.current.faults.configure({ serverError: { probability: 1, status: 500, match: 'available' } });
    let execution = await engine.syncChart(id);
    for (let attempt = 0; attempt < RETRY_POLICY.maxRetries; attempt += 1) {
      expect(execution).toMatchObject({ status: 'pending', retryCount: attempt + 1 });
      clock.set(execution.nextAttemptAt!);
      await engine.scheduler.wake();
      await engine.scheduler.idle();
      execution = engine.executions.get(execution.id);
    }
    expect(execution).toMatchObject({
      status: 'failed',
      errorCode: 'server_error',
      periodsPlanned: 10,
      periodsSynced: 0,
      periodsFailed: 10,
    });
    expect(execution.failedPeriods).toHaveLength(10);
    expect(execution.failedPeriods).toContain('2025-08-23');
    expect(engine.schedules.get(schedule.id)).toMatchObject({ totalExecutions: 1, failedExecutions: 1 });
  });

  it('a run that stored some periods and then failed lists exactly the ones still missing', async () => {
    const { engine, chartId } = await setup();
    const id = chartId({ slug: 'global-28' });
    engine.schedules.create({ chartId: id, historyWindowDays: 8, fetchTrackMetadata: false });
    // One request at a time, so that exactly three rankings pass before the quota runs out.
    engine.settings.update({ requestsInFlight: 1 });
    // The list and three rankings pass, then the quota runs out: the sync stops at once, without a retry.
    emulator.current.faults.configure({ quotaExhausted: { next: 1, match: '2025-08-20' } });
    const execution = await engine.syncChart(id);
    expect(execution).toMatchObject({
      status: 'failed',
      errorCode: 'quota_exhausted',
      periodsPlanned: 8,
      periodsSynced: 3,
      periodsFailed: 5,
    });
    expect([...execution.failedPeriods].sort()).toEqual([
      '2025-08-16',
      '2025-08-17',
      '2025-08-18',
      '2025-08-19',
      '2025-08-20',
    ]);
  });

  it('with periods fetched at once, a quota that runs out fails exactly the periods not stored', async () => {
    const { engine, chartId } = await setup();
    const id = chartId({ slug: 'global-28' });
    engine.schedules.create({ chartId: id, historyWindowDays: 20, fetchTrackMetadata: false });
    engine.settings.update({ requestsInFlight: 4 });
    emulator.current.faults.configure({ quotaExhausted: { next: 1, match: '2025-08-15' } });
    const execution = await engine.syncChart(id);
    expect(execution).toMatchObject({ status: 'failed', errorCode: 'quota_exhausted', periodsPlanned: 20 });
    const stored = new Set(
      storedSnapshots(engine.database, id, { from: '2025-01-01', to: '2025-12-31' })
        .filter((snapshot) => snapshot.complete)
        .map((snapshot) => snapshot.datetime.slice(0, 10)),
    );
    expect(stored.has('2025-08-15')).toBe(false);
    expect(execution.periodsSynced).toBe(stored.size);
    expect(execution.periodsSynced + execution.periodsFailed).toBe(20);
    // Every period is either stored whole or listed as failed, never both, never neither.
    for (const key of execution.failedPeriods) expect(stored.has(key)).toBe(false);
    expect(execution.failedPeriods).toHaveLength(20 - stored.size);
  });

  it("each 'Started' step of the timeline says nothing of the previous attempt's error", async () => {
    const { engine, clock, chartId } = await setup();
    const id = chartId({ slug: 'global-28' });
    engine.schedules.create({ chartId: id, historyWindowDays: 3, fetchTrackMetadata: false });
    emulator.current.faults.configure({ serverError: { next: 1, status: 500, match: 'available' } });
    const first = await engine.syncChart(id);
    expect(first).toMatchObject({ status: 'pending', retryCount: 1 });
    clock.set(first.nextAttemptAt!);
    await engine.scheduler.wake();
    await engine.scheduler.idle();
    expect(engine.executions.get(first.id).status).toBe('completed');
    const detail = await engine.handlers['executions/get']({ id: first.id });
    const steps = detail.timeline.map((entry) => [entry.action, entry.message]);
    expect(steps.map(([action]) => action)).toEqual([
      'execution.started',
      'execution.retrying',
      'execution.started',
      'execution.completed',
    ]);
    expect(steps.filter(([action]) => action === 'execution.started')).toEqual([
      ['execution.started', null],
      ['execution.started', null],
    ]);
  });
});
