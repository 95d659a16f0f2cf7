import { describe, expect, it } from 'vitest';
import {
  backfillMonths,
  summarizeBackfill,
} from '../../../renderer/src/screens/schedule-detail/backfill-summary';
import type { PlannedPeriod } from '../../../shared/domain/sync-plan';

const planned = (
  key: string,
  datetime: string,
  reason: PlannedPeriod['reason'] = 'missing',
): PlannedPeriod => ({
  key,
  datetime,
  reason,
  listed: true,
});

describe('summarizeBackfill', () => {
  it.each([
    {
      name: 'nothing to fetch',
      periods: [],
      expected: { count: 0, incomplete: 0, first: null, last: null },
    },
    {
      name: 'newest-first plan, read oldest first',
      periods: [
        planned('2026-11-20', '2026-11-20T12:00:00+00:00'),
        planned('2026-11-18', '2026-11-18T12:00:00+00:00', 'incomplete'),
        planned('2026-11-02', '2026-11-02T12:00:00+00:00'),
      ],
      expected: { count: 3, incomplete: 1, first: '2026-11-02', last: '2026-11-20' },
    },
    {
      name: "dates in the datetime's own offset",
      periods: [planned('2026-W47', '2026-11-20T00:30:00+02:00')],
      expected: { count: 1, incomplete: 0, first: '2026-11-20', last: '2026-11-20' },
    },
  ])('$name', ({ periods, expected }) => {
    const summary = summarizeBackfill({ periods, requestCost: periods.length * 2, listed: true });
    expect(summary).toMatchObject(expected);
    expect(summary.periods.map((p) => p.key)).toEqual(periods.map((p) => p.key).sort());
  });
});

describe('backfillMonths', () => {
  const daily = (from: string, days: number): PlannedPeriod[] =>
    Array.from({ length: days }, (_, index) => {
      const date = new Date(Date.parse(`${from}T00:00:00Z`) + index * 86_400_000).toISOString().slice(0, 10);
      return planned(date, `${date}T12:00:00+00:00`);
    });

  it.each([
    { name: 'nothing to fetch', periods: [], expected: [] },
    {
      name: 'a year of daily periods: one line per month, each one run of days',
      periods: daily('2025-12-08', 365).reverse(),
      expected: [
        { key: '2025-12', label: 'Dec 2025', count: 24, days: '8–31' },
        { key: '2026-01', label: 'Jan 2026', count: 31, days: '1–31' },
        { key: '2026-02', label: 'Feb 2026', count: 28, days: '1–28' },
        { key: '2026-03', label: 'Mar 2026', count: 31, days: '1–31' },
        { key: '2026-04', label: 'Apr 2026', count: 30, days: '1–30' },
        { key: '2026-05', label: 'May 2026', count: 31, days: '1–31' },
        { key: '2026-06', label: 'Jun 2026', count: 30, days: '1–30' },
        { key: '2026-07', label: 'Jul 2026', count: 31, days: '1–31' },
        { key: '2026-08', label: 'Aug 2026', count: 31, days: '1–31' },
        { key: '2026-09', label: 'Sep 2026', count: 30, days: '1–30' },
        { key: '2026-10', label: 'Oct 2026', count: 31, days: '1–31' },
        { key: '2026-11', label: 'Nov 2026', count: 30, days: '1–30' },
        { key: '2026-12', label: 'Dec 2026', count: 7, days: '1–7' },
      ],
    },
    {
      name: 'gaps split the runs; incomplete periods are counted',
      periods: [
        planned('2026-03-01', '2026-03-01T12:00:00+00:00'),
        planned('2026-03-02', '2026-03-02T12:00:00+00:00', 'incomplete'),
        planned('2026-03-05', '2026-03-05T12:00:00+00:00'),
      ],
      expected: [{ key: '2026-03', count: 3, incomplete: 1, days: '1–2, 5' }],
    },
    {
      name: "weekly periods on their dates, in the datetime's own offset",
      periods: [
        planned('2026-W10', '2026-03-06T00:30:00+02:00'),
        planned('2026-W11', '2026-03-13T00:30:00+02:00'),
        planned('2026-W09', '2026-02-27T00:30:00+02:00'),
      ],
      expected: [
        { key: '2026-02', count: 1, days: '27' },
        { key: '2026-03', count: 2, days: '6, 13' },
      ],
    },
  ])('$name', ({ periods, expected }) => {
    const months = backfillMonths(periods);
    expect(months).toHaveLength(expected.length);
    expected.forEach((month, index) => expect(months[index]).toMatchObject(month));
  });
});
