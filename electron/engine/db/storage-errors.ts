import { accessSync, constants, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ChartSyncError, storageKindOf } from '../../../shared/errors';

/**
 * What the disk or the folder did to us, in the operator's words. SQLite and Node report these as codes
 * (SQLITE_FULL, SQLITE_READONLY, ENOSPC, EROFS…) and messages that suggest corruption ("unable to open database
 * file"); an operator needs to hear "the disk is full" or "the folder is read-only", and that nothing was lost.
 * shared/errors' storageKindOf knows the codes; here, beside the database, refused access to its own file or
 * folder means read-only too.
 */
const ACCESS_CODES: readonly string[] = ['EACCES', 'EPERM'];

function codeOf(error: unknown): string | null {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return null;
}

function diskFull(folder: string, cause?: unknown): ChartSyncError {
  return new ChartSyncError(
    'disk_full',
    `The disk holding the data folder ${folder} is full: Chart Sync could not store what it fetched. ` +
      'Everything stored before is intact. Free some space on that disk; syncing resumes by itself, or run the sync again.',
    { cause },
  );
}

export function readOnlyFolder(folder: string, cause?: unknown): ChartSyncError {
  return new ChartSyncError(
    'data_folder_read_only',
    `The data folder ${folder} is read-only: Chart Sync must write there (its database and the database's journal). ` +
      'Make it writable, or choose another data folder (CHART_SYNC_DATA_DIR or --data-dir). Nothing in it was changed.',
    { cause },
  );
}

/** Whether this process can create files in `folder` (false for a read-only mount, an immutable folder, modes). */
export function folderIsWritable(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The operator's version of a storage error raised while using the database at `file`, or null when the error
 * is of another kind (a bug, a constraint) and must stay what it is.
 */
export function storageFailure(error: unknown, file: string): ChartSyncError | null {
  if (error instanceof ChartSyncError) return null;
  const folder = dirname(file);
  const code = codeOf(error);
  const kind =
    code === null
      ? null
      : (storageKindOf(code) ?? (ACCESS_CODES.includes(code) ? 'data_folder_read_only' : null));
  if (kind === 'disk_full') return diskFull(folder, error);
  if (kind === 'data_folder_read_only') return readOnlyFolder(folder, error);
  // "unable to open database file" (SQLITE_CANTOPEN) is what a folder where the journal cannot be created gives.
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_IOERR_WRITE' || code?.startsWith('SQLITE_IOERR')) {
    if (isFolder(folder) && !folderIsWritable(folder)) return readOnlyFolder(folder, error);
  }
  return null;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
