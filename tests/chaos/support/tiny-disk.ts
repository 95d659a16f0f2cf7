import { closeSync, mkdirSync, mkdtempSync, openSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tryCommand } from './try-command';

/**
 * A real full disk: a tmpfs of a few hundred kilobytes mounted on a folder (root, with `mount` allowed). Writes
 * past its size fail with ENOSPC, which SQLite reports as SQLITE_FULL, as on an operator's full disk. Where
 * tmpfs cannot be mounted, tests fall back to `PRAGMA max_page_count` (a true SQLITE_FULL from SQLite itself).
 */
export type TinyDisk = {
  readonly path: string;
  /** Fills every byte left with a filler file (beside, not in, the data folder), as another program would. */
  fill(): void;
  /** Removes the filler: the operator freeing space. */
  free(): void;
  unmount(): void;
};

export function mountTinyDisk(path: string, kilobytes: number): TinyDisk {
  mkdirSync(path, { recursive: true });
  if (!tryCommand('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k,mode=0755`, 'tmpfs', path])) {
    throw new Error(`cannot mount a tmpfs on ${path}`);
  }
  let mounted = true;
  return {
    path,
    fill: () => fill(join(path, FILLER)),
    free: () => rmSync(join(path, FILLER), { force: true }),
    unmount: () => {
      if (!mounted) return;
      // Lazily, so a file a failed test left open does not keep the mount (and the next run) stuck.
      mounted = !tryCommand('umount', ['-l', path]) && !tryCommand('umount', [path]);
    },
  };
}

const FILLER = 'filler.bin';

function fill(file: string): void {
  const fd = openSync(file, 'a');
  const chunk = Buffer.alloc(4096, 1);
  try {
    for (;;) {
      try {
        writeSync(fd, chunk);
      } catch (error) {
        if ((error as { code?: string }).code === 'ENOSPC') return;
        throw error;
      }
    }
  } finally {
    closeSync(fd);
  }
}

let available: boolean | undefined;

/** Whether this machine lets a test mount a tmpfs (root with CAP_SYS_ADMIN); found once. */
export function canMountTinyDisk(): boolean {
  if (available !== undefined) return available;
  const dir = mkdtempSync(join(tmpdir(), 'chart-sync-tmpfs-probe-'));
  try {
    mountTinyDisk(dir, 64).unmount();
    available = true;
  } catch {
    available = false;
  } finally {
    try {
      rmdirSync(dir);
    } catch {
      // Still mounted only if unmount failed.
    }
  }
  return available;
}
