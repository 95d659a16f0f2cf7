import { describe, expect, it } from 'vitest';
import { HOUR_MS } from '../../../shared/domain/policies';
import { useApi } from '../api/setup';

const setup = useApi();

describe('engine.resume() (the desktop shell calls it on powerMonitor resume)', () => {
  it('runs the catch-up once: one run for the slots missed while asleep', async () => {
    const api = await setup();
    const { engine, clock } = api;
    const chartId = api.chartId({ slug: 'global-28' });
    const { schedule } = engine.schedules.create({
      chartId,
      syncFrequency: 'custom',
      customIntervalHours: 1,
      historyWindowDays: 2,
      fetchTrackMetadata: false,
    });
    engine.startScheduler();
    await engine.scheduler.idle();
    expect(engine.executions.listForSchedule(schedule.id)).toEqual([]);

    clock.advance(5 * HOUR_MS + 1_000);
    engine.resume();
    await engine.scheduler.idle();
    const runs = engine.executions.listForSchedule(schedule.id);
    expect(runs.map((r) => [r.trigger, r.status])).toEqual([['catch_up', 'completed']]);
    expect(engine.schedules.get(schedule.id).nextSyncAt).toBeGreaterThan(clock.now());
  });

  it('does nothing in a host that does not schedule (the CLI)', async () => {
    const api = await setup();
    const { engine, clock } = api;
    const chartId = api.chartId({ slug: 'global-28' });
    const { schedule } = engine.schedules.create({
      chartId,
      syncFrequency: 'custom',
      customIntervalHours: 1,
    });
    clock.advance(5 * HOUR_MS);
    engine.resume();
    expect(engine.executions.listForSchedule(schedule.id)).toEqual([]);
    expect(api.errors).toEqual([]);
  });
});
