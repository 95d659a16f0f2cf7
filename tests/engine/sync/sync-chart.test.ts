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

  it("reports the rankings done before the metadata they queued is fetched (metadata: 'later')", async () => {
    const { engine, chartId } = await start();
    const id = chartId({ slug: 'global-28' });
    engine.schedules.create({ chartId: id, historyWindowDays: 3, fetchTrackMetadata: true });
    const execution = await engine.syncChart(id, 'manual', { metadata: 'later' });
    expect(execution).toMatchObject({ status: 'completed', periodsSynced: 3 });
    // The rankings are stored and reported; their songs' metadata is still being fetched, as many at once as
    // a sync keeps requests in flight.
    const pending = engine.enrichment.counts();
    expect(pending.queued + pending.running).toBeGreaterThan(0);
    expect(engine.enrichment.activeTasks).toBe(engine.settings.get().requestsInFlight);
    await engine.metadataDone();
    expect(engine.enrichment.counts()).toMatchObject({ queued: 0, running: 0 });
    expect(engine.enrichment.peakInFlight).toBe(engine.settings.get().requestsInFlight);
  });

  it('by default waits for the metadata too (a caller that reports once)', async () => {
    const { engine, chartId } = await start();
    const id = chartId({ slug: 'global-28' });
    engine.schedules.create({ chartId: id, historyWindowDays: 2, fetchTrackMetadata: true });
    engine.settings.update({ requestsInFlight: 3 });
    await engine.syncChart(id);
    expect(engine.enrichment.counts()).toMatchObject({ queued: 0, running: 0 });
    expect(engine.enrichment.peakInFlight).toBe(3);
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
