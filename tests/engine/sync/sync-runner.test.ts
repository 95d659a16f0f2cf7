import { describe, expect, it } from 'vitest';
import { getChartBySlug } from '../../../electron/engine/db/queries/charts';
import { EventBus } from '../../../electron/engine/events';
import { ExecutionService } from '../../../electron/engine/schedules/execution-service';
import { ScheduleService } from '../../../electron/engine/schedules/schedule-service';
import { SyncRunner, UNEXPECTED_FAILURE_MESSAGE } from '../../../electron/engine/sync/sync-runner';
import type { SyncDone, SyncPool, SyncRequest } from '../../../electron/engine/sync/sync-pool';
import { SANDBOX_CREDENTIALS } from '../../../electron/engine/soundcharts';
import { memoryDatabaseWithCharts } from '../../support/database';
import { FakeClock } from '../../support/fake-clock';

const START = Date.UTC(2026, 10, 23, 9, 0, 0);

function setup(pool: Pick<SyncPool, 'sync'>) {
  const clock = new FakeClock(START);
  const database = memoryDatabaseWithCharts(clock.nowFn);
  const schedules = new ScheduleService(database, clock.nowFn);
  const executions = new ExecutionService(database, clock.nowFn);
  const runner = new SyncRunner({
    database,
    schedules,
    executions,
    pool,
    events: new EventBus(),
    connection: () => ({ baseUrl: 'http://127.0.0.1:9', credentials: SANDBOX_CREDENTIALS }),
    now: clock.nowFn,
  });
  const { schedule } = schedules.create({ chartId: getChartBySlug(database, 'global-28')!.id });
  return { database, schedules, executions, runner, schedule };
}

describe('SyncRunner after an error of its own', () => {
  it('closes the execution as failed instead of leaving it running until a restart', async () => {
    const failure = new Error('the worker pool could not start');
    const { schedules, executions, runner, schedule } = setup({
      sync: () => {
        throw failure;
      },
    });
    const execution = executions.start(schedule.id, 'manual');
    await expect(runner.run(execution.id)).rejects.toBe(failure);
    expect(runner.isRunning(execution.id)).toBe(false);
    expect(executions.get(execution.id)).toMatchObject({
      status: 'failed',
      errorCode: 'internal',
      errorMessage: UNEXPECTED_FAILURE_MESSAGE,
    });
    expect(schedules.get(schedule.id)).toMatchObject({ totalExecutions: 1, failedExecutions: 1 });
    // Nothing holds the schedule any more: it syncs again, and can be deleted.
    expect(executions.start(schedule.id, 'manual').status).toBe('pending');
  });
});

describe('SyncRunner cancel and shutdown', () => {
  /** A pool whose one sync ends when the test says, the way the real pool ends an aborted one. */
  function controlledPool() {
    let end: (outcome: SyncDone) => void = () => {};
    const pool: Pick<SyncPool, 'sync'> = {
      sync: (_request, _onMessage, signal) => {
        const done = new Promise<SyncDone>((resolve) => (end = resolve));
        signal?.addEventListener('abort', () =>
          end({
            ok: false,
            error: {
              code: 'cancelled',
              message: 'Cancelled by the operator.',
              status: null,
              retryable: false,
            },
          }),
        );
        return { done, stop: () => {} };
      },
    };
    return { pool, end: (outcome: SyncDone) => end(outcome) };
  }

  it('a cancel followed by a shutdown (Ctrl-C right after) stays a cancel, not a retry', async () => {
    const { pool } = controlledPool();
    const { executions, runner, schedule } = setup(pool);
    const execution = executions.start(schedule.id, 'manual');
    const run = runner.run(execution.id);
    expect(runner.cancel(execution.id)).toBe(true);
    await runner.shutdown();
    await run;
    expect(executions.get(execution.id)).toMatchObject({ status: 'cancelled', retryCount: 0 });
  });

  it('a shutdown lets the period in flight end, then puts the execution back to pending', async () => {
    const { pool, end } = controlledPool();
    const { executions, runner, schedule } = setup(pool);
    const execution = executions.start(schedule.id, 'manual');
    const run = runner.run(execution.id);
    const stopped = runner.shutdown();
    end({
      ok: true,
      summary: {
        periodsPlanned: 0,
        periodsFetched: 0,
        periodsFailed: 0,
        requestsMade: 0,
        requestFailures: {},
      },
    });
    await stopped;
    await run;
    expect(executions.get(execution.id)).toMatchObject({ status: 'pending', retryCount: 0 });
  });
});

describe('SyncRunner on a schedule row written by hand', () => {
  it('plans a history window out of bounds with the nearest bound instead of failing', async () => {
    const requests: SyncRequest[] = [];
    const pool: Pick<SyncPool, 'sync'> = {
      sync: (request) => {
        requests.push(request);
        const summary = {
          periodsPlanned: 0,
          periodsFetched: 0,
          periodsFailed: 0,
          requestsMade: 0,
          requestFailures: {},
        };
        return { done: Promise.resolve({ ok: true, summary }), stop: () => {} };
      },
    };
    const { database, executions, runner, schedule } = setup(pool);
    // The database does not bound the day count: a hand edit can leave 0.
    database.sqlite
      .prepare('UPDATE chart_sync_schedules SET history_window_days = 0 WHERE id = ?')
      .run(schedule.id);
    const execution = executions.start(schedule.id, 'manual');
    expect(await runner.run(execution.id)).toMatchObject({ status: 'completed' });
    expect(requests.map((r) => r.window)).toEqual([{ from: '2026-11-23', to: '2026-11-23' }]);
  });
});
