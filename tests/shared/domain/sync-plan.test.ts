import { describe, expect, it } from 'vitest';
import {
  planPeriods,
  planRequestCost,
  windowPeriods,
  windowSpan,
  type PlanInput,
} from '../../../shared/domain/sync-plan';

const daily = (date: string, offset = '+00:00') => `${date}T12:00:00${offset}`;
const WINDOW = { from: '2026-11-01', to: '2026-11-05' };
const AVAILABLE = ['2026-11-03', '2026-10-31', '2026-11-05', '2026-11-01', '2026-11-04', '2026-11-02'].map(
  (d) => daily(d),
);

const base: PlanInput = {
  frequency: 'daily',
  window: WINDOW,
  available: AVAILABLE,
  stored: [],
  historical: true,
};
const keys = (input: Partial<PlanInput>) => planPeriods({ ...base, ...input }).map((p) => p.key);

describe('planPeriods', () => {
  it.each([
    {
      name: 'nothing stored: every listed period in the window, newest first',
      input: {},
      expected: ['2026-11-05', '2026-11-04', '2026-11-03', '2026-11-02', '2026-11-01'],
    },
    {
      name: 'stored periods are skipped',
      input: {
        stored: [
          { datetime: daily('2026-11-02'), complete: true },
          { datetime: daily('2026-11-04'), complete: true },
        ],
      },
      expected: ['2026-11-05', '2026-11-03', '2026-11-01'],
    },
    {
      name: 'an incomplete snapshot is fetched again',
      input: { stored: [{ datetime: daily('2026-11-02'), complete: false }] },
      expected: ['2026-11-05', '2026-11-04', '2026-11-03', '2026-11-02', '2026-11-01'],
    },
    {
      name: 'everything stored: nothing to fetch',
      input: { stored: AVAILABLE.map((datetime) => ({ datetime, complete: true })) },
      expected: [],
    },
    {
      name: 'historical off: only the newest period',
      input: { historical: false },
      expected: ['2026-11-05'],
    },
    {
      name: 'historical off and the newest stored: nothing',
      input: { historical: false, stored: [{ datetime: daily('2026-11-05'), complete: true }] },
      expected: [],
    },
    {
      name: 'a stored snapshot with another offset still covers its calendar date',
      input: { stored: [{ datetime: '2026-11-03T00:30:00+02:00', complete: true }] },
      expected: ['2026-11-05', '2026-11-04', '2026-11-02', '2026-11-01'],
    },
    { name: 'the list is empty: nothing exists to fetch', input: { available: [] }, expected: [] },
  ])('$name', ({ input, expected }) => {
    expect(keys(input)).toEqual(expected);
  });

  it('requests exactly the datetime the API listed, and marks the reason', () => {
    const plan = planPeriods({ ...base, stored: [{ datetime: daily('2026-11-04'), complete: false }] });
    expect(plan[1]).toEqual({
      key: '2026-11-04',
      datetime: daily('2026-11-04'),
      reason: 'incomplete',
      listed: true,
    });
    expect(plan[0]).toEqual({
      key: '2026-11-05',
      datetime: daily('2026-11-05'),
      reason: 'missing',
      listed: true,
    });
  });

  it('groups weekly datetimes by ISO week, whatever weekday they carry', () => {
    const plan = planPeriods({
      frequency: 'weekly',
      window: { from: '2026-10-01', to: '2026-10-31' },
      available: ['2026-10-02', '2026-10-09', '2026-10-16', '2026-10-23', '2026-10-30'].map((d) => daily(d)),
      stored: [{ datetime: daily('2026-10-14'), complete: true }],
      historical: true,
    });
    expect(plan.map((p) => p.key)).toEqual(['2026-W44', '2026-W43', '2026-W40', '2026-W41'].sort().reverse());
  });

  it('falls back to the chart calendar when the list is unavailable', () => {
    const plan = planPeriods({
      ...base,
      available: null,
      stored: [{ datetime: daily('2026-11-03'), complete: true }],
    });
    expect(plan.map((p) => [p.key, p.datetime, p.listed])).toEqual([
      ['2026-11-05', daily('2026-11-05'), false],
      ['2026-11-04', daily('2026-11-04'), false],
      ['2026-11-02', daily('2026-11-02'), false],
      ['2026-11-01', daily('2026-11-01'), false],
    ]);
    const monthly = planPeriods({
      frequency: 'monthly',
      window: { from: '2026-09-15', to: '2026-11-10' },
      available: null,
      stored: [],
      historical: true,
    });
    expect(monthly.map((p) => [p.key, p.datetime])).toEqual([
      ['2026-11', daily('2026-11-10')],
      ['2026-10', daily('2026-10-31')],
      ['2026-09', daily('2026-09-30')],
    ]);
  });

  it('a window starting mid-month holds that month, whose ranking is dated before the window starts', () => {
    const window = { from: '2025-06-25', to: '2025-08-23' };
    const available = ['2025-08-01', '2025-07-01', '2025-06-01', '2025-05-01'].map((d) => daily(d));
    const monthly = (stored: PlanInput['stored']) =>
      planPeriods({ frequency: 'monthly', window, available, stored, historical: true }).map((p) => p.key);
    expect(monthly([])).toEqual(['2025-08', '2025-07', '2025-06']);
    expect(monthly([{ datetime: daily('2025-06-01'), complete: true }])).toEqual(['2025-08', '2025-07']);
    expect(windowSpan('monthly', window)).toEqual({ from: '2025-06-01', to: '2025-08-31' });
    expect(windowPeriods('monthly', window).map((p) => p.key)).toEqual(['2025-06', '2025-07', '2025-08']);
  });

  it('keeps the later datetime when a period is listed twice', () => {
    const plan = planPeriods({ ...base, available: [daily('2026-11-05'), '2026-11-05T18:00:00+00:00'] });
    expect(plan).toEqual([
      { key: '2026-11-05', datetime: '2026-11-05T18:00:00+00:00', reason: 'missing', listed: true },
    ]);
  });
});

describe('planRequestCost', () => {
  it.each([
    { periods: 365, entries: 200, pageSize: 100, expected: 730 },
    { periods: 52, entries: 50, pageSize: 100, expected: 52 },
    { periods: 3, entries: 101, pageSize: 100, expected: 6 },
    { periods: 0, entries: 200, pageSize: 100, expected: 0 },
    { periods: 2, entries: 0, pageSize: 100, expected: 2 },
  ])(
    '$periods periods of $entries entries cost $expected requests',
    ({ periods, entries, pageSize, expected }) => {
      expect(planRequestCost(periods, entries, pageSize)).toBe(expected);
    },
  );
});
