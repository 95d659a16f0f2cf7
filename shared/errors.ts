/**
 * Every error that reaches the operator carries a stable code (for the UI and scripts to branch on) and a
 * message written for a person: what happened and what to do about it.
 */
export const ERROR_CODES = [
  'invalid_input',
  /** The headless host refused the access token (it makes a new one at each start). */
  'unauthorized',
  'not_found',
  /** The chart exists but has no sync schedule, and the request did not ask to create one. */
  'not_scheduled',
  'schedule_exists',
  'execution_active',
  'sync_locked',
  'invalid_state',
  /** Soundcharts refused or could not answer (credentials, plan, quota, network): the message says which. */
  'soundcharts_error',
  'database_too_new',
  'database_unreadable',
  /** The disk holding the data folder is full: nothing stored is lost, and syncing resumes once there is space. */
  'disk_full',
  /** The data folder (or the folder it would be created in) is read-only. */
  'data_folder_read_only',
  /** The data folder cannot be created or used: a path on the way is a file, or the system refused. */
  'data_folder_unusable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class ChartSyncError extends Error {
  readonly code: ErrorCode;
  /** For invalid_input: what is wrong with each field, keyed by its path ("changes.cronExpression"). */
  readonly fields: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options?: { cause?: unknown; fields?: Record<string, string> },
  ) {
    super(message, options);
    this.name = 'ChartSyncError';
    this.code = code;
    this.fields = options?.fields;
  }
}

/** `fields` lets a form put each problem next to its input; `message` alone must still say what to fix. */
export type ErrorShape = { code: ErrorCode; message: string; fields?: Record<string, string> };
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorShape };

/** Turns anything thrown into the shape that crosses a process boundary, hiding internals of unknown errors. */
export function toErrorShape(error: unknown): ErrorShape {
  if (error instanceof ChartSyncError) {
    return error.fields
      ? { code: error.code, message: error.message, fields: error.fields }
      : { code: error.code, message: error.message };
  }
  return (
    storageErrorShape(error) ?? {
      code: 'internal',
      message: 'An unexpected error occurred. Details are in the log.',
    }
  );
}

/** The codes of errors that are the disk's or the folder's, not a request's nor a sync's. */
export const STORAGE_ERROR_CODES: ReadonlySet<ErrorCode> = new Set(['disk_full', 'data_folder_read_only']);

const DISK_FULL_SYSTEM_CODES: readonly string[] = ['SQLITE_FULL', 'ENOSPC', 'EDQUOT'];

/**
 * What a system or SQLite error code (SQLITE_FULL, ENOSPC, SQLITE_READONLY_*, EROFS…) says of the storage: a full
 * disk, a read-only file or folder, or nothing of the kind.
 */
export function storageKindOf(code: string): 'disk_full' | 'data_folder_read_only' | null {
  if (DISK_FULL_SYSTEM_CODES.includes(code)) return 'disk_full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'data_folder_read_only';
  return null;
}

/**
 * A full disk or a read-only folder that SQLite or the system reported (SQLITE_FULL, ENOSPC, SQLITE_READONLY…)
 * somewhere no code named the folder: still said as what it is, never as an internal error. The engine's own
 * mapping (electron/engine/db/storage-errors.ts) names the folder where it knows it.
 */
export function storageErrorShape(error: unknown): ErrorShape | null {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  const kind = typeof code === 'string' ? storageKindOf(code) : null;
  if (kind === 'disk_full') {
    return {
      code: kind,
      message:
        'The disk holding the data folder is full: Chart Sync could not store its changes. Everything stored ' +
        'before is intact. Free some space on that disk, then try again.',
    };
  }
  if (kind === 'data_folder_read_only') {
    return {
      code: kind,
      message:
        'The data folder is read-only: Chart Sync cannot store its changes there. Make it writable, or choose ' +
        'another data folder (CHART_SYNC_DATA_DIR or --data-dir).',
    };
  }
  return null;
}
