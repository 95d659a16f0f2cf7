import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getChartBySlug } from '../../../electron/engine/db/queries/charts';
import { SyncScheduler } from '../../../electron/engine/scheduler/sync-scheduler';
import { ExecutionService } from '../../../electron/engine/schedules/execution-service';
import { ScheduleService } from '../../../electron/engine/schedules/schedule-service';
import type { SyncRunner } from '../../../electron/engine/sync/sync-runner';
import { HOUR_MS, MINUTE_MS } from '../../../shared/domain/policies';
import { memoryDatabaseWithCharts } from '../../support/database';
import { FakeClock } from '../../support/fake-clock';

const START = Date.UTC(2026, 10, 23, 9, 0, 0);
// Below CLOCK_JUMP_TOLERANCE_MS: an ordinary tick, where the wall clock moves as much as the timers, is no jump.
const TICK_MS = 30_000;
const COUNTS = { rankingsCreated: 1, rankingsUpdated: 0, tracksCreated: 0, tracksUpdated: 0 };

/** Runs that last until the test ends them: what matters here is which executions the scheduler starts. */
class StubRunner {
  readonly started: number[] = [];
  private readonly open = new Map<number, () => void>();
  constructor(private readonly executions: ExecutionService) {}
  get runningCount(): number {
    return this.open.size;
  }
  isRunning(id: number): boolean {
    return this.open.has(id);
  }
  run(id: number): Promise<void> {
    this.started.push(id);
    this.executions.markRunning(id);
    return new Promise((resolve) => this.open.set(id, resolve));
  }
  complete(id: number): void {
    this.executions.markCompleted(id, COUNTS);
    this.open.get(id)?.();
    this.open.delete(id);
  }
  async shutdown(): Promise<void> {
    for (const [id, resolve] of [...this.open]) {
      this.executions.requeue(id);
      resolve();
    }
    this.open.clear();
  }
}

let scheduler: SyncScheduler | null = null;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
});
afterEach(async () => {
  await scheduler?.stop();
  scheduler = null;
  vi.useRealTimers();
});

function setup() {
  const clock = new FakeClock(START);
  const database = memoryDatabaseWithCharts(clock.nowFn);
  const schedules = new ScheduleService(database, clock.nowFn);
  const executions = new ExecutionService(database, clock.nowFn, () => 0.5);
  const runner = new StubRunner(executions);
  const { schedule } = schedules.create({
    chartId: getChartBySlug(database, 'global-28')!.id,
    syncFrequency: 'custom',
    customIntervalHours: 1,
  });
  const ticks = { count: 0 };
  scheduler = new SyncScheduler({
    schedules,
    executions,
    runner: runner as unknown as SyncRunner,
    now: clock.nowFn,
    tickMs: TICK_MS,
    onTick: () => (ticks.count += 1),
  });
  return { clock, schedules, executions, runner, schedule, scheduler, ticks };
}

/** Lets the passes started by timers (and their promise chains) run. */
async function settle(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
}

describe('the scheduler after a sleep', () => {
  it('resume() drops the armed wake-up and runs one catch-up pass: one run for five missed slots', async () => {
    const { clock, schedules, executions, runner, schedule, scheduler, ticks } = setup();
    scheduler.start();
    await settle();
    expect(runner.started).toEqual([]);
    // The tick and the wake-up armed for the next slot.
    expect(vi.getTimerCount()).toBe(2);

    clock.advance(5 * HOUR_MS + 10 * MINUTE_MS);
    const ticksBefore = ticks.count;
    const summary = await scheduler.resume();
    expect(summary?.created).toHaveLength(1);
    expect(runner.started).toEqual(summary?.created);
    expect(executions.get(summary!.created[0]!).trigger).toBe('catch_up');
    // The clock rules (overdue alerts) see the new time at once.
    expect(ticks.count).toBe(ticksBefore + 1);
    // The stale wake-up is gone; nothing is armed while the only schedule runs.
    expect(vi.getTimerCount()).toBe(1);

    // The slots missed in the sleep do not come back as further runs, neither at the ticks nor after the run.
    await vi.advanceTimersByTimeAsync(3 * TICK_MS);
    runner.complete(summary!.created[0]!);
    await settle();
    await vi.advanceTimersByTimeAsync(3 * TICK_MS);
    expect(executions.listForSchedule(schedule.id)).toHaveLength(1);
    const after = schedules.get(schedule.id);
    expect(after.nextSyncAt! > clock.now()).toBe(true);
    // Back on the grid: a whole number of hours after the original slot.
    expect((after.nextSyncAt! - schedule.nextSyncAt!) % HOUR_MS).toBe(0);
  });

  it('a tick that sees the wall clock jump runs the same catch-up once', async () => {
    const { clock, executions, runner, schedule, scheduler } = setup();
    scheduler.start();
    await settle();

    // Ordinary ticks: wall clock and timers move together; nothing is due yet.
    for (let i = 0; i < 3; i += 1) {
      clock.advance(TICK_MS);
      await vi.advanceTimersByTimeAsync(TICK_MS);
    }
    expect(runner.started).toEqual([]);
    expect(vi.getTimerCount()).toBe(2);

    // Asleep for five hours: the timers did not move, the wall clock did; the next tick notices.
    clock.advance(5 * HOUR_MS);
    await vi.advanceTimersByTimeAsync(TICK_MS);
    const runs = executions.listForSchedule(schedule.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.trigger).toBe('catch_up');
    expect(runner.started).toEqual([runs[0]!.id]);
    expect(vi.getTimerCount()).toBe(1);

    await vi.advanceTimersByTimeAsync(5 * TICK_MS);
    expect(executions.listForSchedule(schedule.id)).toHaveLength(1);
  });

  it('a resume with nothing missed starts nothing and re-arms the wake-up for the next slot', async () => {
    const { clock, runner, scheduler } = setup();
    scheduler.start();
    await settle();
    clock.advance(10 * MINUTE_MS);
    const summary = await scheduler.resume();
    expect(summary).toEqual({ created: [], started: [] });
    expect(runner.started).toEqual([]);
    expect(vi.getTimerCount()).toBe(2);
  });

  it('a host that does not schedule (the CLI) ignores a resume', async () => {
    const { clock, runner, scheduler } = setup();
    clock.advance(5 * HOUR_MS);
    expect(scheduler.resume()).toBeNull();
    await settle();
    expect(runner.started).toEqual([]);
  });
});
