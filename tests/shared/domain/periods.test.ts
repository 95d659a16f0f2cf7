import { describe, expect, it } from 'vitest';
import type { ChartFrequency } from '../../../shared/domain/frequency';
import {
  addDays,
  calendarDateOf,
  expectedPeriods,
  historyWindow,
  instantOf,
  missingPeriods,
  periodKeyOf,
  periodOf,
  storedHistoryWindow,
  utcDateOf,
} from '../../../shared/domain/periods';
import { HISTORY_WINDOW_DAYS_MAX } from '../../../shared/domain/policies';

const at = (iso: string): number => Date.parse(iso);

describe('calendarDateOf: the date in the datetime’s own offset', () => {
  it.each([
    { name: 'noon at +00:00', input: '2025-08-23T12:00:00+00:00', expected: '2025-08-23' },
    {
      name: 'just after midnight at +02:00 (22:30 the day before in UTC)',
      input: '2025-08-23T00:30:00+02:00',
      expected: '2025-08-23',
    },
    {
      name: 'late evening at -05:00 (the next day in UTC)',
      input: '2025-08-23T23:30:00-05:00',
      expected: '2025-08-23',
    },
    { name: 'Z', input: '2025-08-23T00:00:00Z', expected: '2025-08-23' },
    { name: 'date only', input: '2025-08-23', expected: '2025-08-23' },
    {
      name: 'fractional seconds and a half-hour offset',
      input: '2025-08-23T00:00:00.123456+05:30',
      expected: '2025-08-23',
    },
    { name: 'without seconds', input: '2025-08-23T12:00+02:00', expected: '2025-08-23' },
    { name: 'leap day at -12:00', input: '2024-02-29T23:59:59.999-12:00', expected: '2024-02-29' },
  ])('$name', ({ input, expected }) => {
    expect(calendarDateOf(input)).toBe(expected);
  });

  it.each([
    { name: '30 February', input: '2025-02-30T00:00:00Z' },
    { name: '29 February of a common year', input: '2023-02-29' },
    { name: 'month 13', input: '2025-13-01' },
    { name: 'month 0', input: '2025-00-10' },
    { name: 'day 0', input: '2025-08-00' },
    { name: 'a word', input: 'yesterday' },
    { name: 'empty', input: '' },
    { name: 'datetime without offset (ambiguous)', input: '2025-08-23T12:00:00' },
    { name: 'hour 24', input: '2025-08-23T24:00:00Z' },
    { name: 'minute 60', input: '2025-08-23T12:60:00Z' },
    { name: 'offset without colon', input: '2025-08-23T12:00:00+0200' },
    { name: 'offset of 24 hours', input: '2025-08-23T12:00:00+24:00' },
    { name: 'leading space', input: ' 2025-08-23' },
    { name: 'single-digit month and day', input: '2025-8-3' },
    { name: 'space instead of T', input: '2025-08-23 12:00:00Z' },
  ])('refuses $name', ({ input }) => {
    expect(() => calendarDateOf(input)).toThrow(/does not exist|not a date|impossible/);
  });
});

describe('instantOf honours the offset', () => {
  it.each([
    { name: '+02:00', input: '2025-08-23T00:30:00+02:00', expected: '2025-08-22T22:30:00.000Z' },
    { name: '+00:00', input: '2025-08-23T12:00:00+00:00', expected: '2025-08-23T12:00:00.000Z' },
    { name: '-05:00', input: '2025-08-23T23:30:00-05:00', expected: '2025-08-24T04:30:00.000Z' },
    { name: 'Z', input: '2025-08-23T12:00:00Z', expected: '2025-08-23T12:00:00.000Z' },
    {
      name: 'fraction truncated to ms, +05:30',
      input: '2025-08-23T12:00:00.1239+05:30',
      expected: '2025-08-23T06:30:00.123Z',
    },
    { name: '+05:45 without seconds', input: '2025-08-23T05:45+05:45', expected: '2025-08-23T00:00:00.000Z' },
    { name: 'before 1970', input: '1969-12-31T23:59:59Z', expected: '1969-12-31T23:59:59.000Z' },
  ])('$name', ({ input, expected }) => {
    expect(new Date(instantOf(input)).toISOString()).toBe(expected);
  });

  it.each([
    { name: 'a bare date (no instant)', input: '2025-08-23' },
    { name: 'a datetime without offset', input: '2025-08-23T12:00:00' },
    { name: 'a word', input: 'yesterday' },
  ])('refuses $name', ({ input }) => {
    expect(() => instantOf(input)).toThrow();
  });
});

describe('addDays', () => {
  it.each([
    { name: 'end of February, common year', date: '2025-02-28', days: 1, expected: '2025-03-01' },
    { name: 'into a leap day', date: '2024-02-28', days: 1, expected: '2024-02-29' },
    { name: 'out of a leap day', date: '2024-02-29', days: 1, expected: '2024-03-01' },
    { name: 'into the 2028 leap day', date: '2028-02-28', days: 1, expected: '2028-02-29' },
    { name: 'a leap year back from 2028-02-29', date: '2028-02-29', days: -366, expected: '2027-02-28' },
    { name: 'a year on from 2024-02-29', date: '2024-02-29', days: 365, expected: '2025-02-28' },
    { name: '2100 is not a leap year', date: '2100-02-28', days: 1, expected: '2100-03-01' },
    { name: '2000 is a leap year', date: '2000-02-28', days: 1, expected: '2000-02-29' },
    { name: 'new year', date: '2025-12-31', days: 1, expected: '2026-01-01' },
    { name: 'back over new year', date: '2026-01-01', days: -1, expected: '2025-12-31' },
    { name: 'zero days', date: '2025-08-23', days: 0, expected: '2025-08-23' },
    { name: 'over a month end', date: '2025-01-31', days: 30, expected: '2025-03-02' },
    { name: 'before the epoch', date: '1970-01-01', days: -1, expected: '1969-12-31' },
  ])('$name', ({ date, days, expected }) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    { name: 'an impossible date', date: '2025-02-29', days: 1 },
    { name: 'fractional days', date: '2025-08-23', days: 1.5 },
    { name: 'a two-digit year', date: '25-08-23', days: 1 },
    { name: 'a datetime', date: '2025-08-23T00:00:00Z', days: 1 },
  ])('refuses $name', ({ date, days }) => {
    expect(() => addDays(date, days)).toThrow();
  });
});

describe('utcDateOf', () => {
  it.each([
    { name: 'the epoch', instant: 0, expected: '1970-01-01' },
    { name: '1 ms before the epoch', instant: -1, expected: '1969-12-31' },
    { name: 'last ms of a day', instant: at('2026-03-29T23:59:59.999Z'), expected: '2026-03-29' },
    { name: 'first ms of a day', instant: at('2026-03-30T00:00:00.000Z'), expected: '2026-03-30' },
    { name: 'a leap day', instant: at('2024-02-29T12:00:00Z'), expected: '2024-02-29' },
  ])('$name', ({ instant, expected }) => {
    expect(utcDateOf(instant)).toBe(expected);
  });

  it('refuses NaN', () => {
    expect(() => utcDateOf(Number.NaN)).toThrow(RangeError);
  });
});

describe('ISO-8601 week keys at year boundaries', () => {
  it.each([
    { date: '2020-12-31', expected: '2020-W53' },
    { date: '2021-01-03', expected: '2020-W53' },
    { date: '2021-01-04', expected: '2021-W01' },
    { date: '2024-12-30', expected: '2025-W01' },
    { date: '2025-12-29', expected: '2026-W01' },
    { date: '2026-12-31', expected: '2026-W53' },
    { date: '2027-01-03', expected: '2026-W53' },
    { date: '2027-01-04', expected: '2027-W01' },
    { date: '2008-12-29', expected: '2009-W01' },
    { date: '2010-01-03', expected: '2009-W53' },
    { date: '2025-08-23', expected: '2025-W34' },
    { date: '2024-02-29', expected: '2024-W09' },
  ])('$date → $expected', ({ date, expected }) => {
    expect(periodKeyOf('weekly', date)).toBe(expected);
  });
});

describe('periodOf', () => {
  it.each<{
    name: string;
    frequency: ChartFrequency;
    date: string;
    expected: { key: string; start: string; end: string };
  }>([
    {
      name: 'a day',
      frequency: 'daily',
      date: '2025-08-23',
      expected: { key: '2025-08-23', start: '2025-08-23', end: '2025-08-23' },
    },
    {
      name: 'an ISO week across new year',
      frequency: 'weekly',
      date: '2021-01-03',
      expected: { key: '2020-W53', start: '2020-12-28', end: '2021-01-03' },
    },
    {
      name: 'an ISO week from its Monday',
      frequency: 'weekly',
      date: '2024-12-30',
      expected: { key: '2025-W01', start: '2024-12-30', end: '2025-01-05' },
    },
    {
      name: 'February of a leap year',
      frequency: 'monthly',
      date: '2024-02-10',
      expected: { key: '2024-02', start: '2024-02-01', end: '2024-02-29' },
    },
    {
      name: 'February of a common year',
      frequency: 'monthly',
      date: '2025-02-28',
      expected: { key: '2025-02', start: '2025-02-01', end: '2025-02-28' },
    },
    {
      name: 'February 2028',
      frequency: 'monthly',
      date: '2028-02-01',
      expected: { key: '2028-02', start: '2028-02-01', end: '2028-02-29' },
    },
    {
      name: 'February 2100 (not leap)',
      frequency: 'monthly',
      date: '2100-02-15',
      expected: { key: '2100-02', start: '2100-02-01', end: '2100-02-28' },
    },
    {
      name: 'February 2000 (leap)',
      frequency: 'monthly',
      date: '2000-02-15',
      expected: { key: '2000-02', start: '2000-02-01', end: '2000-02-29' },
    },
    {
      name: 'a 30-day month',
      frequency: 'monthly',
      date: '2025-04-30',
      expected: { key: '2025-04', start: '2025-04-01', end: '2025-04-30' },
    },
    {
      name: 'December',
      frequency: 'monthly',
      date: '2025-12-31',
      expected: { key: '2025-12', start: '2025-12-01', end: '2025-12-31' },
    },
  ])('$name', ({ frequency, date, expected }) => {
    expect(periodOf(frequency, date)).toEqual(expected);
    expect(periodKeyOf(frequency, date)).toBe(expected.key);
  });
});

describe('historyWindow', () => {
  it.each([
    {
      name: '365 days, last ms of the day',
      now: at('2026-08-15T23:59:59.999Z'),
      days: 365,
      expected: { from: '2025-08-16', to: '2026-08-15' },
    },
    {
      name: '365 days, first ms of the day',
      now: at('2026-08-15T00:00:00.000Z'),
      days: 365,
      expected: { from: '2025-08-16', to: '2026-08-15' },
    },
    {
      name: 'a single day',
      now: at('2026-03-01T12:00:00Z'),
      days: 1,
      expected: { from: '2026-03-01', to: '2026-03-01' },
    },
    {
      name: '366 days of a leap year',
      now: at('2024-12-31T18:00:00Z'),
      days: 366,
      expected: { from: '2024-01-01', to: '2024-12-31' },
    },
  ])('$name', ({ now, days, expected }) => {
    const window = historyWindow(now, days);
    expect(window).toEqual(expected);
    expect(expectedPeriods('daily', window)).toHaveLength(days);
  });

  it('the maximum window has exactly that many daily periods', () => {
    expect(
      expectedPeriods('daily', historyWindow(at('2026-08-15T12:00:00Z'), HISTORY_WINDOW_DAYS_MAX)),
    ).toHaveLength(HISTORY_WINDOW_DAYS_MAX);
  });

  it.each([
    { name: 'zero days', days: 0 },
    { name: 'negative days', days: -1 },
    { name: 'fractional days', days: 1.5 },
    { name: 'more than the maximum', days: HISTORY_WINDOW_DAYS_MAX + 1 },
    { name: 'NaN', days: Number.NaN },
  ])('refuses $name', ({ days }) => {
    expect(() => historyWindow(at('2026-08-15T12:00:00Z'), days)).toThrow(RangeError);
  });
});

describe('storedHistoryWindow: a stored day count out of bounds reads as the nearest bound', () => {
  const now = at('2026-08-15T12:00:00Z');
  it.each([
    { name: 'in bounds', days: 30, expected: 30 },
    { name: 'zero days', days: 0, expected: 1 },
    { name: 'negative days', days: -5, expected: 1 },
    { name: 'fractional days', days: 2.5, expected: 2 },
    { name: 'more than the maximum', days: HISTORY_WINDOW_DAYS_MAX + 1, expected: HISTORY_WINDOW_DAYS_MAX },
    { name: 'NaN', days: Number.NaN, expected: 1 },
  ])('$name', ({ days, expected }) => {
    expect(storedHistoryWindow(now, days)).toEqual(historyWindow(now, expected));
  });
});

describe('expectedPeriods', () => {
  const YEAR = { from: '2025-08-16', to: '2026-08-15' };

  it.each<{
    name: string;
    frequency: ChartFrequency;
    window: { from: string; to: string };
    count: number;
    first: string;
    last: string;
  }>([
    {
      name: '365-day window, daily',
      frequency: 'daily',
      window: YEAR,
      count: 365,
      first: '2025-08-16',
      last: '2026-08-15',
    },
    {
      name: '365-day window, weekly',
      frequency: 'weekly',
      window: YEAR,
      count: 53,
      first: '2025-W33',
      last: '2026-W33',
    },
    {
      name: '365-day window, monthly',
      frequency: 'monthly',
      window: YEAR,
      count: 13,
      first: '2025-08',
      last: '2026-08',
    },
    {
      name: 'calendar year 2025, daily',
      frequency: 'daily',
      window: { from: '2025-01-01', to: '2025-12-31' },
      count: 365,
      first: '2025-01-01',
      last: '2025-12-31',
    },
    {
      name: 'calendar year 2025, weekly (ends in 2026-W01)',
      frequency: 'weekly',
      window: { from: '2025-01-01', to: '2025-12-31' },
      count: 53,
      first: '2025-W01',
      last: '2026-W01',
    },
    {
      name: 'calendar year 2025, monthly',
      frequency: 'monthly',
      window: { from: '2025-01-01', to: '2025-12-31' },
      count: 12,
      first: '2025-01',
      last: '2025-12',
    },
    {
      name: 'leap year 2024, daily',
      frequency: 'daily',
      window: { from: '2024-01-01', to: '2024-12-31' },
      count: 366,
      first: '2024-01-01',
      last: '2024-12-31',
    },
    {
      name: 'a single day, weekly',
      frequency: 'weekly',
      window: { from: '2021-01-03', to: '2021-01-03' },
      count: 1,
      first: '2020-W53',
      last: '2020-W53',
    },
    {
      name: 'a single day, monthly',
      frequency: 'monthly',
      window: { from: '2024-02-29', to: '2024-02-29' },
      count: 1,
      first: '2024-02',
      last: '2024-02',
    },
  ])('$name: $count periods', ({ frequency, window, count, first, last }) => {
    const periods = expectedPeriods(frequency, window);
    expect(periods).toHaveLength(count);
    expect(periods[0]?.key).toBe(first);
    expect(periods.at(-1)?.key).toBe(last);
    expect(periods[0]?.start.localeCompare(window.from)).toBeLessThanOrEqual(0);
    expect(periods.at(-1)?.end.localeCompare(window.to)).toBeGreaterThanOrEqual(0);
    for (let i = 1; i < periods.length; i++) {
      expect(periods[i]?.start).toBe(addDays(periods[i - 1]?.end ?? '', 1));
    }
  });

  // A 365-day window spans 52 weeks and a day, so it touches 53 ISO weeks whatever weekday it starts on; only a
  // 366-day window starting on a Sunday reaches 54.
  it.each([
    { name: '365 days from a Monday', from: '2025-08-11', days: 365, count: 53 },
    { name: '365 days from a Tuesday', from: '2025-08-12', days: 365, count: 53 },
    { name: '365 days from a Wednesday', from: '2025-08-13', days: 365, count: 53 },
    { name: '365 days from a Thursday', from: '2025-08-14', days: 365, count: 53 },
    { name: '365 days from a Friday', from: '2025-08-15', days: 365, count: 53 },
    { name: '365 days from a Saturday', from: '2025-08-16', days: 365, count: 53 },
    { name: '365 days from a Sunday', from: '2025-08-17', days: 365, count: 53 },
    { name: '366 days from a Monday', from: '2025-08-11', days: 366, count: 53 },
    { name: '366 days from a Sunday', from: '2025-08-17', days: 366, count: 54 },
    { name: '7 days from a Monday', from: '2025-08-11', days: 7, count: 1 },
    { name: '7 days from a Sunday', from: '2025-08-17', days: 7, count: 2 },
  ])('weekly alignment, $name: $count weeks', ({ from, days, count }) => {
    expect(expectedPeriods('weekly', { from, to: addDays(from, days - 1) })).toHaveLength(count);
  });

  it.each([
    { name: 'a window that ends before it starts', window: { from: '2025-08-16', to: '2025-08-15' } },
    { name: 'an impossible date', window: { from: '2025-02-30', to: '2025-03-15' } },
  ])('refuses $name', ({ window }) => {
    expect(() => expectedPeriods('daily', window)).toThrow();
  });
});

describe('missingPeriods', () => {
  it.each<{
    name: string;
    frequency: ChartFrequency;
    window: { from: string; to: string };
    stored: string[];
    missing: string[];
  }>([
    {
      name: 'weekly: two rankings stamped on different weekdays of one ISO week count once',
      frequency: 'weekly',
      window: { from: '2026-03-02', to: '2026-03-29' },
      stored: ['2026-03-02', '2026-03-06T00:00:00+00:00', '2026-03-23T00:30:00+02:00'],
      missing: ['2026-W11', '2026-W12'],
    },
    {
      name: 'weekly: a Sunday and the following Monday are different weeks',
      frequency: 'weekly',
      window: { from: '2026-03-02', to: '2026-03-15' },
      stored: ['2026-03-08', '2026-03-09'],
      missing: [],
    },
    {
      name: 'daily: a datetime counts for the date in its own offset',
      frequency: 'daily',
      window: { from: '2025-08-21', to: '2025-08-24' },
      stored: ['2025-08-21', '2025-08-23T00:30:00+02:00'],
      missing: ['2025-08-22', '2025-08-24'],
    },
    {
      name: 'monthly: late evening at -05:00 stays in its month',
      frequency: 'monthly',
      window: { from: '2025-01-15', to: '2025-04-10' },
      stored: ['2025-02-28', '2025-03-31T23:00:00-05:00'],
      missing: ['2025-01', '2025-04'],
    },
    {
      name: 'stored dates outside the window are ignored',
      frequency: 'daily',
      window: { from: '2025-08-21', to: '2025-08-22' },
      stored: ['2025-08-20', '2025-08-23', '2025-08-22'],
      missing: ['2025-08-21'],
    },
    {
      name: 'nothing stored: every period is missing',
      frequency: 'monthly',
      window: { from: '2025-11-15', to: '2026-01-15' },
      stored: [],
      missing: ['2025-11', '2025-12', '2026-01'],
    },
    {
      name: 'everything stored: nothing is missing',
      frequency: 'daily',
      window: { from: '2024-02-28', to: '2024-03-01' },
      stored: ['2024-03-01', '2024-02-29', '2024-02-28'],
      missing: [],
    },
  ])('$name', ({ frequency, window, stored, missing }) => {
    const result = missingPeriods(frequency, expectedPeriods(frequency, window), stored);
    expect(result.map((period) => period.key)).toEqual(missing);
  });

  it('keeps the periods’ bounds and order', () => {
    const expected = expectedPeriods('weekly', { from: '2020-12-28', to: '2021-01-10' });
    expect(missingPeriods('weekly', expected, ['2021-01-04'])).toEqual([
      { key: '2020-W53', start: '2020-12-28', end: '2021-01-03' },
    ]);
  });

  it('an empty expectation has nothing missing', () => {
    expect(missingPeriods('daily', [], ['2025-08-23'])).toEqual([]);
  });

  it('refuses an unparseable stored date', () => {
    expect(() => missingPeriods('daily', [], ['23/08/2025'])).toThrow();
  });
});
