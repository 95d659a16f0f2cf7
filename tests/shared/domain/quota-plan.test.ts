import { describe, expect, it } from 'vitest';
import type { ScheduleTiming } from '../../../shared/domain/next-sync';
import { DAY_MS } from '../../../shared/domain/policies';
import {
  billingCycle,
  pagesPerRanking,
  projectQuota,
  projectSchedule,
  quotaImpactMessage,
  runsPerMonth,
  untilCycleEnd,
  type QuotaPlanSchedule,
} from '../../../shared/domain/quota-plan';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const timing = (t: Partial<ScheduleTiming> & Pick<ScheduleTiming, 'frequency'>): ScheduleTiming => ({
  customIntervalHours: null,
  cronExpression: null,
  timeZone: null,
  anchorAt: NOW,
  ...t,
});

describe('runsPerMonth (30-day month)', () => {
  it.each([
    { name: 'daily', t: timing({ frequency: 'daily' }), runs: 30 },
    { name: 'weekly', t: timing({ frequency: 'weekly' }), runs: 30 / 7 },
    { name: 'monthly (30 days)', t: timing({ frequency: 'monthly' }), runs: 1 },
    { name: 'every 6 hours', t: timing({ frequency: 'custom', customIntervalHours: 6 }), runs: 120 },
    { name: 'every 36 hours', t: timing({ frequency: 'custom', customIntervalHours: 36 }), runs: 20 },
    {
      name: 'cron weekdays 06:00 Paris',
      t: timing({ frequency: 'cron', cronExpression: '0 6 * * 1-5', timeZone: 'Europe/Paris' }),
      runs: 22,
    },
    {
      name: 'cron hourly',
      t: timing({ frequency: 'cron', cronExpression: '0 * * * *', timeZone: 'UTC' }),
      runs: 720,
    },
    {
      name: 'cron on the 1st',
      t: timing({ frequency: 'cron', cronExpression: '0 0 1 * *', timeZone: 'UTC' }),
      runs: 1,
    },
    {
      name: 'a timing that cannot run',
      t: timing({ frequency: 'cron', cronExpression: 'nonsense', timeZone: 'UTC' }),
      runs: 0,
    },
  ])('$name: $runs', ({ t, runs }) => {
    expect(runsPerMonth(t, NOW)).toBeCloseTo(runs, 6);
  });
});

describe('pagesPerRanking', () => {
  it.each([
    [50, 1],
    [100, 1],
    [101, 2],
    [200, 2],
    [0, 1],
  ])('%i entries: %i pages', (entries, pages) => expect(pagesPerRanking(entries)).toBe(pages));
});

const schedule = (s: Partial<QuotaPlanSchedule> = {}): QuotaPlanSchedule => ({
  scheduleId: 1,
  chartId: 1,
  slug: 'global-28',
  name: 'Top Songs',
  active: true,
  timing: timing({ frequency: 'daily' }),
  chartFrequency: 'daily',
  entriesPerRanking: 200,
  syncHistoricalData: true,
  fetchTrackMetadata: false,
  recentRequests: [],
  recentTracksCreated: [],
  recentPeriodsPlanned: [],
  songsToRefresh: 0,
  ...s,
});

describe('projectSchedule', () => {
  it.each([
    {
      name: 'daily chart synced daily, estimated: a date list and two pages a run',
      s: schedule(),
      expected: { runsPerMonth: 30, requestsPerRun: 3, metadataPerMonth: 0, perMonth: 90, basis: 'estimate' },
    },
    {
      name: 'daily chart synced weekly: seven periods a run',
      s: schedule({ timing: timing({ frequency: 'weekly' }) }),
      expected: { runsPerMonth: 4.3, requestsPerRun: 15, perMonth: 64, basis: 'estimate' },
    },
    {
      name: 'daily chart synced weekly without history: only the newest period a run',
      s: schedule({ timing: timing({ frequency: 'weekly' }), syncHistoricalData: false }),
      expected: { requestsPerRun: 3, perMonth: 13 },
    },
    {
      name: 'weekly 100-entry chart synced every 6 hours: mostly date lists',
      s: schedule({
        chartFrequency: 'weekly',
        entriesPerRanking: 100,
        timing: timing({ frequency: 'custom', customIntervalHours: 6 }),
      }),
      expected: { runsPerMonth: 120, requestsPerRun: 1, perMonth: 124 },
    },
    {
      name: 'measured: the median of its own runs',
      s: schedule({ recentRequests: [10, 30, 11, 12, 500] }),
      expected: { requestsPerRun: 12, perMonth: 360, basis: 'history' },
    },
    {
      name: 'measured runs beyond the latest ten are ignored',
      s: schedule({ recentRequests: [...Array(10).fill(4), ...Array(20).fill(100)] }),
      expected: { requestsPerRun: 4, perMonth: 120, basis: 'history' },
    },
    {
      name: 'metadata from history: new songs per run plus the month’s stale refresh',
      s: schedule({
        fetchTrackMetadata: true,
        recentRequests: [3, 3],
        recentTracksCreated: [2, 6],
        songsToRefresh: 250,
      }),
      expected: { metadataPerMonth: 30 * 4 + 250, perMonth: 90 + 370 },
    },
    {
      name: 'the run that filled a year of history is not routine: still an estimate',
      s: schedule({
        fetchTrackMetadata: true,
        recentRequests: [800],
        recentTracksCreated: [900],
        recentPeriodsPlanned: [365],
      }),
      expected: { requestsPerRun: 3, metadataPerMonth: 600, basis: 'estimate' },
    },
    {
      name: 'routine runs measured, the history fill left out',
      s: schedule({
        fetchTrackMetadata: true,
        recentRequests: [4, 3, 800],
        recentTracksCreated: [2, 4, 900],
        recentPeriodsPlanned: [1, 2, 365],
      }),
      expected: { requestsPerRun: 4, metadataPerMonth: 90, basis: 'history' },
    },
    {
      name: 'metadata estimated: a tenth of each new period’s entries',
      s: schedule({ fetchTrackMetadata: true }),
      expected: { metadataPerMonth: 600, perMonth: 690 },
    },
    {
      name: 'paused: nothing',
      s: schedule({ active: false, fetchTrackMetadata: true, songsToRefresh: 100, recentRequests: [5] }),
      expected: { runsPerMonth: 0, requestsPerRun: 5, metadataPerMonth: 0, perMonth: 0 },
    },
  ])('$name', ({ s, expected }) => {
    expect(projectSchedule(s, NOW)).toMatchObject(expected);
  });
});

describe('billingCycle', () => {
  it.each([
    {
      name: 'day 1, mid-month',
      now: '2026-03-10T12:00:00Z',
      day: 1,
      start: '2026-03-01',
      end: '2026-04-01',
      daysLeft: 22,
    },
    {
      name: 'day 15, before it',
      now: '2026-03-10T12:00:00Z',
      day: 15,
      start: '2026-02-15',
      end: '2026-03-15',
      daysLeft: 5,
    },
    {
      name: 'day 15, on it',
      now: '2026-03-15T00:00:00Z',
      day: 15,
      start: '2026-03-15',
      end: '2026-04-15',
      daysLeft: 31,
    },
    {
      name: 'day 28 across the year',
      now: '2026-01-05T00:00:00Z',
      day: 28,
      start: '2025-12-28',
      end: '2026-01-28',
      daysLeft: 23,
    },
    {
      name: 'December to January',
      now: '2026-12-20T00:00:00Z',
      day: 1,
      start: '2026-12-01',
      end: '2027-01-01',
      daysLeft: 12,
    },
  ])('$name', ({ now, day, start, end, daysLeft }) => {
    expect(billingCycle(Date.parse(now), day)).toEqual({
      start: Date.parse(`${start}T00:00:00Z`),
      end: Date.parse(`${end}T00:00:00Z`),
      daysLeft,
    });
  });

  it.each([0, 29, 1.5])('refuses day %s', (day) => expect(() => billingCycle(NOW, day)).toThrow(RangeError));
});

describe('untilCycleEnd and exhaustsAt', () => {
  const cycle = { start: NOW - 10 * DAY_MS, end: NOW + 15 * DAY_MS, daysLeft: 15 };
  it.each([
    { name: 'enough left', perMonth: 3000, upfront: 0, remaining: 2000, spent: 1500, exhausts: null },
    {
      name: 'quota unknown: never says it runs out',
      perMonth: 3000,
      upfront: 0,
      remaining: null,
      spent: 1500,
      exhausts: null,
    },
    {
      name: 'runs out on day 10',
      perMonth: 3000,
      upfront: 0,
      remaining: 1000,
      spent: 1500,
      exhausts: NOW + 10 * DAY_MS,
    },
    {
      name: 'a backfill spends it first',
      perMonth: 3000,
      upfront: 900,
      remaining: 1000,
      spent: 2400,
      exhausts: NOW + 1 * DAY_MS,
    },
    {
      name: 'a backfill larger than what is left',
      perMonth: 3000,
      upfront: 5000,
      remaining: 1000,
      spent: 6500,
      exhausts: NOW,
    },
    { name: 'already spent', perMonth: 3000, upfront: 0, remaining: 0, spent: 1500, exhausts: NOW },
    { name: 'nothing projected', perMonth: 0, upfront: 0, remaining: 0, spent: 0, exhausts: null },
  ])('$name', ({ perMonth, upfront, remaining, spent, exhausts }) => {
    expect(untilCycleEnd(perMonth, upfront, { now: NOW, remaining, cycle })).toEqual({
      projectedToCycleEnd: spent,
      exhaustsAt: exhausts,
    });
  });

  it('projectQuota sums the schedules and audience', () => {
    const plan = projectQuota({
      now: NOW,
      schedules: [schedule(), schedule({ scheduleId: 2, active: false })],
      audienceLast30Days: 210,
      remaining: 100,
      cycle,
    });
    expect(plan.schedules.map((s) => s.perMonth)).toEqual([90, 0]);
    expect(plan.audiencePerMonth).toBe(210);
    expect(plan.projectedPerMonth).toBe(300);
    expect(plan.projectedToCycleEnd).toBe(150);
    expect(plan.exhaustsAt).toBe(NOW + 10 * DAY_MS);
  });
});

describe('quotaImpactMessage', () => {
  const cycleEnd = Date.parse('2027-01-01T00:00:00Z');
  it.each([
    {
      name: 'adds, enough left',
      facts: {
        beforePerMonth: 0,
        afterPerMonth: 1240,
        backfillRequests: 0,
        remaining: 18000,
        exhaustsAt: null,
      },
      message: 'Adds about 1,240 requests a month; 18,000 requests left until 1 January.',
    },
    {
      name: 'adds a backfill and runs out',
      facts: {
        beforePerMonth: 90,
        afterPerMonth: 900,
        backfillRequests: 730,
        remaining: 1000,
        exhaustsAt: Date.parse('2026-12-12T08:00:00Z'),
      },
      message:
        'Adds about 810 requests a month, plus 730 once for the history: the 1,000 requests left would run out by 12 December, before the billing cycle ends on 1 January.',
    },
    {
      name: 'saves',
      facts: {
        beforePerMonth: 900,
        afterPerMonth: 90,
        backfillRequests: 0,
        remaining: 5000,
        exhaustsAt: null,
      },
      message: 'Saves about 810 requests a month; 5,000 requests left until 1 January.',
    },
    {
      name: 'no change, quota unknown',
      facts: {
        beforePerMonth: 90,
        afterPerMonth: 90,
        backfillRequests: 0,
        remaining: null,
        exhaustsAt: null,
      },
      message:
        'Changes the monthly requests by less than one; the remaining quota is not known yet (Soundcharts tells it with the first request).',
    },
  ])('$name', ({ facts, message }) => {
    expect(quotaImpactMessage({ ...facts, cycleEnd })).toBe(message);
  });
});
