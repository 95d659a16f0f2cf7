import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/engine/db/open-database';
import { ChartSyncError } from '../../../shared/errors';
import { useTempDir } from '../../support/database';

/**
 * Section 5, found by the chaos suite: a WAL from another database left beside ours (a backup restored without
 * its journal moved away) is replayed by SQLite onto our file. Refusing the result must not then write it into
 * the database (the checkpoint a closing read-write connection makes), or the refusal itself destroys the data.
 */
describe('a WAL from another database beside ours', () => {
  const temp = useTempDir();

  it('is refused without being written into the database, which opens whole once it is moved away', () => {
    const dir = temp();
    const file = join(dir, 'chart-sync.sqlite');
    const ours = openDatabase({ file });
    ours.sqlite.exec("CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('stored')");
    ours.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    ours.close();

    const other = join(dir, 'other.sqlite');
    const foreign = new Database(other);
    foreign.pragma('journal_mode = WAL');
    foreign.pragma('wal_autocheckpoint = 0');
    foreign.exec('CREATE TABLE invoices (v BLOB); INSERT INTO invoices VALUES (randomblob(65536))');
    copyFileSync(`${other}-wal`, `${file}-wal`);
    foreign.close();

    expect(() => openDatabase({ file }).close()).toThrow(ChartSyncError);
    // Left as it was: the foreign journal is still beside the file, not written into it.
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(() => openDatabase({ file }).close()).toThrow(/chart-sync\.sqlite-wal/);
    rmSync(`${file}-wal`);
    rmSync(`${file}-shm`, { force: true });
    const reopened = openDatabase({ file });
    expect(reopened.sqlite.prepare('SELECT v FROM kept').pluck().get()).toBe('stored');
    reopened.close();
  });
});
