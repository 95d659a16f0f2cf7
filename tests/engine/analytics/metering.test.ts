import { beforeEach, describe, expect, it, vi } from 'vitest';
import { hourStartOf } from '../../../electron/engine/analytics/usage-store';
import { useTestEngine } from '../../support/sync-engine';

const { emulator, start } = useTestEngine();
// One emulator serves the file: each test counts only its own requests (the catalogue import included).
beforeEach(() => emulator.current.stats.reset());

type UsageRow = { hour_start: number; kind: string; requests: number };
// The plan's rate limit is read from team/usage (free, metered as `other`) when the engine starts syncing: not a
// request of the sync.
const syncRequests = () => emulator.current.stats.count((r) => !r.path.includes('/team/usage'));
const usageRows = (engine: Awaited<ReturnType<typeof start>>['engine']) =>
  engine.database.sqlite
    .prepare('SELECT hour_start, kind, requests FROM api_usage_hourly ORDER BY hour_start, kind')
    .all() as UsageRow[];

describe('metering every Soundcharts request', () => {
  it("stores a sync's requests_made, equal to what the emulator received from the worker thread", async () => {
    const { engine, chartId } = await start();
    const id = chartId({ slug: 'global-28' });
    engine.schedules.create({ chartId: id, historyWindowDays: 10, fetchTrackMetadata: false });
    emulator.current.stats.reset();
    const execution = await engine.syncChart(id);
    expect(execution.status).toBe('completed');
    // The date list (its pages) and two pages for each of the 10 days of a 200-entry chart.
    const dateListPages = emulator.current.stats.count((r) => r.path.includes('/available-rankings'));
    expect(dateListPages).toBeGreaterThan(0);
    expect(execution.requestsMade).toBe(syncRequests());
    expect(execution.requestsMade).toBe(dateListPages + 10 * 2);
    expect(engine.executions.get(execution.id).requestsMade).toBe(dateListPages + 20);
  });

  it('counts retries of every attempt, with faults, and the hourly rows add up by kind', async () => {
    const { engine, chartId, clock } = await start();
    const discovery = emulator.current.stats.total;
    const id = chartId({ slug: 'global-28' });
    engine.schedules.create({ chartId: id, historyWindowDays: 30, fetchTrackMetadata: false });
    emulator.current.stats.reset();
    emulator.current.faults.configure({
      serverError: { probability: 0.15 },
      malformedJson: { probability: 0.05 },
    });
    let execution = await engine.syncChart(id);
    while (execution.status === 'pending') {
      clock.set(execution.nextAttemptAt!);
      await engine.scheduler.wake();
      await engine.scheduler.idle();
      execution = engine.executions.get(execution.id);
    }
    emulator.current.faults.reset();
    expect(emulator.current.stats.count((r) => r.fault !== null)).toBeGreaterThan(0);
    expect(execution.requestsMade).toBe(syncRequests());

    const recorded: unknown[] = [];
    engine.events.on('usage/recorded', (payload) => recorded.push(payload));
    engine.usage.flush();
    // An open dashboard hears that the requests it plots changed.
    expect(recorded.length).toBeGreaterThanOrEqual(1);
    const rows = usageRows(engine);
    expect(rows.every((r) => r.hour_start === hourStartOf(clock.now()))).toBe(true);
    const byKind = Object.fromEntries(rows.map((r) => [r.kind, r.requests]));
    expect(byKind).toEqual({
      chart_list: discovery,
      ranking: execution.requestsMade,
      other: emulator.current.stats.total - syncRequests(),
    });
    // A flush takes the counts: the next one adds nothing twice, and says nothing.
    const heard = recorded.length;
    engine.usage.flush();
    expect(usageRows(engine)).toEqual(rows);
    expect(recorded).toHaveLength(heard);
  });

  it('meters the main thread too, samples the quota once a minute, and records the plan size', async () => {
    const { engine, clock } = await start();
    emulator.current.stats.reset();
    const ranking = await engine.client.latestRanking('global-28');
    for (const song of ranking.entries.slice(0, 3)) await engine.client.songMetadata(song.song.uuid);
    engine.usage.flush();
    const byKind = () => Object.fromEntries(usageRows(engine).map((r) => [r.kind, r.requests]));
    expect(byKind()).toMatchObject({ ranking: 2, metadata: 3 });

    const samples = () =>
      engine.database.sqlite
        .prepare('SELECT at, remaining, quota_limit FROM quota_samples ORDER BY at')
        .all() as { at: number; remaining: number; quota_limit: number | null }[];
    expect(samples()).toHaveLength(1);
    expect(samples()[0]!.remaining).toBe(engine.quota.snapshot()!.remaining);
    // Another observation within the minute is not sampled; after a minute it is.
    await engine.client.songMetadata(ranking.entries[3]!.song.uuid);
    engine.usage.flush();
    expect(samples()).toHaveLength(1);
    clock.advance(60_000);
    await engine.client.songMetadata(ranking.entries[4]!.song.uuid);
    engine.usage.flush();
    expect(samples()).toHaveLength(2);
    expect(samples()[1]!.remaining).toBe(emulator.current.quota.remaining);

    // The emulator's plan size as its team/usage reports it.
    const limit = emulator.current.quota.total;
    expect(await engine.usage.refreshPlan()).toBe(limit);
    expect(samples().at(-1)!.quota_limit).toBe(limit);
    expect(engine.usage.quotaLimit).toBe(limit);
    // team/usage is free but sent: metered as `other`.
    engine.usage.flush();
    expect(byKind()).toMatchObject({ ranking: 2, metadata: 5, other: 1 });
  });

  it("reads team/usage once as scheduling starts: the plan's size and its rate limit come from one answer", async () => {
    const { engine } = await start();
    emulator.current.stats.reset();
    engine.startScheduler();
    await vi.waitFor(() => expect(engine.usage.quotaLimit).toBe(emulator.current.quota.total));
    await engine.scheduler.idle();
    expect(emulator.current.stats.count((r) => r.path.includes('/team/usage'))).toBe(1);
  });

  it('flushes what is left when the engine closes (a one-shot CLI command)', async () => {
    const { engine } = await start();
    const database = engine.database;
    await engine.client.latestRanking('global-28');
    let rows: UsageRow[] = [];
    const close = database.close.bind(database);
    database.close = () => {
      database.close = close;
      rows = usageRows(engine);
      close();
    };
    await engine.close();
    expect(rows.find((r) => r.kind === 'ranking')?.requests).toBe(2);
  });
});
