import { chmodSync, mkdirSync, mkdtempSync, rmdirSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tryCommand } from './try-command';

/**
 * How a test makes a folder read-only for real. Root ignores file modes, and these tests run as root, so a
 * mode of 0555 proves nothing there: a read-only bind mount of the folder onto itself when `mount` works (the
 * kernel refuses every write with EROFS, as on a read-only volume), else the immutable attribute (`chattr +i`:
 * EPERM even for root), else, not being root, the mode bits.
 */
export type ReadOnlyTechnique = 'bind-mount' | 'chattr' | 'chmod';

export type ReadOnlyFolder = { readonly technique: ReadOnlyTechnique; restore(): void };

const isRoot = process.getuid?.() === 0;

function probeWritable(dir: string): boolean {
  const file = join(dir, `.probe-${process.pid}`);
  try {
    writeFileSync(file, '');
    unlinkSync(file);
    return true;
  } catch {
    return false;
  }
}

/** Makes `dir` read-only with the first technique that works here; restore() makes it writable again. */
export function makeReadOnly(dir: string): ReadOnlyFolder {
  if (!isRoot) {
    chmodSync(dir, 0o555);
    return { technique: 'chmod', restore: () => chmodSync(dir, 0o755) };
  }
  if (tryCommand('mount', ['--bind', dir, dir])) {
    if (tryCommand('mount', ['-o', 'remount,bind,ro', dir, dir]) && !probeWritable(dir)) {
      return { technique: 'bind-mount', restore: () => void tryCommand('umount', [dir]) };
    }
    tryCommand('umount', [dir]);
  }
  if (tryCommand('chattr', ['+i', dir]) && !probeWritable(dir)) {
    return { technique: 'chattr', restore: () => void tryCommand('chattr', ['-i', dir]) };
  }
  tryCommand('chattr', ['-i', dir]);
  throw new Error(`cannot make ${dir} read-only here: no bind mount, no chattr, and running as root`);
}

let available: ReadOnlyTechnique | null | undefined;

/** The technique this machine offers, found once on a scratch folder; null when none works (tests skip). */
export function readOnlyTechnique(): ReadOnlyTechnique | null {
  if (available !== undefined) return available;
  const dir = mkdtempSync(join(tmpdir(), 'chart-sync-ro-probe-'));
  try {
    const folder = makeReadOnly(dir);
    folder.restore();
    available = folder.technique;
  } catch {
    available = null;
  } finally {
    try {
      rmdirSync(dir);
    } catch {
      // Left behind only if restore failed; harmless in tmp.
    }
  }
  return available;
}

/** A fresh folder under `parent`, for tests that need one to exist before it is made read-only. */
export function folderIn(parent: string, name: string): string {
  const dir = join(parent, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}
