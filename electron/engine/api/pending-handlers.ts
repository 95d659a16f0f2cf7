import type { CallHandlers } from '../../../shared/contract/calls';
import { ChartSyncError } from '../../../shared/errors';

/** TEMPORARY (issue 11 lanes replace each entry with its real handler, then delete this file). */
const pending = (): never => {
  throw new ChartSyncError('invalid_state', 'Not built yet.');
};

export function pendingHandlers(): Pick<
  CallHandlers,
  | 'connection/get'
  | 'connection/set-credentials'
  | 'connection/clear-credentials'
  | 'connection/test'
  | 'schedules/pause-all'
  | 'schedules/resume-all'
  | 'schedules/sync-due'
> {
  return {
    'connection/get': pending,
    'connection/set-credentials': pending,
    'connection/clear-credentials': pending,
    'connection/test': pending,
    'schedules/pause-all': pending,
    'schedules/resume-all': pending,
    'schedules/sync-due': pending,
  };
}
