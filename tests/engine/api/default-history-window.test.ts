import { describe, expect, it } from 'vitest';
import { DEFAULT_HISTORY_WINDOW_DAYS } from '../../../shared/domain/policies';
import { chartsOf, useApi } from './setup';

const setup = useApi();

describe("a new schedule's history window", () => {
  it('is the built-in default until the operator sets one', async () => {
    const api = await setup();
    const [chartId] = chartsOf(api, 'daily');
    const created = await api.ok('schedules/create', { chartId: chartId! });
    expect(created.schedule.historyWindowDays).toBe(DEFAULT_HISTORY_WINDOW_DAYS);
  });

  it('follows defaultHistoryWindowDays on every path that creates one, unless given', async () => {
    const api = await setup();
    const [viaCall, viaService, viaSync, given] = chartsOf(api, 'daily');
    await api.ok('settings/update', { defaultHistoryWindowDays: 30 });

    // The screens and REST (through the call), the CLI's `schedules add` (the service), a one-off sync.
    expect((await api.ok('schedules/create', { chartId: viaCall! })).schedule.historyWindowDays).toBe(30);
    expect(api.engine.schedules.create({ chartId: viaService! }).schedule.historyWindowDays).toBe(30);
    const execution = api.engine.startChartSync(viaSync!, 'manual');
    expect(api.engine.schedules.get(execution.scheduleId!).historyWindowDays).toBe(30);
    const explicit = await api.ok('schedules/create', { chartId: given!, historyWindowDays: 400 });
    expect(explicit.schedule.historyWindowDays).toBe(400);
  });

  it("the quota impact of a new schedule counts the operator's default window", async () => {
    const api = await setup();
    const [chartId] = chartsOf(api, 'daily');
    const impact = async () =>
      (await api.ok('analytics/quota-impact', { schedule: { chartId: chartId!, isActive: true } }))
        .backfillRequests;
    await api.ok('settings/update', { defaultHistoryWindowDays: 10 });
    const short = await impact();
    await api.ok('settings/update', { defaultHistoryWindowDays: 300 });
    const long = await impact();
    expect(short).toBeGreaterThan(0);
    expect(long).toBeGreaterThan(short);
  });
});
