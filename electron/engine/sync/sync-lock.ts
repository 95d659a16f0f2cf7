import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { ChartSyncError } from '../../../shared/errors';

type Holder = { pid: number; host: string; since: number };

/**
 * One syncing process per database. The desktop app, `chart-sync serve` and `chart-sync process` may be pointed
 * at the same folder; only the one holding this lock runs syncs and may declare leftover running executions
 * interrupted, so a `chart-sync status` or a second host never kills the first one's work.
 */
export class SyncLock {
  private constructor(private readonly file: string) {}

  static acquire(databaseFile: string, now: number): SyncLock {
    const file = `${databaseFile}.sync-lock`;
    const me: Holder = { pid: process.pid, host: hostname(), since: now };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
        return new SyncLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readHolder(file);
      if (holder && holder.pid === process.pid) return new SyncLock(file);
      if (holder && isAlive(holder)) {
        throw new ChartSyncError(
          'sync_locked',
          `Another Chart Sync (process ${holder.pid}, since ${new Date(holder.since).toISOString()}) is syncing this ` +
            'database. Stop it first, or use it to sync.',
        );
      }
      // The holder died without releasing: its lock is stale.
      rmSync(file, { force: true });
    }
    throw new ChartSyncError('sync_locked', `Could not take the sync lock ${file}.`);
  }

  release(): void {
    const holder = readHolder(this.file);
    if (holder?.pid === process.pid) rmSync(this.file, { force: true });
  }
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

function isAlive(holder: Holder): boolean {
  // A lock from another machine (a shared folder) cannot be checked: trust it.
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
