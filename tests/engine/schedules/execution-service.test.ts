import { describe, expect, it } from 'vitest';
import { getChartBySlug } from '../../../electron/engine/db/queries/charts';
import { ExecutionService, interruptedMessage } from '../../../electron/engine/schedules/execution-service';
import { ScheduleService } from '../../../electron/engine/schedules/schedule-service';
import { backoffDelayMs } from '../../../shared/domain/backoff';
import { DAY_MS, RETRY_POLICY } from '../../../shared/domain/policies';
import { memoryDatabaseWithCharts } from '../../support/database';
import { errorOf } from '../../support/errors';
import { FakeClock } from '../../support/fake-clock';

const START = Date.UTC(2026, 10, 23, 9, 0, 0);
const COUNTS = { rankingsCreated: 3, rankingsUpdated: 1, tracksCreated: 120, tracksUpdated: 80 };
const RANDOM = 0.25;

function setup() {
  const clock = new FakeClock(START);
  const database = memoryDatabaseWithCharts(clock.nowFn);
  const schedules = new ScheduleService(database, clock.nowFn);
  const executions = new ExecutionService(database, clock.nowFn, () => RANDOM);
  const { schedule } = schedules.create({ chartId: getChartBySlug(database, 'global-28')!.id });
  const stats = () => {
    const view = schedules.get(schedule.id);
    return {
      total: view.totalExecutions,
      successful: view.successfulExecutions,
      failed: view.failedExecutions,
      rate: view.successRate,
    };
  };
  return { clock, database, schedules, executions, schedule, stats };
}

const codeOf = (action: () => unknown): string => errorOf(action).code;

describe('ExecutionService', () => {
  it('records a completed execution with counts, duration, last sync and the next slot', () => {
    const { clock, schedules, executions, schedule, stats } = setup();
    const execution = executions.start(schedule.id, 'manual');
    expect(execution).toMatchObject({
      status: 'pending',
      trigger: 'manual',
      retryCount: 0,
      maxRetries: RETRY_POLICY.maxRetries,
    });
    clock.advance(1_000);
    executions.markRunning(execution.id, 'worker-task-7');
    clock.advance(65_000);
    const done = executions.markCompleted(execution.id, { ...COUNTS, periodsPlanned: 4, periodsSynced: 4 });
    expect(done).toMatchObject({
      status: 'completed',
      ...COUNTS,
      periodsPlanned: 4,
      periodsSynced: 4,
      workerTaskId: 'worker-task-7',
      durationMs: 65_000,
      errorMessage: null,
    });
    expect(stats()).toEqual({ total: 1, successful: 1, failed: 0, rate: 100 });
    const view = schedules.get(schedule.id);
    expect(view.lastSyncAt).toBe(START + 66_000);
    expect(view.nextSyncAt).toBe(START + DAY_MS);
  });

  it('records a failure with its error and the periods still missing', () => {
    const { executions, schedule, stats } = setup();
    const execution = executions.start(schedule.id, 'scheduled');
    executions.markRunning(execution.id);
    const failed = executions.markFailed(
      execution.id,
      {
        code: 'transient',
        message: 'Soundcharts answered 503 three times',
        failedPeriods: ['2026-11-20', '2026-11-21'],
      },
      { periodsPlanned: 5, periodsSynced: 3, periodsFailed: 2 },
    );
    expect(failed).toMatchObject({
      status: 'failed',
      errorCode: 'transient',
      errorMessage: 'Soundcharts answered 503 three times',
      failedPeriods: ['2026-11-20', '2026-11-21'],
      periodsSynced: 3,
      periodsFailed: 2,
    });
    expect(stats()).toEqual({ total: 1, successful: 0, failed: 1, rate: 0 });
  });

  it('retries with exponential backoff without touching the statistics, then counts the failure once', () => {
    const { clock, executions, schedule, stats } = setup();
    const execution = executions.start(schedule.id, 'scheduled');
    const failure = { code: 'transient', message: 'connection reset' };
    for (let attempt = 1; attempt <= RETRY_POLICY.maxRetries; attempt += 1) {
      executions.markRunning(execution.id);
      const decision = executions.retryOrFail(execution.id, failure);
      expect(decision.retrying).toBe(true);
      expect(decision.execution).toMatchObject({ status: 'pending', retryCount: attempt });
      expect(decision.execution.nextAttemptAt).toBe(
        clock.now() + backoffDelayMs(attempt, RETRY_POLICY, () => RANDOM),
      );
      expect(stats()).toEqual({ total: 0, successful: 0, failed: 0, rate: null });
      clock.advance(decision.execution.nextAttemptAt! - clock.now());
    }
    executions.markRunning(execution.id);
    const last = executions.retryOrFail(execution.id, failure);
    expect(last.retrying).toBe(false);
    expect(last.execution).toMatchObject({
      status: 'failed',
      retryCount: RETRY_POLICY.maxRetries,
      errorMessage: 'connection reset',
    });
    expect(stats()).toEqual({ total: 1, successful: 0, failed: 1, rate: 0 });
  });

  it('a retry that then succeeds counts as one success', () => {
    const { executions, schedule, stats } = setup();
    const execution = executions.start(schedule.id, 'scheduled');
    executions.markRunning(execution.id);
    executions.retryOrFail(execution.id, { code: 'transient', message: 'timeout' });
    executions.markRunning(execution.id);
    const done = executions.markCompleted(execution.id, COUNTS);
    expect(done.retryCount).toBe(1);
    expect(stats()).toEqual({ total: 1, successful: 1, failed: 0, rate: 100 });
  });

  it('closing an execution twice is refused and never counted twice', () => {
    const { executions, schedule, stats } = setup();
    const execution = executions.start(schedule.id, 'manual');
    executions.markRunning(execution.id);
    executions.markCompleted(execution.id, COUNTS);
    expect(codeOf(() => executions.markCompleted(execution.id, COUNTS))).toBe('invalid_state');
    expect(codeOf(() => executions.markFailed(execution.id, { code: 'x', message: 'late failure' }))).toBe(
      'invalid_state',
    );
    expect(codeOf(() => executions.markRunning(execution.id))).toBe('invalid_state');
    expect(stats()).toEqual({ total: 1, successful: 1, failed: 0, rate: 100 });
  });

  it('never runs two executions of one schedule at the same time', () => {
    const { executions, schedule } = setup();
    const first = executions.start(schedule.id, 'scheduled');
    expect(codeOf(() => executions.start(schedule.id, 'manual'))).toBe('execution_active');
    executions.markRunning(first.id);
    expect(codeOf(() => executions.start(schedule.id, 'manual'))).toBe('execution_active');
    executions.markCompleted(first.id, COUNTS);
    expect(executions.start(schedule.id, 'manual').status).toBe('pending');
  });

  it('a cancelled run is not counted, and its slot is consumed', () => {
    const { clock, schedules, executions, schedule, stats } = setup();
    clock.set(START + DAY_MS + 60_000);
    const execution = executions.start(schedule.id, 'scheduled');
    executions.markRunning(execution.id);
    expect(executions.cancel(execution.id)).toMatchObject({ status: 'cancelled', errorCode: 'cancelled' });
    expect(stats()).toEqual({ total: 0, successful: 0, failed: 0, rate: null });
    expect(schedules.get(schedule.id).nextSyncAt).toBe(START + 2 * DAY_MS);
  });

  it('marks runs found running at start-up as interrupted and resumes them with the same trigger, counted once', () => {
    const { clock, executions, schedule, stats } = setup();
    clock.set(START + DAY_MS + 60_000);
    const execution = executions.start(schedule.id, 'scheduled');
    executions.markRunning(execution.id);
    const { interrupted, resumed } = executions.interruptRunning();
    expect(interrupted).toBe(1);
    expect(resumed).toHaveLength(1);
    expect(resumed[0]).toMatchObject({ status: 'pending', trigger: 'scheduled', scheduleId: schedule.id });
    expect(executions.get(execution.id)).toMatchObject({
      status: 'interrupted',
      errorMessage: interruptedMessage(resumed[0]!.id, true),
    });
    expect(stats()).toEqual({ total: 0, successful: 0, failed: 0, rate: null });
    executions.markRunning(resumed[0]!.id);
    executions.markCompleted(resumed[0]!.id, COUNTS);
    expect(stats()).toEqual({ total: 1, successful: 1, failed: 0, rate: 100 });
    expect(executions.interruptRunning()).toEqual({ interrupted: 0, resumed: [] });
  });

  it('counts a run of a paused schedule found running at start-up as failed, not resumed, its slot left due', () => {
    const { clock, schedules, executions, schedule, stats } = setup();
    clock.set(START + DAY_MS + 60_000);
    const execution = executions.start(schedule.id, 'scheduled');
    executions.markRunning(execution.id);
    schedules.setActive(schedule.id, false);
    expect(executions.interruptRunning()).toEqual({ interrupted: 1, resumed: [] });
    expect(executions.get(execution.id).errorMessage).toBe(interruptedMessage(null, false));
    expect(stats()).toEqual({ total: 1, successful: 0, failed: 1, rate: 0 });
    schedules.setActive(schedule.id, true);
    expect(schedules.due().map((s) => s.id)).toEqual([schedule.id]);
  });

  it('keeps a pending retry across a restart (only running executions are interrupted)', () => {
    const { executions, schedule } = setup();
    const execution = executions.start(schedule.id, 'scheduled');
    executions.markRunning(execution.id);
    executions.retryOrFail(execution.id, { code: 'transient', message: 'timeout' });
    expect(executions.interruptRunning()).toEqual({ interrupted: 0, resumed: [] });
    expect(executions.listActive().map((e) => e.id)).toEqual([execution.id]);
  });

  it('computes success rate over many executions, and lists history newest first', () => {
    const { clock, executions, schedule, stats } = setup();
    const outcomes = [true, true, false, true];
    for (const ok of outcomes) {
      clock.advance(60_000);
      const execution = executions.start(schedule.id, 'scheduled');
      executions.markRunning(execution.id);
      if (ok) executions.markCompleted(execution.id, COUNTS);
      else executions.markFailed(execution.id, { code: 'server_error', message: '500' });
    }
    expect(stats()).toEqual({ total: 4, successful: 3, failed: 1, rate: 75 });
    expect(executions.listForSchedule(schedule.id).map((e) => e.status)).toEqual([
      'completed',
      'failed',
      'completed',
      'completed',
    ]);
    expect(executions.listForSchedule(schedule.id, 2)).toHaveLength(2);
  });

  it('reports progress only for a running execution', () => {
    const { executions, schedule } = setup();
    const execution = executions.start(schedule.id, 'manual');
    expect(codeOf(() => executions.recordProgress(execution.id, { periodsSynced: 1 }))).toBe('invalid_state');
    executions.markRunning(execution.id);
    expect(executions.recordProgress(execution.id, { periodsPlanned: 10, periodsSynced: 4 })).toMatchObject({
      periodsPlanned: 10,
      periodsSynced: 4,
    });
    expect(codeOf(() => executions.get(424242))).toBe('not_found');
    expect(codeOf(() => executions.start(424242, 'manual'))).toBe('not_found');
  });
});
