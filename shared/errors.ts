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
  return { code: 'internal', message: 'An unexpected error occurred. Details are in the log.' };
}
