import { describe, expect, it, vi } from 'vitest';
import { getChartBySlug } from '../../../electron/engine/db/queries/charts';
import { ExecutionService } from '../../../electron/engine/schedules/execution-service';
import {
  ScheduleService,
  type ScheduleChangeAction,
} from '../../../electron/engine/schedules/schedule-service';
import { DAY_MS } from '../../../shared/domain/policies';
import { memoryDatabaseWithCharts } from '../../support/database';
import { FakeClock } from '../../support/fake-clock';
import { errorOf } from '../../support/errors';

const START = Date.UTC(2026, 10, 23, 9, 0, 0);
const COUNTS = { rankingsCreated: 1, rankingsUpdated: 0, tracksCreated: 0, tracksUpdated: 0 };

function setup() {
  const clock = new FakeClock(START);
  const database = memoryDatabaseWithCharts(clock.nowFn);
  const scheduleChanges: string[] = [];
  const executionChanges: string[] = [];
  const schedules = new ScheduleService(
    database,
    clock.nowFn,
    (action: ScheduleChangeAction, schedule, execution) =>
      scheduleChanges.push(`${action} ${schedule.id}${execution ? ` +execution ${execution.status}` : ''}`),
  );
  const executions = new ExecutionService(
    database,
    clock.nowFn,
    () => 0.5,
    (execution, closed) =>
      executionChanges.push(`${execution.id} ${execution.status}${closed ? ' closed' : ''}`),
  );
  const chartId = (slug: string) => getChartBySlug(database, slug)!.id;
  return { clock, database, schedules, executions, scheduleChanges, executionChanges, chartId };
}

describe('the schedule service tells of every change', () => {
  it('creation (with its immediate execution), update, pause, resume, attention, deletion', () => {
    const { schedules, scheduleChanges, chartId } = setup();
    const { schedule, immediateExecution } = schedules.create({
      chartId: chartId('global-28'),
      syncImmediately: true,
    });
    expect(immediateExecution).toMatchObject({ status: 'pending', trigger: 'immediate' });
    schedules.update(schedule.id, { historyWindowDays: 30 });
    schedules.setActive(schedule.id, false);
    schedules.update(schedule.id, { isActive: true });
    schedules.setAttention(schedule.id, 'Soundcharts refused the credentials.');
    // The same reason again, and clearing a reason that is not set, change nothing.
    schedules.setAttention(schedule.id, 'Soundcharts refused the credentials.');
    schedules.setAttention(schedule.id, null);
    schedules.setAttention(schedule.id, null);
    schedules.remove(schedule.id);
    const id = schedule.id;
    expect(scheduleChanges).toEqual([
      `schedule.created ${id} +execution pending`,
      `schedule.updated ${id}`,
      `schedule.paused ${id}`,
      `schedule.updated ${id}`,
      `schedule.resumed ${id}`,
      `schedule.attention ${id}`,
      `schedule.attention ${id}`,
      // The immediate execution was still waiting: the deletion cancelled it, and says so.
      `schedule.deleted ${id} +execution cancelled`,
    ]);
  });

  it('resuming through update follows setActive’s rule: a slot passed while paused is due at once', () => {
    const { clock, schedules, chartId } = setup();
    const { schedule } = schedules.create({ chartId: chartId('global-28'), isActive: false });
    clock.set(START + 10 * DAY_MS);
    const resumed = schedules.update(schedule.id, { isActive: true, fetchTrackMetadata: false });
    expect(resumed.nextSyncAt).toBe(START + 10 * DAY_MS);
    expect(schedules.due().map((s) => s.id)).toEqual([schedule.id]);
    // A resume with a new timing starts on the new grid instead.
    schedules.setActive(schedule.id, false);
    clock.set(START + 20 * DAY_MS);
    const regridded = schedules.update(schedule.id, { isActive: true, syncFrequency: 'weekly' });
    expect(regridded.nextSyncAt).toBe(START + 27 * DAY_MS);
  });

  it('a creation that loses a race for the chart reports schedule_exists, not an internal error', () => {
    const { schedules, chartId } = setup();
    schedules.create({ chartId: chartId('global-28') });
    // As if another connection inserted it between the check and the insert.
    vi.spyOn(schedules as unknown as { findRowByChart: () => undefined }, 'findRowByChart').mockReturnValue(
      undefined,
    );
    const error = errorOf(() => schedules.create({ chartId: chartId('global-28') }));
    expect(error.code).toBe('schedule_exists');
    expect(error.message).toBe('"Top Songs" already has a sync schedule; edit that one instead.');
  });

  it('a stored timing that cannot be used is flagged, not run on its own, and survives a manual run', () => {
    const { database, schedules, executions, chartId } = setup();
    const broken = schedules.create({ chartId: chartId('global-28') }).schedule;
    const fine = schedules.create({ chartId: chartId('us-weekly-7') }).schedule;
    database.sqlite
      .prepare(
        "UPDATE chart_sync_schedules SET custom_interval_hours = 100000, sync_frequency = 'custom', next_sync_at = 0 WHERE id = ?",
      )
      .run(broken.id);
    const list = schedules.list();
    expect(list.map((s) => s.id).sort()).toEqual([broken.id, fine.id].sort());
    const flagged = list.find((s) => s.id === broken.id)!;
    expect(flagged.attentionReason).toMatch(
      /^This schedule's timing cannot be used \(The custom interval must be/,
    );
    expect(flagged.intervalMs).toBe(100_000 * 3_600_000);
    expect(schedules.due()).toEqual([]);
    const execution = executions.start(broken.id, 'manual');
    executions.markRunning(execution.id);
    expect(executions.markCompleted(execution.id, COUNTS).status).toBe('completed');
    expect(schedules.get(broken.id)).toMatchObject({ nextSyncAt: null, successfulExecutions: 1 });
  });
});

describe('the execution service tells of every state change', () => {
  it('start, run, retry, requeue, close; closing is flagged (the schedule changed too)', () => {
    const { schedules, executions, executionChanges, chartId } = setup();
    const { schedule } = schedules.create({ chartId: chartId('global-28') });
    const a = executions.start(schedule.id, 'manual').id;
    executions.markRunning(a);
    executions.retryOrFail(a, { code: 'server_error', message: 'Soundcharts answered 500.' });
    executions.markRunning(a);
    executions.requeue(a);
    executions.markRunning(a);
    executions.markCompleted(a, COUNTS);
    const b = executions.start(schedule.id, 'manual').id;
    executions.cancel(b);
    expect(executionChanges).toEqual([
      `${a} pending`,
      `${a} running`,
      `${a} pending`,
      `${a} running`,
      `${a} pending`,
      `${a} running`,
      `${a} completed closed`,
      `${b} pending`,
      `${b} cancelled closed`,
    ]);
  });

  it('says whether the open sync runs or waits for a retry when refusing a second one', () => {
    const { schedules, executions, chartId } = setup();
    const { schedule } = schedules.create({ chartId: chartId('global-28') });
    const first = executions.start(schedule.id, 'manual').id;
    expect(errorOf(() => executions.start(schedule.id, 'manual')).message).toBe(
      'A sync of "Top Songs" is already waiting to start; it was not started twice. Cancel it first to start a new one.',
    );
    executions.markRunning(first);
    expect(errorOf(() => executions.start(schedule.id, 'manual')).message).toMatch(/is already running;/);
    executions.retryOrFail(first, { code: 'server_error', message: 'Soundcharts answered 500.' });
    expect(errorOf(() => executions.start(schedule.id, 'manual')).message).toMatch(
      new RegExp(`is waiting to retry at ${new Date(executions.get(first).nextAttemptAt!).toISOString()};`),
    );
    expect(errorOf(() => executions.start(404, 'manual')).message).toBe('Schedule 404 does not exist.');
  });
});
