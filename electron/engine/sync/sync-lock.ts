import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import Database from 'better-sqlite3';
import { ChartSyncError } from '../../../shared/errors';
import { storageFailure } from '../db/storage-errors';

export type SyncLockHolder = { pid: number; host: string; since: number };
type Holder = SyncLockHolder;

/** Another process syncs this database: who (when it could be read) and which lock file says so. */
export class SyncLockedError extends ChartSyncError {
  constructor(
    readonly lockFile: string,
    readonly holder: SyncLockHolder | null,
  ) {
    super('sync_locked', refusalMessage(lockFile, holder));
  }
}

/**
 * One syncing process per database. The desktop app, `chart-sync serve` and `chart-sync process` may be pointed
 * at the same folder; only the one holding this lock runs syncs and may declare leftover running executions
 * interrupted, so a `chart-sync status` or a second host never kills the first one's work.
 *
 * The lock is SQLite's own exclusive lock on a small side database, `<db>.sync-lock`, held by an open connection
 * in exclusive locking mode: the operating system releases it when the process ends, however it ends (kill -9,
 * crash, reboot), so a dead holder can never block, whatever process later gets its PID. Who holds it is written
 * beside it (`<db>.sync-lock.holder`), only to say so when another process is refused.
 */
export class SyncLock {
  private constructor(
    private readonly connection: Database.Database,
    private readonly holderFile: string,
    private readonly me: Holder,
  ) {}

  static acquire(databaseFile: string, now: number): SyncLock {
    const file = `${databaseFile}.sync-lock`;
    const holderFile = `${file}.holder`;
    const me: Holder = { pid: process.pid, host: hostname(), since: now };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const connection = new Database(file, { timeout: 0 });
      try {
        connection.pragma('locking_mode = EXCLUSIVE');
        connection.pragma('journal_mode = MEMORY');
        // What matters is the lock, not the row: no fsync (which costs a start hundreds of ms on a busy disk).
        connection.pragma('synchronous = OFF');
        // The first write takes the exclusive lock; in exclusive locking mode it is kept until the connection closes.
        connection.exec(
          'BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS sync_lock (since INTEGER); DELETE FROM sync_lock; ' +
            `INSERT INTO sync_lock (since) VALUES (${Math.trunc(now)}); COMMIT;`,
        );
        writeFileSync(holderFile, JSON.stringify(me));
        return new SyncLock(connection, holderFile, me);
      } catch (error) {
        connection.close();
        const code = (error as { code?: unknown }).code;
        if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
          throw new SyncLockedError(file, readHolder(holderFile));
        }
        // A lock file of an older Chart Sync (JSON naming a PID): it proves nothing, since that PID may be anyone's now.
        if (code === 'SQLITE_NOTADB' && readHolder(file) !== null) {
          rmSync(file, { force: true });
          continue;
        }
        // A full disk or a read-only folder is not another process holding the lock: say what it is.
        const storage = storageFailure(error, databaseFile);
        if (storage) throw storage;
        throw new ChartSyncError('sync_locked', `Could not take the sync lock ${file}: ${String(error)}`, {
          cause: error,
        });
      }
    }
    throw new ChartSyncError('sync_locked', `Could not take the sync lock ${file}.`);
  }

  /** Lets go of the lock (closing the connection releases it); the lock file stays, harmless, for the next one. */
  release(): void {
    const holder = readHolder(this.holderFile);
    if (holder?.pid === this.me.pid && holder.since === this.me.since)
      rmSync(this.holderFile, { force: true });
    this.connection.close();
  }
}

function refusalMessage(file: string, holder: Holder | null): string {
  const who = holder
    ? `process ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`}, since ${new Date(holder.since).toISOString()}`
    : 'another process';
  return (
    `Another Chart Sync (${who}) is syncing this database: it holds the sync lock ${file}. Stop it first, or use ` +
    'it to sync. The lock is released when that process ends, however it ends.'
  );
}

function readHolder(file: string): Holder | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>;
    return typeof parsed.pid === 'number'
      ? { pid: parsed.pid, host: String(parsed.host), since: Number(parsed.since) }
      : null;
  } catch {
    return null;
  }
}
