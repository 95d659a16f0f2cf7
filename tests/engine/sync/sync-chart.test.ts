import { describe, expect, it } from 'vitest';
import { useTestEngine } from '../../support/sync-engine';

const { emulator, start } = useTestEngine();

describe('Engine.syncChart', () => {
  it('waits for its own execution only, not for other syncs the same pass started', async () => {
    const { engine, chartId } = await start();
    const big = engine.schedules.create({
      chartId: chartId({ slug: 'global-28' }),
      historyWindowDays: 300,
      fetchTrackMetadata: false,
      syncImmediately: true,
    });
    emulator.current.faults.configure({ latency: { minMs: 5, maxMs: 5 } });
    const small = chartId({ frequency: 'monthly' });
    engine.schedules.create({ chartId: small, historyWindowDays: 60, fetchTrackMetadata: false });
    const execution = await engine.syncChart(small);
    expect(execution).toMatchObject({ status: 'completed', trigger: 'manual' });
    // The big immediate sync started by the same pass is still running.
    expect(engine.executions.get(big.immediateExecutionId!).status).toBe('running');
    expect(engine.runner.isRunning(big.immediateExecutionId!)).toBe(true);
  });

  it('returns an execution waiting out a retry’s backoff instead of waiting for it', async () => {
    const { engine, chartId, clock } = await start();
    const id = chartId({ slug: 'global-28' });
    engine.schedules.create({ chartId: id, historyWindowDays: 3, fetchTrackMetadata: false });
    emulator.current.faults.configure({ serverError: { probability: 1, match: '/ranking/' } });
    const execution = await engine.syncChart(id);
    expect(execution).toMatchObject({ status: 'pending', retryCount: 1 });
    expect(execution.nextAttemptAt).toBeGreaterThan(clock.now());
  });
});
