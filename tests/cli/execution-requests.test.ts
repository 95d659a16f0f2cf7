import { describe, expect, it } from 'vitest';
import { formatExecutions } from '../../electron/cli/format/execution-summary';
import { formatInstant } from '../../electron/cli/format/time';
import { chartSummary, executionView, UI_NOW } from '../renderer/support/sample-views';

const chart = chartSummary({ slug: 'global-28' });

describe('the CLI reports request failures and runs waiting to retry (defects 7.1, 7.2)', () => {
  it('a completed run that needed retries says how many requests failed, and why', () => {
    const execution = executionView({
      requestsMade: 312,
      requestsFailed: 41,
      requestFailures: { '503': 38, timeout: 3 },
    });
    const text = formatExecutions([{ execution, chart }]);
    expect(text).toContain('global-28: 312 requests, 41 failed (503 ×38, timeout ×3)');
  });

  it('a run that ends waiting for a retry is reported as waiting, with its real sync time', () => {
    const retryAt = UI_NOW + 60_000;
    const execution = executionView({
      status: 'pending',
      completedAt: null,
      nextAttemptAt: retryAt,
      retryCount: 1,
      durationMs: 12_300,
      periodsSynced: 5,
      periodsPlanned: 6,
      periodsFailed: 1,
      failedPeriods: ['2025-08-21'],
      errorCode: 'transient',
      errorMessage: '1 of 6 periods could not be fetched',
    });
    const text = formatExecutions([{ execution, chart }]);
    expect(text).toMatch(/^Total: 1 sync, 0 completed, 0 failed, 1 waiting to retry at /m);
    expect(text).toContain(`waiting to retry at ${formatInstant(retryAt)}`);
    expect(text).toContain('12.3 s of sync time');
    expect(text).toContain('failed periods: 2025-08-21');
  });
});
