import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordAudit } from '../../../electron/engine/audit/audit-log';
import { openDatabase, type AppDatabase } from '../../../electron/engine/db/open-database';
import { ExecutionService } from '../../../electron/engine/schedules/execution-service';
import { ScheduleService } from '../../../electron/engine/schedules/schedule-service';
import { insertWebhook } from '../../../electron/engine/webhooks/webhook-store';
import { canMountTinyDisk, mountTinyDisk, type TinyDisk } from '../../chaos/support/tiny-disk';
import { SAMPLE_CHARTS, useTempDir } from '../../support/database';
import { upsertCharts } from '../../../electron/engine/db/queries/charts';

const NOW = Date.UTC(2026, 11, 7, 12);

/**
 * An INSERT … RETURNING read with `.get()` stops after its first row: when the disk is full, the commit that
 * follows fails inside a reset whose error better-sqlite3 drops, so the row came back as stored while it never
 * was (a sync then waited for an execution that did not exist). Every such write must fail visibly instead.
 */
describe.skipIf(!canMountTinyDisk())('a write the full disk refuses to commit', () => {
  const temp = useTempDir();
  let disk: TinyDisk | null = null;
  let database: AppDatabase | null = null;
  afterEach(() => {
    database?.close();
    database = null;
    disk?.unmount();
    disk = null;
  });

  function fullDatabase(): AppDatabase {
    disk = mountTinyDisk(join(temp(), 'disk'), 2048);
    database = openDatabase({ file: join(disk.path, 'chart-sync.sqlite'), now: () => NOW });
    upsertCharts(database, SAMPLE_CHARTS);
    disk.fill();
    return database;
  }

  const count = (db: AppDatabase, table: string) =>
    db.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

  it('is never reported as stored: an execution, an audit entry, a webhook', () => {
    const db = fullDatabase();
    const schedules = new ScheduleService(db, () => NOW);
    const executions = new ExecutionService(db, () => NOW, Math.random);
    // A schedule is created in a transaction: that one already fails visibly, or gets in before the disk filled.
    disk!.free();
    const schedule = schedules.create({ chartId: 1 }).schedule;
    disk!.fill();
    const before = count(db, 'chart_sync_executions');
    expect(() => executions.start(schedule.id, 'manual')).toThrow(/full/);
    expect(count(db, 'chart_sync_executions')).toBe(before);
    expect(() => recordAudit(db, { action: 'schedule.updated', result: 'ok' }, NOW)).toThrow(/full/);
    expect(() =>
      insertWebhook(
        db,
        { url: 'https://example.com/h', secretCiphertext: 'x', events: [], createdBy: 'cli' },
        NOW,
      ),
    ).toThrow(/full/);
    expect(count(db, 'webhooks')).toBe(0);
  });
});
