import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { quotaImpact, quotaPlan } from '../../../electron/engine/analytics/quota-planner';
import { addQuotaSample } from '../../../electron/engine/analytics/usage-store';
import { getChartBySlug } from '../../../electron/engine/db/queries/charts';
import type { AppDatabase } from '../../../electron/engine/db/open-database';
import { ScheduleService } from '../../../electron/engine/schedules/schedule-service';
import { HOUR_MS } from '../../../shared/domain/policies';
import { quotaImpactInput } from '../../../shared/schemas/analytics-input';
import { memoryDatabaseWithCharts } from '../../support/database';

// The billing cycle started today at 00:00 UTC (day 10).
const NOW = Date.parse('2026-03-10T12:00:00Z');
let database: AppDatabase;
let schedules: ScheduleService;
const chart = (slug: string) => getChartBySlug(database, slug)!.id;

beforeEach(() => {
  database = memoryDatabaseWithCharts(() => NOW);
  schedules = new ScheduleService(database, () => NOW);
});
afterEach(() => database.close());

describe('quota left from the cycle before', () => {
  it('is not taken as what is left of this cycle: the quota starts again with the cycle', () => {
    const daily = schedules.create({ chartId: chart('global-28'), fetchTrackMetadata: false }).schedule;
    // Last night, before the cycle turned: nearly spent.
    addQuotaSample(database, { at: NOW - 13 * HOUR_MS, remaining: 10, quotaLimit: 50_000 });
    const plan = quotaPlan({ database, now: NOW, billingCycleDay: 10 });
    expect(plan.cycle.start).toBe(Date.parse('2026-03-10T00:00:00Z'));
    expect(plan.quota).toMatchObject({ limit: 50_000, remaining: null, observedAt: null });
    expect(plan.exhaustsAt).toBeNull();
    const impact = quotaImpact(
      { database, now: NOW, billingCycleDay: 10 },
      quotaImpactInput.parse({ scheduleId: daily.id, schedule: { chartId: chart('global-28') } }),
    );
    expect(impact.exhaustsBeforeCycleEnd).toBe(false);
    expect(impact.remaining).toBeNull();
  });

  it('a sample of this cycle is what is left', () => {
    schedules.create({ chartId: chart('global-28'), fetchTrackMetadata: false });
    addQuotaSample(database, { at: NOW - HOUR_MS, remaining: 40_000, quotaLimit: 50_000 });
    const plan = quotaPlan({ database, now: NOW, billingCycleDay: 10 });
    expect(plan.quota).toMatchObject({ limit: 50_000, remaining: 40_000, observedAt: NOW - HOUR_MS });
  });
});
