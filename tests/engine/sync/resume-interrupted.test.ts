import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/database';
import { storedRankings, useTestEngine } from '../../support/sync-engine';

const { emulator, start: setup } = useTestEngine();
const tempDir = useTempDir();

function storedCount(file: string): number {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM chart_rankings').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

describe('a sync cut off by a crash is resumed at the next start-up', () => {
  it('a manual sync killed with SIGKILL is resumed by the next host without being asked, and counted once', async () => {
    const file = join(tempDir(), 'chart-sync.sqlite');
    emulator.current.faults.configure({ latency: { minMs: 3, maxMs: 3 } });
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/support/backfill-child.ts', file, emulator.current.url],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await expect.poll(() => storedCount(file), { timeout: 30_000, interval: 50 }).toBeGreaterThanOrEqual(20);
    child.kill('SIGKILL');
    await exited;
    emulator.current.faults.reset();

    const { engine, chartId } = await setup({ file });
    const id = chartId({ slug: 'global-28' });
    const schedule = engine.schedules.getByChart(id)!;
    engine.startScheduler();
    await engine.scheduler.idle();

    const [resumed, interrupted] = engine.executions.listForSchedule(schedule.id);
    expect(interrupted).toMatchObject({ status: 'interrupted', trigger: 'manual' });
    expect(interrupted!.errorMessage).toContain(`execution ${resumed!.id}`);
    expect(resumed).toMatchObject({ status: 'completed', trigger: 'manual' });
    expect(storedRankings(engine, id).size).toBe(365);
    expect(engine.schedules.get(schedule.id)).toMatchObject({
      totalExecutions: 1,
      successfulExecutions: 1,
      failedExecutions: 0,
    });
  }, 90_000);

  it('a backfill of a paused schedule left running stays a backfill and fetches the whole window', async () => {
    const { engine, chartId } = await setup();
    const id = chartId({ slug: 'global-28' });
    const { schedule } = engine.schedules.create({
      chartId: id,
      isActive: false,
      historyWindowDays: 12,
      syncHistoricalData: false,
      fetchTrackMetadata: false,
    });
    const leftover = engine.executions.start(schedule.id, 'backfill');
    engine.executions.markRunning(leftover.id);

    engine.startScheduler();
    await engine.scheduler.idle();

    const [resumed, interrupted] = engine.executions.listForSchedule(schedule.id);
    expect(interrupted).toMatchObject({ id: leftover.id, status: 'interrupted' });
    expect(resumed).toMatchObject({ status: 'completed', trigger: 'backfill', rankingsCreated: 12 });
    expect(engine.schedules.get(schedule.id)).toMatchObject({ isActive: false, totalExecutions: 1 });
  });

  it('a scheduled run of a paused schedule is not resumed, and its message says what happens', async () => {
    const { engine, chartId } = await setup();
    const { schedule } = engine.schedules.create({
      chartId: chartId({ slug: 'global-28' }),
      historyWindowDays: 5,
      fetchTrackMetadata: false,
    });
    const leftover = engine.executions.start(schedule.id, 'scheduled');
    engine.executions.markRunning(leftover.id);
    engine.schedules.setActive(schedule.id, false);

    engine.startScheduler();
    await engine.scheduler.idle();

    expect(engine.executions.listForSchedule(schedule.id)).toHaveLength(1);
    const interrupted = engine.executions.get(leftover.id);
    expect(interrupted.status).toBe('interrupted');
    expect(interrupted.errorMessage).toMatch(/paused/);
    expect(interrupted.errorMessage).not.toMatch(/next run fetches the rest/);
    expect(engine.schedules.get(schedule.id)).toMatchObject({ totalExecutions: 1, failedExecutions: 1 });
  });
});
