import { describe, expect, it } from 'vitest';
import { getChartBySlug } from '../../../electron/engine/db/queries/charts';
import { ExecutionService } from '../../../electron/engine/schedules/execution-service';
import { ScheduleService } from '../../../electron/engine/schedules/schedule-service';
import { HOUR_MS } from '../../../shared/domain/policies';
import { memoryDatabaseWithCharts } from '../../support/database';
import { FakeClock } from '../../support/fake-clock';

const START = Date.UTC(2026, 10, 23, 9, 0, 0);
const COUNTS = { rankingsCreated: 3, rankingsUpdated: 0, tracksCreated: 10, tracksUpdated: 0 };

function setup() {
  const clock = new FakeClock(START);
  const database = memoryDatabaseWithCharts(clock.nowFn);
  const schedules = new ScheduleService(database, clock.nowFn);
  const executions = new ExecutionService(database, clock.nowFn, () => 0.25);
  const { schedule } = schedules.create({ chartId: getChartBySlug(database, 'global-28')!.id });
  return { clock, executions, schedule };
}

describe('an interrupted execution ends at its last heartbeat (defect 7.3)', () => {
  it('completed_at and the duration come from the last sign of life, not from when the next start noticed', () => {
    const { clock, executions, schedule } = setup();
    const execution = executions.start(schedule.id, 'manual');
    executions.markRunning(execution.id);
    clock.advance(30_000);
    executions.recordProgress(execution.id, COUNTS);
    clock.advance(10_000);
    executions.heartbeat(execution.id);
    // The process dies here; the next one starts two hours later.
    clock.advance(2 * HOUR_MS);
    executions.interruptRunning();
    const interrupted = executions.get(execution.id);
    expect(interrupted.status).toBe('interrupted');
    expect(interrupted.completedAt).toBe(START + 40_000);
    expect(interrupted.durationMs).toBe(40_000);
  });

  it('a run that died before any heartbeat ends when it started (zero, not the downtime)', () => {
    const { clock, executions, schedule } = setup();
    const execution = executions.start(schedule.id, 'manual');
    executions.markRunning(execution.id);
    clock.advance(3 * HOUR_MS);
    executions.interruptRunning();
    expect(executions.get(execution.id)).toMatchObject({ completedAt: START, durationMs: 0 });
  });
});
