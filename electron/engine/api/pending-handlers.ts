import type { CallHandlers } from '../../../shared/contract/calls';
import { ChartSyncError } from '../../../shared/errors';

/** TEMPORARY (issue 11 lanes replace each entry with its real handler, then delete this file). */
const pending = (): never => {
  throw new ChartSyncError('invalid_state', 'Not built yet.');
};

export function pendingHandlers(): Pick<
  CallHandlers,
  'schedules/pause-all' | 'schedules/resume-all' | 'schedules/sync-due'
> {
  return {
    'schedules/pause-all': pending,
    'schedules/resume-all': pending,
    'schedules/sync-due': pending,
  };
}
