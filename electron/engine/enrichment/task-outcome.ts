import { ChartSyncError } from '../../../shared/errors';
import { isSoundchartsError, type SoundchartsErrorCode } from '../soundcharts';

/**
 * What a failed task does next:
 * - `pause`: the account cannot make requests (credentials, plan, quota), or no request reaches Soundcharts
 *   at all (the host does not resolve, TLS fails). Every other task would fail the same way and spend quota or
 *   attempts for nothing, so the runner stops taking tasks until kicked; the task goes back to the queue with
 *   its attempt given back.
 * - `fail`: retrying the same request cannot help (the song does not exist, the request is refused).
 * - `retry`: it may pass later (network, server, a body cut short): back to the queue after a backoff while
 *   attempts remain.
 */
export type TaskOutcome = { action: 'pause' | 'fail' | 'retry'; code: string; message: string };

const ACTIONS: Record<SoundchartsErrorCode, TaskOutcome['action']> = {
  auth: 'pause',
  forbidden: 'pause',
  quota_exhausted: 'pause',
  network: 'pause',
  not_found: 'fail',
  invalid_request: 'fail',
  // The client already waited out the limit several times; try again later rather than give up.
  rate_limited: 'retry',
  transient: 'retry',
  server_error: 'retry',
  malformed_response: 'retry',
};

export function outcomeOf(error: unknown): TaskOutcome {
  const message = error instanceof Error ? error.message : String(error);
  if (isSoundchartsError(error)) return { action: ACTIONS[error.code], code: error.code, message };
  if (error instanceof ChartSyncError && error.code === 'not_found') {
    return { action: 'fail', code: error.code, message };
  }
  // Anything else is unexpected (a bug, a locked database): retrying is bounded by max attempts.
  return { action: 'retry', code: 'internal', message };
}
