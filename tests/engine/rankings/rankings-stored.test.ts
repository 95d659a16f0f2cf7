import { describe, expect, it } from 'vitest';
import { useApi } from '../api/setup';

const start = useApi();

describe('rankings/stored', () => {
  it('is emitted once per committed period, and the stored rankings then read back', async () => {
    const api = await start();
    const chartId = api.chartId({ slug: 'global-28' });
    const { schedule } = await api.ok('schedules/create', {
      chartId,
      historyWindowDays: 4,
      fetchTrackMetadata: false,
    });
    api.events.splice(0);
    await api.ok('schedules/sync-now', { ids: [schedule.id] });
    await api.engine.scheduler.idle();

    const stored = api.events.flatMap((e) => (e.name === 'rankings/stored' ? [e.payload] : []));
    const dates = (
      api.engine.database.sqlite
        .prepare('SELECT ranking_date AS date FROM chart_rankings WHERE chart_id = ? ORDER BY ranking_date')
        .all(chartId) as { date: string }[]
    ).map((row) => row.date);
    expect(dates.length).toBeGreaterThan(1);
    expect(stored.map((s) => s.date).sort()).toEqual(dates);
    expect(new Set(stored.map((s) => s.chartId))).toEqual(new Set([chartId]));

    const view = await api.ok('rankings/get', { chart: 'global-28' });
    expect(view.date).toBe(dates.at(-1));
    expect(view.dates).toEqual(dates);
    expect(view.chart.scheduleId).toBe(schedule.id);
    expect(view.entries.length).toBe(view.reportedTotal);
    expect(view.entries.every((e) => e.peakPosition <= e.position)).toBe(true);
  });
});
