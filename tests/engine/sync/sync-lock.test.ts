import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SyncLock } from '../../../electron/engine/sync/sync-lock';
import { useTempDir } from '../../support/database';
import { errorOf } from '../../support/errors';

const tempDir = useTempDir();

/** A child process holding the lock of `file`, resolved once it holds it. */
async function lockInChild(file: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/sync-lock-child.ts', file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (output += chunk));
  await expect.poll(() => output, { timeout: 20_000, interval: 20 }).toContain('locked');
  return { child, exited };
}

describe('the sync lock: one syncing process per database, released by the OS when it dies', () => {
  it('is refused while another process holds it, naming the lock file and the holder', async () => {
    const file = join(tempDir(), 'chart-sync.sqlite');
    const { child, exited } = await lockInChild(file);
    try {
      const error = errorOf(() => SyncLock.acquire(file, Date.now()));
      expect(error.code).toBe('sync_locked');
      expect(error.message).toContain(`${file}.sync-lock`);
      expect(error.message).toContain(`process ${child.pid}`);
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
  }, 30_000);

  it('is free at once after the holder is killed with SIGKILL', async () => {
    const file = join(tempDir(), 'chart-sync.sqlite');
    const { child, exited } = await lockInChild(file);
    child.kill('SIGKILL');
    await exited;
    const lock = SyncLock.acquire(file, Date.now());
    lock.release();
  }, 30_000);

  it('is not blocked by an old-format lock file naming a live unrelated process (PID reuse)', () => {
    const file = join(tempDir(), 'chart-sync.sqlite');
    // The test runner's parent is alive, and is no Chart Sync.
    writeFileSync(
      `${file}.sync-lock`,
      JSON.stringify({ pid: process.ppid, host: hostname(), since: Date.now() - 86_400_000 }),
    );
    const lock = SyncLock.acquire(file, Date.now());
    expect(() => SyncLock.acquire(file, Date.now())).toThrow(/sync-lock/);
    lock.release();
    SyncLock.acquire(file, Date.now()).release();
  });

  it('is refused to a second holder in the same process until the first releases it', () => {
    const file = join(tempDir(), 'chart-sync.sqlite');
    const first = SyncLock.acquire(file, Date.now());
    expect(errorOf(() => SyncLock.acquire(file, Date.now())).code).toBe('sync_locked');
    // The refused attempt let go of its own connection without touching the holder's lock.
    expect(errorOf(() => SyncLock.acquire(file, Date.now())).code).toBe('sync_locked');
    first.release();
    SyncLock.acquire(file, Date.now()).release();
  });
});
