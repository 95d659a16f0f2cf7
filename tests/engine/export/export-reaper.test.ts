import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useExportEngine } from './export-fixture';

describe('reaping an export left running by a process that is gone', () => {
  const setup = useExportEngine();

  it('keeps the temporary file of a live export to the same file (the command run again after a kill)', async () => {
    const { engine, dir } = setup();
    const out = join(dir, 'again.csv');
    // The live export's file being written, in another process (its heartbeat is fresh).
    const live = join(dir, '.again.csv.0a1b2c3d.partial');
    writeFileSync(live, 'the rows so far');
    // What the killed one left, untouched for two minutes.
    const left = join(dir, '.again.csv.99887766.partial');
    writeFileSync(left, 'half a file');
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    utimesSync(left, twoMinutesAgo, twoMinutesAgo);
    const long = Date.now() - 120_000;
    engine.database.sqlite
      .prepare(
        `INSERT INTO data_exports (dataset, format, destination, status, started_at, created_at, updated_at)
         VALUES ('rankings', 'csv', ?, 'running', ?, ?, ?), ('rankings', 'csv', ?, 'running', ?, ?, ?)`,
      )
      .run(out, long, long, long, out, Date.now(), Date.now(), Date.now());
    const list = engine.exports.list(10, 0);
    expect(list.items.map((e) => e.status)).toEqual(['running', 'failed']);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(left)).toBe(false);
  });
});

describe('an export reaped as interrupted', () => {
  const setup = useExportEngine();

  it('is announced, so that an Exports screen showing it running learns it failed', () => {
    const { engine, dir } = setup();
    const updates: { id: number; status: string }[] = [];
    engine.events.on('export/updated', (view) => updates.push({ id: view.id, status: view.status }));
    const long = Date.now() - 120_000;
    const { lastInsertRowid } = engine.database.sqlite
      .prepare(
        `INSERT INTO data_exports (dataset, format, destination, status, started_at, created_at, updated_at)
         VALUES ('rankings', 'csv', ?, 'running', ?, ?, ?)`,
      )
      .run(join(dir, 'killed.csv'), long, long, long);
    engine.exports.list(10, 0);
    expect(updates).toEqual([{ id: Number(lastInsertRowid), status: 'failed' }]);
  });
});
