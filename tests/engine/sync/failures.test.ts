import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/database';
import { storedRankings, useTestEngine } from '../../support/sync-engine';

const { emulator, start: setup } = useTestEngine();
const tempDir = useTempDir();

const faultCount = (fault: string) => emulator.current.stats.count((r) => r.fault === fault);

describe('sync failures', () => {
  it('waits out a rate-limit 429 for every request, then resumes without spending a retry', async () => {
    const { engine, chartId } = await setup();
    const id = chartId({ slug: 'global-28' });
    engine.schedules.create({ chartId: id, historyWindowDays: 5, fetchTrackMetadata: false });
    emulator.current.stats.reset();
    emulator.current.faults.configure({ rateLimit: { next: 2, match: '/ranking/', resetSeconds: 1 } });
    const execution = await engine.syncChart(id);
    expect(execution).toMatchObject({ status: 'completed', rankingsCreated: 5, retryCount: 0 });
    expect(faultCount('rateLimit')).toBe(2);
  });

  it('a malformed answer at 10 % is retried per request: the sync completes with every period', async () => {
    const { engine, chartId } = await setup();
    const id = chartId({ slug: 'global-28' });
    const { schedule } = engine.schedules.create({
      chartId: id,
      historyWindowDays: 60,
      fetchTrackMetadata: false,
    });
    emulator.current.stats.reset();
    emulator.current.faults.configure({ malformedJson: { probability: 0.1 } });
    const execution = await engine.syncChart(id);
    expect(faultCount('malformedJson')).toBeGreaterThan(5);
    expect(execution).toMatchObject({
      status: 'completed',
      retryCount: 0,
      periodsPlanned: 60,
      periodsSynced: 60,
      periodsFailed: 0,
    });
    expect(storedRankings(engine, id).size).toBe(60);
    expect(engine.schedules.get(schedule.id)).toMatchObject({ totalExecutions: 1, successfulExecutions: 1 });
  });

  it('stops at once on an exhausted quota, without retrying, and flags the schedule', async () => {
    const { engine, chartId } = await setup();
    const id = chartId({ slug: 'global-28' });
    const { schedule } = engine.schedules.create({
      chartId: id,
      historyWindowDays: 30,
      fetchTrackMetadata: false,
    });
    emulator.current.faults.configure({ quotaExhausted: { next: 1, match: '/ranking/' } });
    const execution = await engine.syncChart(id);
    expect(execution).toMatchObject({ status: 'failed', errorCode: 'quota_exhausted', retryCount: 0 });
    const view = engine.schedules.get(schedule.id);
    expect(view.attentionReason).toMatch(/quota/i);
    expect(view).toMatchObject({ totalExecutions: 1, failedExecutions: 1 });
  });

  it('fails fast on a 401, without retrying, and flags the schedule', async () => {
    const { engine, chartId } = await setup();
    const id = chartId({ slug: 'global-28' });
    const { schedule } = engine.schedules.create({
      chartId: id,
      historyWindowDays: 30,
      fetchTrackMetadata: false,
    });
    emulator.current.stats.reset();
    emulator.current.faults.configure({ unauthorized: { probability: 1 } });
    const execution = await engine.syncChart(id);
    expect(execution).toMatchObject({
      status: 'failed',
      errorCode: 'auth',
      retryCount: 0,
      rankingsCreated: 0,
    });
    // The one ranking-side request; team/usage (the plan's rate limit, read as the engine starts syncing) aside.
    expect(emulator.current.stats.count((r) => !r.path.includes('/team/usage'))).toBe(1);
    expect(engine.schedules.get(schedule.id).attentionReason).not.toBeNull();
  });

  it('runs two due schedules at a time; the third waits as pending', async () => {
    const { engine, chartId } = await setup();
    const ids = [
      chartId({ slug: 'global-28' }),
      chartId({ frequency: 'weekly' }),
      chartId({ frequency: 'monthly' }),
    ];
    for (const id of ids) {
      engine.schedules.create({
        chartId: id,
        historyWindowDays: 20,
        syncImmediately: true,
        fetchTrackMetadata: false,
      });
    }
    emulator.current.faults.configure({ latency: { minMs: 15, maxMs: 15 } });
    const pass = await engine.scheduler.wake();
    expect(pass.started).toHaveLength(2);
    const waiting = engine.executions.listActive().filter((e) => !engine.runner.isRunning(e.id));
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.status).toBe('pending');
    expect(engine.runner.runningCount).toBe(2);
    await engine.scheduler.idle();
    const statuses = ids.map(
      (id) => engine.executions.listForSchedule(engine.schedules.getByChart(id)!.id)[0]!.status,
    );
    expect(statuses).toEqual(['completed', 'completed', 'completed']);
  });

  it('cancels a running sync: stored periods stay whole, nothing is counted', async () => {
    const { engine, chartId } = await setup();
    const id = chartId({ slug: 'global-28' });
    const { schedule } = engine.schedules.create({
      chartId: id,
      historyWindowDays: 120,
      fetchTrackMetadata: false,
    });
    emulator.current.faults.configure({ latency: { minMs: 10, maxMs: 10 } });
    const execution = engine.executions.start(schedule.id, 'manual');
    const stored = new Promise<void>((resolve) =>
      engine.events.on('execution/progress', (p) => p.periodsSynced >= 3 && resolve()),
    );
    await engine.scheduler.wake();
    await stored;
    engine.cancel(execution.id);
    await engine.scheduler.idle();
    const cancelled = engine.executions.get(execution.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.periodsSynced).toBeGreaterThanOrEqual(3);
    expect(cancelled.periodsSynced).toBeLessThan(120);
    for (const entries of storedRankings(engine, id).values()) expect(entries).toHaveLength(200);
    expect(engine.schedules.get(schedule.id)).toMatchObject({ totalExecutions: 0, successfulExecutions: 0 });
  });

  it('a process killed mid-backfill leaves no partial snapshot, and the next run completes it', async () => {
    const file = join(tempDir(), 'chart-sync.sqlite');
    emulator.current.faults.configure({ latency: { minMs: 3, maxMs: 3 } });
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/support/backfill-child.ts', file, emulator.current.url],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const storedCount = () => {
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
    };
    await expect.poll(storedCount, { timeout: 30_000, interval: 50 }).toBeGreaterThanOrEqual(20);
    child.kill('SIGKILL');
    await exited;
    emulator.current.faults.reset();

    const { engine, chartId } = await setup({ file });
    const partial = engine.database.sqlite
      .prepare(
        `SELECT count(*) AS n FROM chart_rankings r
         WHERE r.entry_count <> r.reported_total
            OR r.entry_count <> (SELECT count(*) FROM chart_ranking_entries e WHERE e.ranking_id = r.id)`,
      )
      .get() as { n: number };
    expect(partial.n).toBe(0);
    const id = chartId({ slug: 'global-28' });
    const before = storedRankings(engine, id).size;
    expect(before).toBeGreaterThanOrEqual(20);
    expect(before).toBeLessThan(365);

    const resumed = await engine.syncChart(id);
    expect(engine.interruptedAtStart).toBe(1);
    expect(resumed).toMatchObject({ status: 'completed', rankingsCreated: 365 - before });
    const rankings = storedRankings(engine, id);
    expect(rankings.size).toBe(365);
    for (const entries of rankings.values()) expect(entries).toHaveLength(200);
  }, 90_000);
});
