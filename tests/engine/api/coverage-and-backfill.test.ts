import { describe, expect, it } from 'vitest';
import { useTestEngine } from '../../support/sync-engine';

const { start } = useTestEngine();

describe('coverage and backfill answer from one plan', () => {
  it('a monthly chart with a 60-day window: what coverage calls missing is what a backfill fetches', async () => {
    const { engine, chartId } = await start();
    const { schedule } = engine.schedules.create({
      chartId: chartId({ frequency: 'monthly' }),
      historyWindowDays: 60,
      fetchTrackMetadata: false,
    });
    const coverage = async () => (await engine.handlers['schedules/get']({ id: schedule.id })).coverage;
    const preview = async () =>
      (await engine.handlers['schedules/backfill-preview']({ id: schedule.id })).periods.map((p) => p.key);

    const before = await coverage();
    const missing = before.periods.filter((p) => p.state === 'missing').map((p) => p.key);
    expect(missing.length).toBeGreaterThan(0);
    expect(await preview()).toEqual(expect.arrayContaining(missing));

    const backfill = await engine.syncChart(schedule.chart.id, 'backfill');
    expect(backfill.status).toBe('completed');
    const after = await coverage();
    expect(after).toMatchObject({ missing: 0, failed: 0 });
    expect(after.periods.every((p) => p.state === 'synced')).toBe(true);
    expect(await preview()).toEqual([]);
  });
});
