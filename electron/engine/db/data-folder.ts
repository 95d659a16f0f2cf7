import { mkdirSync, statSync } from 'node:fs';
import { dirname, parse, resolve } from 'node:path';
import { ChartSyncError } from '../../../shared/errors';
import { folderIsWritable, readOnlyFolder } from './storage-errors';

/**
 * Creates the data folder (and its parents) if needed, or says in the operator's words why it cannot be: a
 * path on the way is a file, or the nearest existing folder is read-only. Node's own errors (ENOTDIR, EEXIST,
 * and ENOENT for a read-only parent) name neither the cause nor the fix.
 */
export function prepareDataFolder(folder: string): void {
  // Resolved once, so "a/missing/../data" is the folder made and checked (messages keep the path as given).
  const target = resolve(folder);
  const existing = nearestExisting(target);
  if (existing && !existing.isFolder) throw notAFolder(folder, existing.path);
  try {
    createLevels(target, existing?.path ?? null);
  } catch (error) {
    const blocking = existing?.path ?? folder;
    if (existing && !folderIsWritable(existing.path)) {
      throw new ChartSyncError(
        'data_folder_read_only',
        `The data folder ${folder} cannot be created: ${blocking} is read-only. ` +
          'Make it writable, or choose another data folder (CHART_SYNC_DATA_DIR or --data-dir).',
        { cause: error },
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new ChartSyncError(
      'data_folder_unusable',
      `The data folder ${folder} cannot be created (${reason}). Choose another data folder (CHART_SYNC_DATA_DIR or --data-dir).`,
      { cause: error },
    );
  }
  if (!folderIsWritable(target)) throw readOnlyFolder(folder);
}

/**
 * mkdir for each missing folder from the nearest existing one down, rather than mkdirSync's recursive mode: that
 * loops for ever where mkdir answers ENOENT under a parent that exists (/proc, some network file systems).
 */
function createLevels(folder: string, existing: string | null): void {
  // Both resolved (prepareDataFolder), so the walk up meets `existing` exactly.
  const missing: string[] = [];
  for (let current = folder; current !== existing; current = dirname(current)) {
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      // Made meanwhile by someone else (a second instance starting): that is what was wanted.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

function notAFolder(folder: string, file: string): ChartSyncError {
  return new ChartSyncError(
    'data_folder_unusable',
    `The data folder ${folder} cannot be used: ${file} is a file, not a folder. ` +
      'Move that file away, or choose another data folder (CHART_SYNC_DATA_DIR or --data-dir).',
  );
}

/** The folder itself or its closest ancestor that exists, and whether it is a folder. */
function nearestExisting(path: string): { path: string; isFolder: boolean } | null {
  const root = parse(path).root;
  for (let current = path; ; current = dirname(current)) {
    try {
      return { path: current, isFolder: statSync(current).isDirectory() };
    } catch {
      if (current === root || dirname(current) === current) return null;
    }
  }
}
