import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/engine/db/open-database';
import { Engine } from '../../../electron/engine/engine';
import { SANDBOX_CREDENTIALS } from '../../../electron/engine/soundcharts';
import type { ExecutionView } from '../../../shared/views/schedule-view';
import { HOUR_MS } from '../../../shared/domain/policies';
import { UNLIMITED_PER_MINUTE, useEmulator } from '../../support/emulator';
import { FAST_REQUEST_RETRY } from '../../support/sync-engine';

const emulator = useEmulator();
let engine: Engine | null = null;
afterEach(async () => {
  await engine?.close();
  engine = null;
});

/** An engine on the real clock, as the desktop app runs it: timers, not a test's hand, start the syncs. */
async function realTimeEngine(): Promise<Engine> {
  engine = new Engine({
    database: openDatabase({ file: ':memory:' }),
    version: 'test',
    connection: {
      baseUrl: emulator.current.url,
      credentials: SANDBOX_CREDENTIALS,
      retryPolicy: FAST_REQUEST_RETRY,
    },
    rateLimitPerMinute: UNLIMITED_PER_MINUTE,
  });
  await engine.discoverCharts();
  return engine;
}

function setNextSync(target: Engine, scheduleId: number, at: number): void {
  target.database.sqlite
    .prepare('UPDATE chart_sync_schedules SET next_sync_at = ? WHERE id = ?')
    .run(at, scheduleId);
}

function nextExecution(target: Engine, status: ExecutionView['status']): Promise<ExecutionView> {
  return new Promise((resolve) => {
    const off = target.events.on('execution/updated', (execution) => {
      if (execution.status !== status) return;
      off();
      resolve(execution);
    });
  });
}

describe('the scheduler', () => {
  it('starts a schedule within moments of its slot, not at the next 5-minute tick', async () => {
    const target = await realTimeEngine();
    const chart = target.database.sqlite.prepare("SELECT id FROM charts WHERE slug = 'global-28'").get() as {
      id: number;
    };
    const { schedule } = target.schedules.create({
      chartId: chart.id,
      historyWindowDays: 3,
      fetchTrackMetadata: false,
    });
    const slot = Date.now() + 400;
    setNextSync(target, schedule.id, slot);
    const started = nextExecution(target, 'running');
    target.startScheduler();
    const execution = await started;
    expect(execution.trigger).toBe('scheduled');
    // The point is the precise wake-up, not the 5-minute tick; the bound leaves room for a loaded machine.
    expect(execution.startedAt! - slot).toBeLessThan(60_000);
    expect(execution.startedAt!).toBeGreaterThanOrEqual(slot);
  });

  it('after downtime runs an overdue schedule once (catch-up), then puts it back on its grid', async () => {
    const target = await realTimeEngine();
    const chart = target.database.sqlite.prepare("SELECT id FROM charts WHERE slug = 'global-28'").get() as {
      id: number;
    };
    const { schedule } = target.schedules.create({
      chartId: chart.id,
      syncFrequency: 'custom',
      customIntervalHours: 1,
      historyWindowDays: 2,
      fetchTrackMetadata: false,
    });
    // Missed five slots while the app was closed.
    setNextSync(target, schedule.id, schedule.nextSyncAt! - 5 * HOUR_MS);
    const completed = nextExecution(target, 'completed');
    target.startScheduler();
    const execution = await completed;
    expect(execution.trigger).toBe('catch_up');
    await target.scheduler.idle();
    expect(target.executions.listForSchedule(schedule.id)).toHaveLength(1);
    const after = target.schedules.get(schedule.id);
    expect(after.nextSyncAt).toBe(schedule.nextSyncAt);
    expect(after.nextSyncAt! > Date.now()).toBe(true);
  });

  it('fetches metadata for the songs a sync found, through the queue', async () => {
    const target = await realTimeEngine();
    const chart = target.database.sqlite.prepare("SELECT id FROM charts WHERE slug = 'global-28'").get() as {
      id: number;
    };
    // The emulator's data ends on its fixed "today", over a year before this real-clock engine's today.
    target.schedules.create({ chartId: chart.id, historyWindowDays: 500, syncHistoricalData: false });
    const execution = await target.syncChart(chart.id);
    expect(execution).toMatchObject({ status: 'completed', rankingsCreated: 1 });
    const songs = target.database.sqlite
      .prepare('SELECT count(*) AS total, count(metadata_fetched_at) AS withMetadata FROM songs')
      .get() as { total: number; withMetadata: number };
    expect(songs.total).toBe(200);
    expect(songs.withMetadata).toBe(200);
    expect(target.enrichment.counts()).toMatchObject({ queued: 0, running: 0, failed: 0 });
  });
});
