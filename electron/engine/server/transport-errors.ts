import type { ErrorCode, ErrorShape } from '../../../shared/errors';

/**
 * Refusals that happen before a request reaches the contract (no token, wrong method, a body that is not
 * JSON): the REST and WebSocket answers carry these codes besides the contract's own.
 */
export type TransportErrorCode =
  | ErrorCode
  | 'unauthorized'
  | 'forbidden'
  | 'method_not_allowed'
  | 'unsupported_media_type'
  | 'payload_too_large';

export type TransportError = Omit<ErrorShape, 'code'> & { code: TransportErrorCode };

/** The HTTP status of each error code; the contract's codes keep their meaning across every transport. */
export const HTTP_STATUS: Record<TransportErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  not_scheduled: 404,
  method_not_allowed: 405,
  schedule_exists: 409,
  execution_active: 409,
  invalid_state: 409,
  sync_locked: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  // Soundcharts, upstream of us, refused or failed: the gateway's status.
  soundcharts_error: 502,
  database_too_new: 500,
  database_unreadable: 500,
  // The host's storage, not the request, is at fault: Insufficient Storage, and Service Unavailable until fixed.
  disk_full: 507,
  data_folder_read_only: 503,
  data_folder_unusable: 503,
  internal: 500,
};
