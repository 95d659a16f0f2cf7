import { describe, expect, it } from 'vitest';
import { REQUEST_RETRY_POLICY } from '../../../shared/domain/policies';
import { useTestEngine } from '../../support/sync-engine';

const { emulator, start: setup } = useTestEngine();

const faultCount = (fault: string) => emulator.current.stats.count((r) => r.fault === fault);

describe('an execution records the request attempts that failed (defect 7.1)', () => {
  it('503s on ranking requests: completed, and every retried 503 is on the record', async () => {
    // A generous timeout: on a loaded machine the test engine's 2 s one adds timeouts to the 503s counted here.
    const { engine, chartId } = await setup({ timeoutMs: 30_000 });
    const id = chartId({ slug: 'global-28' });
    engine.schedules.create({ chartId: id, historyWindowDays: 20, fetchTrackMetadata: false });
    emulator.current.stats.reset();
    // As many 503s as one request may be retried (REQUEST_RETRY_POLICY), so that none fails for good even if all
    // fall on one request: at 30 % by chance, 1 run in 10 lost a period (0.3⁵ per request, 40 requests) and stayed
    // pending instead of completed.
    emulator.current.faults.configure({
      serverError: { next: REQUEST_RETRY_POLICY.maxRetries, match: '/ranking/' },
    });
    const execution = await engine.syncChart(id);
    const failures = faultCount('serverError');
    expect(failures).toBe(REQUEST_RETRY_POLICY.maxRetries);
    expect(execution).toMatchObject({ status: 'completed', periodsSynced: 20 });
    expect(execution.requestsFailed).toBe(failures);
    expect(execution.requestFailures).toEqual({ '503': failures });
    // requests_made counts every attempt, the failed ones included.
    expect(execution.requestsMade).toBeGreaterThanOrEqual(20 + failures);
  });

  it('timeouts and resets are named as such', async () => {
    const { engine, chartId } = await setup({ timeoutMs: 200 });
    const id = chartId({ slug: 'global-28' });
    engine.schedules.create({ chartId: id, historyWindowDays: 6, fetchTrackMetadata: false });
    emulator.current.faults.configure({
      timeout: { next: 2, match: '/ranking/' },
      connectionReset: { next: 3, match: '/ranking/' },
    });
    const execution = await engine.syncChart(id);
    expect(execution.status).toBe('completed');
    expect(execution.requestFailures).toEqual({ timeout: 2, reset: 3 });
    expect(execution.requestsFailed).toBe(5);
  });

  it('a run that waits to retry lists its failed periods already, and has a duration', async () => {
    const { engine, chartId } = await setup();
    const id = chartId({ slug: 'global-28' });
    engine.schedules.create({ chartId: id, historyWindowDays: 6, fetchTrackMetadata: false });
    // One period answers 503 to every attempt: it fails once its request retries are spent; the rest store.
    emulator.current.faults.configure({ serverError: { probability: 1, match: '2025-08-21' } });
    const execution = await engine.syncChart(id);
    expect(execution).toMatchObject({ status: 'pending', retryCount: 1, periodsSynced: 5, periodsFailed: 1 });
    expect(execution.failedPeriods).toEqual(['2025-08-21']);
    expect(execution.durationMs).not.toBeNull();
    expect(execution.requestFailures['503']).toBe(5);
  });
});
