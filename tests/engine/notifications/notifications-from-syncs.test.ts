import { describe, expect, it } from 'vitest';
import { RETRY_POLICY } from '../../../shared/domain/policies';
import { useApi } from '../api/setup';

const setup = useApi();

describe('notifications from real syncs (against the emulator)', () => {
  it('a sync that is retried notifies nothing until it fails for good, then once, opening the execution', async () => {
    const api = await setup();
    const { engine, clock } = api;
    const chartId = api.chartId({ slug: 'global-28' });
    engine.schedules.create({ chartId, historyWindowDays: 3, fetchTrackMetadata: false });
    api.emulator.faults.configure({ serverError: { probability: 1, match: '/ranking/' } });
    const notified = () => api.events.flatMap((e) => (e.name === 'notification/show' ? [e.payload] : []));
    const raised = () => api.events.filter((e) => e.name === 'alert/raised');

    let execution = await engine.syncChart(chartId);
    for (let retry = 1; retry <= RETRY_POLICY.maxRetries; retry += 1) {
      // Waiting out a retry's backoff: no alert, no notification.
      expect(execution).toMatchObject({ status: 'pending', retryCount: retry });
      expect(raised()).toEqual([]);
      expect(notified()).toEqual([]);
      clock.advance(RETRY_POLICY.maxDelayMs);
      await engine.scheduler.idle();
      execution = engine.executions.get(execution.id);
    }
    expect(execution).toMatchObject({ status: 'failed', retryCount: RETRY_POLICY.maxRetries });
    expect(raised()).toHaveLength(1);
    expect(notified()).toEqual([
      expect.objectContaining({
        kind: 'sync_failed',
        title: expect.stringMatching(/^Sync failed: /),
        body: expect.stringMatching(/failed after 3 retries.*Open it to see the error and retry\.$/s),
        target: { screen: 'execution', id: execution.id },
      }),
    ]);
  });

  it('a kind turned off in the settings (through the call) is recorded but not notified', async () => {
    const api = await setup();
    const { engine, clock } = api;
    await api.ok('settings/update', { disabledNotificationKinds: ['sync_failed'] });
    const chartId = api.chartId({ slug: 'global-28' });
    engine.schedules.create({ chartId, historyWindowDays: 3, fetchTrackMetadata: false });
    api.emulator.faults.configure({ serverError: { probability: 1, match: '/ranking/' } });
    let execution = await engine.syncChart(chartId);
    while (execution.status !== 'failed') {
      clock.advance(RETRY_POLICY.maxDelayMs);
      await engine.scheduler.idle();
      execution = engine.executions.get(execution.id);
    }
    expect(api.events.filter((e) => e.name === 'alert/raised')).toHaveLength(1);
    expect(api.events.filter((e) => e.name === 'notification/show')).toEqual([]);
  });
});
