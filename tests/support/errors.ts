import { ChartSyncError } from '../../shared/errors';

/** The ChartSyncError `action` throws; anything else it throws, or nothing, fails the test. */
export function errorOf(action: () => unknown): ChartSyncError {
  try {
    action();
  } catch (error) {
    if (error instanceof ChartSyncError) return error;
    throw error;
  }
  throw new Error('expected a ChartSyncError');
}
