import { beforeEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../electron/engine/db/open-database';
import { getChartBySlug } from '../../../electron/engine/db/queries/charts';
import { ExecutionService } from '../../../electron/engine/schedules/execution-service';
import { ScheduleService } from '../../../electron/engine/schedules/schedule-service';
import { DAY_MS, HOUR_MS } from '../../../shared/domain/policies';
import { memoryDatabaseWithCharts } from '../../support/database';
import { FakeClock } from '../../support/fake-clock';
import { errorOf } from '../../support/errors';

const START = Date.UTC(2026, 10, 23, 9, 0, 0);

function setup() {
  const clock = new FakeClock(START);
  const database = memoryDatabaseWithCharts(clock.nowFn);
  const schedules = new ScheduleService(database, clock.nowFn);
  const executions = new ExecutionService(database, clock.nowFn, () => 0.5);
  const chartId = (slug: string) => getChartBySlug(database, slug)!.id;
  return { clock, database, schedules, executions, chartId };
}

describe('ScheduleService.create', () => {
  let ctx: ReturnType<typeof setup>;
  beforeEach(() => {
    ctx = setup();
  });

  it.each([
    { slug: 'global-28', expected: 'daily', nextIn: DAY_MS },
    { slug: 'us-weekly-7', expected: 'weekly', nextIn: 7 * DAY_MS },
    { slug: 'fr-monthly-3', expected: 'monthly', nextIn: 30 * DAY_MS },
    { slug: 'shazam-odd-1', expected: 'weekly', nextIn: 7 * DAY_MS },
  ])(
    'detects $expected for $slug and schedules the first sync one interval out',
    ({ slug, expected, nextIn }) => {
      const { schedule, immediateExecutionId } = ctx.schedules.create({ chartId: ctx.chartId(slug) });
      expect(schedule.syncFrequency).toBe(expected);
      expect(schedule.nextSyncAt).toBe(START + nextIn);
      expect(schedule.anchorAt).toBe(START);
      expect(schedule.isActive).toBe(true);
      expect(schedule.syncHistoricalData).toBe(true);
      expect(schedule.fetchTrackMetadata).toBe(true);
      expect(schedule.historyWindowDays).toBe(365);
      expect(schedule.status).toBe('active');
      expect(schedule.successRate).toBeNull();
      expect(immediateExecutionId).toBeNull();
    },
  );

  it('lets the operator override the detected frequency with custom hours', () => {
    const { schedule } = ctx.schedules.create({
      chartId: ctx.chartId('global-28'),
      syncFrequency: 'custom',
      customIntervalHours: 6,
    });
    expect(schedule.syncFrequency).toBe('custom');
    expect(schedule.customIntervalHours).toBe(6);
    expect(schedule.nextSyncAt).toBe(START + 6 * HOUR_MS);
    expect(schedule.intervalMs).toBe(6 * HOUR_MS);
  });

  it('schedules cron in its time zone', () => {
    const { schedule } = ctx.schedules.create({
      chartId: ctx.chartId('global-28'),
      syncFrequency: 'cron',
      cronExpression: '0 6 * * *',
      timeZone: 'Europe/Paris',
    });
    // 06:00 in Paris on 24 November 2026 is 05:00 UTC (CET, +01:00).
    expect(schedule.nextSyncAt).toBe(Date.UTC(2026, 10, 24, 5, 0, 0));
    expect(schedule.intervalMs).toBe(DAY_MS);
  });

  it('creates the immediate execution with the schedule when asked to sync at once', () => {
    const { schedule, immediateExecutionId } = ctx.schedules.create({
      chartId: ctx.chartId('global-28'),
      syncImmediately: true,
    });
    expect(immediateExecutionId).not.toBeNull();
    const execution = ctx.executions.get(immediateExecutionId!);
    expect(execution).toMatchObject({ scheduleId: schedule.id, status: 'pending', trigger: 'immediate' });
  });

  it('refuses a second schedule for the same chart with a clear error', () => {
    ctx.schedules.create({ chartId: ctx.chartId('global-28') });
    const error = errorOf(() => ctx.schedules.create({ chartId: ctx.chartId('global-28') }));
    expect(error.code).toBe('schedule_exists');
    expect(error.message).toContain('"Top Songs" already has a sync schedule');
  });

  it.each([
    { name: 'unknown chart', input: { chartId: 9999 }, code: 'not_found', text: /Chart 9999 does not exist/ },
    { name: 'chart id not a number', input: { chartId: 'abc' }, code: 'invalid_input', text: /chartId/ },
    {
      name: 'custom without hours',
      input: { syncFrequency: 'custom' },
      code: 'invalid_input',
      text: /customIntervalHours/,
    },
    {
      name: 'fractional hours',
      input: { syncFrequency: 'custom', customIntervalHours: 1.5 },
      code: 'invalid_input',
      text: /whole number of hours/,
    },
    {
      name: 'cron without a zone',
      input: { syncFrequency: 'cron', cronExpression: '0 6 * * *' },
      code: 'invalid_input',
      text: /timeZone/,
    },
    {
      name: 'cron that does not parse',
      input: { syncFrequency: 'cron', cronExpression: 'every day', timeZone: 'UTC' },
      code: 'invalid_input',
      text: /cronExpression/,
    },
    {
      name: 'unknown time zone',
      input: { syncFrequency: 'cron', cronExpression: '0 6 * * *', timeZone: 'Mars/Olympus' },
      code: 'invalid_input',
      text: /timeZone/,
    },
    {
      name: 'history window too long',
      input: { historyWindowDays: 5000 },
      code: 'invalid_input',
      text: /historyWindowDays/,
    },
    { name: 'unknown field', input: { colour: 'red' }, code: 'invalid_input', text: /colour/ },
  ])('rejects $name', ({ input, code, text }) => {
    const chartId = ctx.chartId('global-28');
    const error = errorOf(() => ctx.schedules.create({ chartId, ...input } as never));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(text);
    expect(ctx.schedules.list()).toEqual([]);
  });
});

describe('ScheduleService reads, updates and the grid', () => {
  let ctx: ReturnType<typeof setup>;
  beforeEach(() => {
    ctx = setup();
  });

  it('keeps next sync on the anchored grid however late a run finishes (no drift)', () => {
    const { schedule } = ctx.schedules.create({ chartId: ctx.chartId('global-28') });
    ctx.clock.set(START + DAY_MS + 3 * HOUR_MS);
    const execution = ctx.executions.start(schedule.id, 'scheduled');
    ctx.executions.markRunning(execution.id);
    ctx.clock.advance(40 * 60_000);
    ctx.executions.markCompleted(execution.id, {
      rankingsCreated: 1,
      rankingsUpdated: 0,
      tracksCreated: 200,
      tracksUpdated: 0,
    });
    expect(ctx.schedules.get(schedule.id).nextSyncAt).toBe(START + 2 * DAY_MS);
  });

  it('runs one catch-up after a long downtime, then realigns on the grid', () => {
    const { schedule } = ctx.schedules.create({ chartId: ctx.chartId('global-28') });
    ctx.clock.set(START + 5 * DAY_MS + HOUR_MS);
    expect(ctx.schedules.due().map((s) => s.id)).toEqual([schedule.id]);
    const execution = ctx.executions.start(schedule.id, 'catch_up');
    expect(ctx.schedules.due()).toEqual([]);
    ctx.executions.markRunning(execution.id);
    ctx.executions.markCompleted(execution.id, {
      rankingsCreated: 5,
      rankingsUpdated: 0,
      tracksCreated: 0,
      tracksUpdated: 0,
    });
    expect(ctx.schedules.get(schedule.id).nextSyncAt).toBe(START + 6 * DAY_MS);
    expect(ctx.schedules.due()).toEqual([]);
  });

  it('reports health and the chart status read from it on every read', () => {
    const { schedule } = ctx.schedules.create({ chartId: ctx.chartId('global-28') });
    const healthAt = (at: number) => {
      ctx.clock.set(at);
      const view = ctx.schedules.get(schedule.id);
      return [view.health, view.status];
    };
    expect(healthAt(START + HOUR_MS)).toEqual(['never_synced', 'active']);
    expect(healthAt(START + DAY_MS + HOUR_MS)).toEqual(['late', 'active']);
    expect(healthAt(START + 2 * DAY_MS + HOUR_MS)).toEqual(['overdue', 'overdue']);
    ctx.schedules.setActive(schedule.id, false);
    expect(healthAt(START + 3 * DAY_MS + HOUR_MS)).toEqual(['paused', 'inactive']);
  });

  it("health follows the schedule's own executions: running, retrying, failing, then on time", () => {
    const { schedule } = ctx.schedules.create({ chartId: ctx.chartId('global-28') });
    const other = ctx.schedules.create({ chartId: ctx.chartId('us-weekly-7') }).schedule;
    const failure = { code: 'server_error', message: 'Soundcharts answered 500.' } as const;
    const { id } = ctx.executions.start(schedule.id, 'manual');
    ctx.executions.markRunning(id);
    expect(ctx.schedules.get(schedule.id).health).toBe('running');
    ctx.executions.retryOrFail(id, failure);
    expect(ctx.schedules.get(schedule.id)).toMatchObject({
      health: 'retrying',
      healthReason: expect.stringContaining('Soundcharts answered 500'),
    });
    ctx.executions.markRunning(id);
    ctx.executions.markFailed(id, failure);
    expect(ctx.schedules.list().map((s) => [s.id, s.health])).toEqual([
      [schedule.id, 'failing'],
      [other.id, 'never_synced'],
    ]);
    const next = ctx.executions.start(schedule.id, 'manual').id;
    ctx.executions.markRunning(next);
    ctx.executions.markCompleted(next, {
      rankingsCreated: 1,
      rankingsUpdated: 0,
      tracksCreated: 0,
      tracksUpdated: 0,
    });
    expect(ctx.schedules.get(schedule.id).health).toBe('on_time');
    expect(ctx.schedules.get(other.id).health).toBe('never_synced');
  });

  it('due() leaves out paused schedules, future slots and schedules with a run in progress', () => {
    const daily = ctx.schedules.create({ chartId: ctx.chartId('global-28') }).schedule;
    const weekly = ctx.schedules.create({ chartId: ctx.chartId('us-weekly-7') }).schedule;
    const monthly = ctx.schedules.create({ chartId: ctx.chartId('fr-monthly-3') }).schedule;
    ctx.schedules.setActive(monthly.id, false);
    ctx.clock.set(START + 8 * DAY_MS);
    expect(ctx.schedules.due().map((s) => s.id)).toEqual([daily.id, weekly.id]);
    ctx.executions.start(weekly.id, 'scheduled');
    expect(ctx.schedules.due().map((s) => s.id)).toEqual([daily.id]);
  });

  it('resuming a paused schedule whose slot has passed makes it due once, at once', () => {
    const { schedule } = ctx.schedules.create({ chartId: ctx.chartId('global-28') });
    ctx.schedules.setActive(schedule.id, false);
    ctx.clock.set(START + 10 * DAY_MS);
    const resumed = ctx.schedules.setActive(schedule.id, true);
    expect(resumed.nextSyncAt).toBe(START + 10 * DAY_MS);
    expect(resumed.health).toBe('overdue');
    expect(ctx.schedules.due().map((s) => s.id)).toEqual([schedule.id]);
  });

  it('updates only the fields given, and re-anchors when the timing changes', () => {
    const { schedule } = ctx.schedules.create({ chartId: ctx.chartId('global-28') });
    ctx.clock.advance(2 * HOUR_MS);
    const sameTiming = ctx.schedules.update(schedule.id, {
      historyWindowDays: 90,
      fetchTrackMetadata: false,
    });
    expect(sameTiming).toMatchObject({ historyWindowDays: 90, fetchTrackMetadata: false, anchorAt: START });
    expect(sameTiming.nextSyncAt).toBe(START + DAY_MS);
    const custom = ctx.schedules.update(schedule.id, { syncFrequency: 'custom', customIntervalHours: 12 });
    expect(custom.anchorAt).toBe(START + 2 * HOUR_MS);
    expect(custom.nextSyncAt).toBe(START + 14 * HOUR_MS);
    const back = ctx.schedules.update(schedule.id, { syncFrequency: 'weekly' });
    expect(back.customIntervalHours).toBeNull();
  });

  it('refuses an update that leaves the timing incomplete, and changes nothing', () => {
    const { schedule } = ctx.schedules.create({ chartId: ctx.chartId('global-28') });
    const error = errorOf(() => ctx.schedules.update(schedule.id, { syncFrequency: 'cron' }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/cronExpression/);
    expect(ctx.schedules.get(schedule.id).syncFrequency).toBe('daily');
  });

  it('deletes a schedule with its history, and says so when it does not exist', () => {
    const { schedule } = ctx.schedules.create({ chartId: ctx.chartId('global-28'), syncImmediately: true });
    ctx.schedules.remove(schedule.id);
    expect(ctx.schedules.getByChart(ctx.chartId('global-28'))).toBeNull();
    expect(ctx.executions.listForSchedule(schedule.id)).toEqual([]);
    expect(errorOf(() => ctx.schedules.remove(schedule.id)).code).toBe('not_found');
    expect(errorOf(() => ctx.schedules.get(schedule.id)).code).toBe('not_found');
  });

  it('the database itself rejects values the code does not know', () => {
    const database: AppDatabase = ctx.database;
    expect(() =>
      database.sqlite
        .prepare(
          "INSERT INTO chart_sync_schedules (chart_id, sync_frequency, anchor_at) VALUES (?, 'fortnightly', 0)",
        )
        .run(ctx.chartId('global-28')),
    ).toThrow(/CHECK constraint failed/);
  });
});
