import { beforeEach, describe, expect, it } from 'vitest';
import { listChartsWithSchedules } from '../../../electron/engine/db/queries/chart-list';
import { getChartBySlug } from '../../../electron/engine/db/queries/charts';
import { loadScheduleHealth, recentExecutions } from '../../../electron/engine/health/load-schedule-health';
import { healthOf } from '../../../electron/engine/health/schedule-health';
import { ExecutionService } from '../../../electron/engine/schedules/execution-service';
import { ScheduleService } from '../../../electron/engine/schedules/schedule-service';
import { HEALTH_FAILING_STREAK, HOUR_MS, MINUTE_MS } from '../../../shared/domain/policies';
import { memoryDatabaseWithCharts } from '../../support/database';
import { FakeClock } from '../../support/fake-clock';

const START = Date.UTC(2026, 10, 23, 9, 0, 0);
const COUNTS = { rankingsCreated: 1, rankingsUpdated: 0, tracksCreated: 0, tracksUpdated: 0 };
const FAILURE = { code: 'server_error', message: 'Soundcharts answered 500.' } as const;

function setup() {
  const clock = new FakeClock(START);
  const database = memoryDatabaseWithCharts(clock.nowFn);
  const schedules = new ScheduleService(database, clock.nowFn);
  const executions = new ExecutionService(database, clock.nowFn, () => 0.5);
  const scheduleOf = (slug: string) =>
    schedules.create({ chartId: getChartBySlug(database, slug)!.id }).schedule.id;
  type Outcome = 'completed' | 'failed' | 'cancelled' | 'interrupted';
  /** Runs one execution to `outcome`; the clock does not move, so only the id orders runs of one instant. */
  const runTo = (scheduleId: number, outcome: Outcome) => {
    const { id } = executions.start(scheduleId, 'manual');
    executions.markRunning(id);
    if (outcome === 'completed') executions.markCompleted(id, COUNTS);
    if (outcome === 'failed') executions.markFailed(id, FAILURE);
    if (outcome === 'cancelled') executions.cancel(id);
    if (outcome === 'interrupted') {
      executions.interruptRunning();
      // Start-up resumes what a crash cut off; a resumption cancelled is not a run that counts.
      for (const open of executions.listActive()) executions.cancel(open.id);
    }
    return id;
  };
  return { clock, database, schedules, executions, scheduleOf, runTo };
}

describe('loadScheduleHealth and the list queries (one window function over every schedule)', () => {
  let ctx: ReturnType<typeof setup>;
  beforeEach(() => {
    ctx = setup();
  });

  it("reads each schedule's own latest runs, newest first by time then id, cancelled ones left out", () => {
    const streak = ctx.scheduleOf('global-28');
    const recovered = ctx.scheduleOf('us-weekly-7');
    const cancelledBetween = ctx.scheduleOf('fr-monthly-3');
    for (let i = 0; i < 5; i++) ctx.runTo(streak, 'completed');
    for (let i = 0; i < HEALTH_FAILING_STREAK; i++) ctx.runTo(streak, 'interrupted');
    ctx.runTo(recovered, 'failed');
    ctx.runTo(recovered, 'failed');
    ctx.runTo(recovered, 'completed');
    ctx.runTo(cancelledBetween, 'interrupted');
    ctx.runTo(cancelledBetween, 'cancelled');
    ctx.runTo(cancelledBetween, 'interrupted');
    ctx.runTo(cancelledBetween, 'cancelled');
    ctx.runTo(cancelledBetween, 'cancelled');
    ctx.runTo(cancelledBetween, 'interrupted');

    const health = loadScheduleHealth(ctx.database, ctx.clock.now());
    expect(health.get(streak)).toMatchObject({ health: 'failing', scheduleId: streak });
    expect(health.get(recovered)?.health).toBe('on_time');
    expect(health.get(cancelledBetween)?.health).toBe('failing');

    const recent = recentExecutions(ctx.database);
    expect(recent.get(streak)?.map((e) => e.status)).toEqual(['interrupted', 'interrupted', 'interrupted']);
    expect(recent.get(recovered)?.map((e) => e.status)).toEqual(['completed', 'failed', 'failed']);
    expect(recentExecutions(ctx.database, recovered)).toEqual(new Map([[recovered, recent.get(recovered)]]));
  });

  it('puts the open run beside the latest final ones, and a retry reads retrying', () => {
    const id = ctx.scheduleOf('global-28');
    for (let i = 0; i < 4; i++) ctx.runTo(id, 'completed');
    const { id: open } = ctx.executions.start(id, 'manual');
    ctx.executions.markRunning(open);
    ctx.executions.retryOrFail(open, FAILURE);
    ctx.clock.advance(MINUTE_MS);
    expect(
      recentExecutions(ctx.database)
        .get(id)
        ?.map((e) => e.status),
    ).toEqual(['pending', 'completed', 'completed', 'completed']);
    expect(loadScheduleHealth(ctx.database, ctx.clock.now()).get(id)?.health).toBe('retrying');
  });

  it('gives every schedule an entry, those without runs included, and agrees with the views', () => {
    const fresh = ctx.scheduleOf('global-28');
    const failing = ctx.scheduleOf('us-weekly-7');
    ctx.runTo(failing, 'failed');
    const paused = ctx.scheduleOf('fr-monthly-3');
    ctx.schedules.setActive(paused, false);
    ctx.clock.advance(2 * HOUR_MS);
    const health = loadScheduleHealth(ctx.database, ctx.clock.now());
    expect([...health.keys()].sort()).toEqual([fresh, failing, paused].sort());
    for (const view of ctx.schedules.list()) {
      expect(health.get(view.id)).toEqual({
        health: view.health,
        reason: view.healthReason,
        scheduleId: view.id,
        chartId: view.chart.id,
      });
    }
    expect([health.get(fresh)?.health, health.get(failing)?.health, health.get(paused)?.health]).toEqual([
      'never_synced',
      'failing',
      'paused',
    ]);
  });

  it("counts only executions carrying the schedule's id: a deleted schedule's failures stay behind", () => {
    const chartId = getChartBySlug(ctx.database, 'global-28')!.id;
    const old = ctx.scheduleOf('global-28');
    for (let i = 0; i < HEALTH_FAILING_STREAK; i++) ctx.runTo(old, 'failed');
    ctx.schedules.remove(old);
    const kept = ctx.database.sqlite
      .prepare('SELECT count(*) AS n FROM chart_sync_executions WHERE chart_id = ? AND schedule_id IS NULL')
      .get(chartId) as { n: number };
    expect(kept.n).toBe(HEALTH_FAILING_STREAK);
    const again = ctx.schedules.create({ chartId }).schedule;
    expect(again.health).toBe('never_synced');
    expect(loadScheduleHealth(ctx.database, ctx.clock.now()).get(again.id)?.health).toBe('never_synced');
    const entry = listChartsWithSchedules(ctx.database).find((e) => e.chart.id === chartId)!;
    expect(entry.recent).toEqual([]);
    expect(healthOf(entry.schedule!, entry.recent, ctx.clock.now()).health).toBe('never_synced');
  });

  it("the chart list is one row group per chart, in catalogue order, each with its schedule's runs", () => {
    const id = ctx.scheduleOf('global-28');
    for (let i = 0; i < 6; i++) ctx.runTo(id, i % 2 === 0 ? 'failed' : 'completed');
    const entries = listChartsWithSchedules(ctx.database);
    const chartCount = ctx.database.sqlite.prepare('SELECT count(*) AS n FROM charts').get() as { n: number };
    expect(entries).toHaveLength(chartCount.n);
    expect(new Set(entries.map((e) => e.chart.id)).size).toBe(chartCount.n);
    const scheduled = entries.filter((e) => e.schedule !== null);
    expect(scheduled.map((e) => e.schedule!.id)).toEqual([id]);
    expect(scheduled[0]!.recent.map((e) => e.status)).toEqual(['completed', 'failed', 'completed']);
    expect(entries.filter((e) => e.schedule === null).every((e) => e.recent.length === 0)).toBe(true);
  });
});
