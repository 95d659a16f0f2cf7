import { afterEach, describe, expect, it, vi } from 'vitest';
import { listAudit, recordAudit } from '../../../electron/engine/audit/audit-log';
import { writeSettings } from '../../../electron/engine/config/settings-store';
import { getChartBySlug } from '../../../electron/engine/db/queries/charts';
import { pruneHistory } from '../../../electron/engine/retention/prune-history';
import { RetentionService } from '../../../electron/engine/retention/retention-service';
import { ExecutionService } from '../../../electron/engine/schedules/execution-service';
import { ScheduleService } from '../../../electron/engine/schedules/schedule-service';
import { DAY_MS, RETENTION_DAYS_DEFAULT, RETENTION_INTERVAL_MS } from '../../../shared/domain/policies';
import { memoryDatabaseWithCharts } from '../../support/database';
import { FakeClock } from '../../support/fake-clock';

const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
const OLD = NOW - (RETENTION_DAYS_DEFAULT + 10) * DAY_MS;
const RECENT = NOW - 10 * DAY_MS;
const TABLES = [
  'chart_sync_executions',
  'audit_log',
  'webhook_deliveries',
  'webhook_delivery_attempts',
  'task_queue',
  'api_usage_hourly',
  'quota_samples',
] as const;
const COUNTS = { rankingsCreated: 0, rankingsUpdated: 0, tracksCreated: 0, tracksUpdated: 0 };

/**
 * History on both sides of the default window: finished and open executions, audit entries, delivered, failed
 * and pending webhook deliveries with attempts, done and queued tasks. Returns what must be kept.
 */
function seeded() {
  const clock = new FakeClock(OLD);
  const database = memoryDatabaseWithCharts(clock.nowFn);
  const schedules = new ScheduleService(database, clock.nowFn);
  const executions = new ExecutionService(database, clock.nowFn);
  const chart = (slug: string) => getChartBySlug(database, slug)!.id;
  const daily = schedules.create({ chartId: chart('global-28') }).schedule.id;
  const weekly = schedules.create({ chartId: chart('us-weekly-7') }).schedule.id;
  const finished = (scheduleId: number, at: number) => {
    clock.set(at);
    const id = executions.start(scheduleId, 'manual').id;
    executions.markRunning(id);
    return executions.markCompleted(id, COUNTS).id;
  };
  const oldDone = [finished(daily, OLD), finished(daily, OLD + 1_000), finished(daily, OLD + 2_000)];
  // Open for a year: retention never takes a pending or running execution.
  clock.set(OLD);
  const oldOpen = executions.start(weekly, 'manual').id;
  const recentDone = finished(daily, RECENT);
  for (let i = 0; i < 5; i += 1) recordAudit(database, { action: 'schedule.updated', result: 'ok' }, OLD + i);
  recordAudit(database, { action: 'schedule.updated', result: 'ok' }, RECENT);
  const delivery = database.sqlite.prepare(
    `INSERT INTO webhook_deliveries (url, event, body, status, created_at, updated_at) VALUES ('http://127.0.0.1:9/h', 'execution.completed', '{}', ?, ?, ?)`,
  );
  const attempt = database.sqlite.prepare(
    'INSERT INTO webhook_delivery_attempts (delivery_id, attempt, at, status_code) VALUES (?, ?, ?, 500)',
  );
  const deliveries = {
    oldDelivered: Number(delivery.run('delivered', OLD, OLD).lastInsertRowid),
    oldFailed: Number(delivery.run('failed', OLD, OLD).lastInsertRowid),
    oldPending: Number(delivery.run('pending', OLD, OLD).lastInsertRowid),
    recentDelivered: Number(delivery.run('delivered', RECENT, RECENT).lastInsertRowid),
  };
  for (const id of Object.values(deliveries)) {
    attempt.run(id, 1, OLD);
    attempt.run(id, 2, OLD);
  }
  const task = database.sqlite.prepare(
    `INSERT INTO task_queue (kind, subject, status, completed_at, created_at, updated_at) VALUES ('song_metadata', ?, ?, ?, ?, ?)`,
  );
  task.run('a', 'done', OLD, OLD, OLD);
  task.run('b', 'failed', OLD, OLD, OLD);
  task.run('c', 'queued', null, OLD, OLD);
  task.run('d', 'done', RECENT, RECENT, RECENT);
  const usage = database.sqlite.prepare(
    'INSERT INTO api_usage_hourly (hour_start, kind, requests) VALUES (?, ?, 5)',
  );
  const hour = (at: number) => Math.floor(at / 3_600_000) * 3_600_000;
  usage.run(hour(OLD), 'ranking');
  usage.run(hour(OLD), 'metadata');
  usage.run(hour(RECENT), 'ranking');
  const sample = database.sqlite.prepare('INSERT INTO quota_samples (at, remaining) VALUES (?, 100)');
  sample.run(OLD);
  sample.run(OLD + 60_000);
  sample.run(RECENT);
  clock.set(NOW);
  return { clock, database, oldDone, oldOpen, recentDone, deliveries };
}

function rowCounts(database: ReturnType<typeof seeded>['database']): Record<(typeof TABLES)[number], number> {
  return Object.fromEntries(
    TABLES.map((table) => [
      table,
      (database.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n,
    ]),
  ) as Record<(typeof TABLES)[number], number>;
}

const ids = (database: ReturnType<typeof seeded>['database'], sql: string) =>
  (database.sqlite.prepare(sql).pluck().all() as number[]).sort((a, b) => a - b);

/** Besides the seeded 5 old and 1 recent audit entries, the executions wrote none (no audit trail attached). */
const EXPECTED = {
  executions: 3,
  auditEntries: 5,
  webhookDeliveries: 2,
  webhookAttempts: 4,
  queueTasks: 2,
  apiUsageHours: 2,
  quotaSamples: 2,
};

describe('retention', () => {
  let service: RetentionService | null = null;
  afterEach(async () => {
    await service?.stop();
    service = null;
    vi.useRealTimers();
  });

  it('prunes finished history older than the setting and keeps the rest', async () => {
    const { clock, database, oldOpen, recentDone, deliveries } = seeded();
    service = new RetentionService({ database, now: clock.nowFn, batchRows: 2 });
    const summary = await service.prune({ dryRun: false });
    expect(summary).toEqual({
      dryRun: false,
      retentionDays: RETENTION_DAYS_DEFAULT,
      cutoffAt: NOW - RETENTION_DAYS_DEFAULT * DAY_MS,
      counts: EXPECTED,
    });
    expect(ids(database, 'SELECT id FROM chart_sync_executions')).toEqual([oldOpen, recentDone]);
    expect(ids(database, 'SELECT id FROM webhook_deliveries')).toEqual([
      deliveries.oldPending,
      deliveries.recentDelivered,
    ]);
    // The pending delivery keeps its attempts.
    expect(ids(database, 'SELECT DISTINCT delivery_id FROM webhook_delivery_attempts')).toEqual([
      deliveries.oldPending,
      deliveries.recentDelivered,
    ]);
    expect(database.sqlite.prepare('SELECT subject FROM task_queue ORDER BY subject').pluck().all()).toEqual([
      'c',
      'd',
    ]);
    // One audit entry says what went; the recent entry stays.
    const entries = listAudit(database);
    expect(entries.map((e) => [e.action, e.at])).toEqual([
      ['retention.pruned', NOW],
      ['schedule.updated', RECENT],
    ]);
    expect(entries[0]).toMatchObject({
      trigger: 'operator',
      detail: { retentionDays: RETENTION_DAYS_DEFAULT, ...EXPECTED },
    });
  });

  it('a dry run counts the same rows and changes nothing', async () => {
    const { clock, database } = seeded();
    service = new RetentionService({ database, now: clock.nowFn });
    const before = rowCounts(database);
    const dry = await service.prune({ dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, counts: EXPECTED });
    expect(rowCounts(database)).toEqual(before);
    const real = await service.prune({ dryRun: false });
    expect(real.counts).toEqual(dry.counts);
  });

  it('follows the retentionDays setting', async () => {
    const { clock, database } = seeded();
    writeSettings(database, { retentionDays: 7 }, NOW);
    service = new RetentionService({ database, now: clock.nowFn });
    const summary = await service.prune({ dryRun: true });
    expect(summary.retentionDays).toBe(7);
    // The recent (10-day-old) rows are outside a 7-day window too.
    expect(summary.counts).toEqual({
      executions: 4,
      auditEntries: 6,
      webhookDeliveries: 3,
      webhookAttempts: 6,
      queueTasks: 3,
      apiUsageHours: 3,
      quotaSamples: 3,
    });
  });

  it('deletes in batches of the given size, and stops between batches when asked', async () => {
    const { database } = seeded();
    let batches = 0;
    const counts = await pruneHistory(database, {
      cutoffAt: NOW - RETENTION_DAYS_DEFAULT * DAY_MS,
      dryRun: false,
      batchRows: 2,
      stopped: () => (batches += 1) > 1,
    });
    // One batch of 2 executions, then the stop: nothing else was touched.
    expect(counts).toEqual({
      ...EXPECTED,
      executions: 2,
      auditEntries: 0,
      webhookDeliveries: 0,
      webhookAttempts: 0,
      queueTasks: 0,
      apiUsageHours: 0,
      quotaSamples: 0,
    });
    expect(rowCounts(database).audit_log).toBe(6);
  });

  it('lets other work run between batches', async () => {
    const { database } = seeded();
    let ranBetween = false;
    const pruning = pruneHistory(database, {
      cutoffAt: NOW - RETENTION_DAYS_DEFAULT * DAY_MS,
      dryRun: false,
      batchRows: 1,
    });
    setImmediate(() => {
      ranBetween = rowCounts(database).audit_log > 1;
    });
    await pruning;
    expect(ranBetween).toBe(true);
    expect(rowCounts(database).audit_log).toBe(1);
  });

  it('runs at start and then once a day, as the scheduler, writing an entry only when it removed something', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    const { clock, database } = seeded();
    service = new RetentionService({ database, now: clock.nowFn });
    service.start();
    await vi.waitFor(() => expect(listAudit(database, { limit: 1 })[0]?.action).toBe('retention.pruned'));
    expect(listAudit(database, { limit: 1 })[0]).toMatchObject({ actor: 'scheduler', trigger: 'system' });
    expect(rowCounts(database).task_queue).toBe(2);
    // A day later nothing is old enough: no entry. Then an entry that ages out is pruned the next day.
    clock.advance(RETENTION_INTERVAL_MS);
    await vi.advanceTimersByTimeAsync(RETENTION_INTERVAL_MS);
    await service.prune({ dryRun: true });
    expect(listAudit(database).filter((e) => e.action === 'retention.pruned')).toHaveLength(1);
    recordAudit(database, { action: 'schedule.created', result: 'ok' }, clock.now() - 400 * DAY_MS);
    clock.advance(RETENTION_INTERVAL_MS);
    await vi.advanceTimersByTimeAsync(RETENTION_INTERVAL_MS);
    await service.prune({ dryRun: true });
    const pruned = listAudit(database).filter((e) => e.action === 'retention.pruned');
    expect(pruned).toHaveLength(2);
    expect(pruned[0]!.detail).toMatchObject({ auditEntries: 1 });
  });
});
