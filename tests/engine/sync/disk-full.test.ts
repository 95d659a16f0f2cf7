import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ChartSyncError } from '../../../shared/errors';
import { canMountTinyDisk, mountTinyDisk, type TinyDisk } from '../../chaos/support/tiny-disk';
import { useTempDir } from '../../support/database';
import { startTestEngine, type TestEngine } from '../../support/sync-engine';
import { useEmulator } from '../../support/emulator';

const DAY = 86_400_000;

function storedRows(test: TestEngine): number {
  return test.engine.database.sqlite
    .prepare('SELECT count(*) FROM chart_ranking_entries')
    .pluck()
    .get() as number;
}

/** Defect 7.5: a full disk was code `internal` with raw SQLITE_FULL traces (and, completely full, a sync loop). */
describe('a full disk', () => {
  const emulator = useEmulator();
  const temp = useTempDir();
  let test: TestEngine | null = null;
  let disk: TinyDisk | null = null;
  afterEach(async () => {
    await test?.engine.close();
    test = null;
    disk?.unmount();
    disk = null;
  });

  const rawTrace = (error: unknown) =>
    !(error instanceof ChartSyncError) || /SQLITE|SqliteError/.test(error.message);

  it('fails the period with disk_full, loses nothing stored, and the next sync fills the gap once there is room', async () => {
    test = await startTestEngine(emulator.current, { file: join(temp(), 'chart-sync.sqlite') });
    const { engine, chartId, clock, errors } = test;
    const id = chartId({ slug: 'global-28' });
    engine.schedules.create({ chartId: id, historyWindowDays: 3, fetchTrackMetadata: false });
    expect(await engine.syncChart(id)).toMatchObject({ status: 'completed' });
    const before = storedRows(test);
    const sqlite = engine.database.sqlite;
    const schedule = engine.schedules.getByChart(id)!.id;
    engine.schedules.update(schedule, { historyWindowDays: 12 });
    // No room for one more page: the next ranking cannot be stored (a true SQLITE_FULL from SQLite).
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
    const failed = await engine.syncChart(id);
    expect(failed.errorCode).toBe('disk_full');
    expect(failed.errorMessage).toMatch(/disk holding the data folder .* is full/);
    expect(failed.errorMessage).not.toMatch(/SQLITE|Storing a period failed/);
    expect(errors.filter(rawTrace)).toEqual([]);
    expect(storedRows(test)).toBe(before);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    sqlite.pragma('max_page_count = 1073741823');
    // The failed sync waits out its retry's backoff: its time comes, and it fills the gap.
    clock.advance(DAY);
    const [recovered] = await engine.processDue();
    expect(recovered).toMatchObject({ id: failed.id, status: 'completed' });
    expect(storedRows(test)).toBeGreaterThan(before);
  });

  it.skipIf(!canMountTinyDisk())(
    'with no room even for the execution record, refuses with disk_full instead of retrying in a loop, and syncs once space returns',
    async () => {
      const seed = join(temp(), 'seed');
      const seeded = await startTestEngine(emulator.current, { file: join(seed, 'chart-sync.sqlite') });
      seeded.engine.schedules.create({
        chartId: seeded.chartId({ slug: 'global-28' }),
        historyWindowDays: 3,
        fetchTrackMetadata: false,
      });
      await seeded.engine.syncChart(seeded.chartId({ slug: 'global-28' }));
      await seeded.engine.close();
      disk = mountTinyDisk(join(temp(), 'disk'), 4096);
      const data = join(disk.path, 'data');
      cpSync(seed, data, { recursive: true });
      test = await startTestEngine(emulator.current, { file: join(data, 'chart-sync.sqlite') });
      const { engine, chartId, errors } = test;
      const id = chartId({ slug: 'global-28' });
      const before = storedRows(test);
      await engine.processDue(); // takes the sync role, as a running host holds it
      engine.schedules.update(engine.schedules.getByChart(id)!.id, { historyWindowDays: 12 });
      // Now fill the disk to the last byte: no room for the journal either.
      disk.fill();
      const outcome = await engine.syncChart(id).then(
        (execution) => execution.errorCode,
        (error: unknown) => (error instanceof ChartSyncError ? error.code : String(error)),
      );
      expect(outcome).toBe('disk_full');
      expect(errors.filter(rawTrace)).toEqual([]);
      expect(storedRows(test)).toBe(before);

      disk.free();
      // The operator runs the sync again (a host's scheduler would, at its next pass).
      const recovered = await engine.syncChart(id);
      expect(recovered.status).toBe('completed');
      expect(storedRows(test)).toBeGreaterThan(before);
      expect(engine.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    },
    60_000,
  );
});
