import type { ErrorCode, ErrorShape } from '../../../shared/errors';

/**
 * What went wrong, by error code, as the heading of an error state. A Record, so a code added to the contract
 * does not build until it has words here.
 */
const TITLE: Record<ErrorCode, string> = {
  invalid_input: 'Some of what was sent is not valid',
  unauthorized: 'Chart Sync refused the access token',
  not_found: 'It no longer exists',
  not_scheduled: 'The chart has no sync schedule',
  schedule_exists: 'The chart already has a schedule',
  execution_active: 'A sync of this chart is already running',
  sync_locked: 'Another Chart Sync is syncing',
  invalid_state: 'Not possible in its current state',
  soundcharts_error: 'Soundcharts could not be reached',
  database_too_new: 'The database belongs to a newer Chart Sync',
  database_unreadable: 'The database cannot be read',
  disk_full: 'The disk is full',
  data_folder_read_only: 'The data folder is read-only',
  data_folder_unusable: 'The data folder cannot be used',
  internal: 'Something went wrong',
};

/** What the operator can do about it, where the engine's message alone does not say. */
const NEXT_STEP: Partial<Record<ErrorCode, string>> = {
  unauthorized: 'Open the address that npm start or chart-sync serve printed in its terminal.',
  soundcharts_error:
    'Check the Soundcharts credentials, the plan and its quota, and the network, then try again.',
  internal: 'Try again; if it keeps failing, the log has the details.',
};

export function errorTitle(code: ErrorCode): string {
  return TITLE[code];
}

export function errorNextStep(code: ErrorCode): string | null {
  return NEXT_STEP[code] ?? null;
}

/** The engine's message followed by the next step for codes that have one: the detail of an error toast. */
export function errorDetail(error: ErrorShape): string {
  const next = error.code === 'internal' ? null : errorNextStep(error.code);
  return next ? `${error.message} ${next}` : error.message;
}
