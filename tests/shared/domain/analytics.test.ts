import { describe, expect, it } from 'vitest';
import {
  byStaleness,
  dayIndexOf,
  freshnessOf,
  median,
  percentile,
  zonedDayOf,
  zonedDays,
} from '../../../shared/domain/analytics';
import { HOUR_MS } from '../../../shared/domain/policies';

const at = (iso: string) => Date.parse(iso);

describe('zonedDayOf', () => {
  it.each([
    { name: 'UTC', instant: '2026-03-01T23:30:00Z', zone: 'UTC', day: '2026-03-01' },
    {
      name: 'Paris after its midnight',
      instant: '2026-03-01T23:30:00Z',
      zone: 'Europe/Paris',
      day: '2026-03-02',
    },
    {
      name: 'New York before its midnight',
      instant: '2026-03-02T03:00:00Z',
      zone: 'America/New_York',
      day: '2026-03-01',
    },
    { name: 'Kathmandu +05:45', instant: '2026-03-01T18:14:00Z', zone: 'Asia/Kathmandu', day: '2026-03-01' },
    {
      name: 'Kathmandu at its midnight',
      instant: '2026-03-01T18:15:00Z',
      zone: 'Asia/Kathmandu',
      day: '2026-03-02',
    },
    { name: 'Kiribati +14', instant: '2026-03-01T10:00:00Z', zone: 'Pacific/Kiritimati', day: '2026-03-02' },
  ])('$name', ({ instant, zone, day }) => {
    expect(zonedDayOf(at(instant), zone)).toBe(day);
  });
});

describe('zonedDays', () => {
  it.each([
    {
      name: 'three UTC days',
      from: '2026-03-01T00:00:00Z',
      to: '2026-03-04T00:00:00Z',
      zone: 'UTC',
      days: ['2026-03-01', '2026-03-02', '2026-03-03'],
      hours: [24, 24, 24],
    },
    {
      name: 'a range starting mid-day includes that day whole',
      from: '2026-03-01T12:00:00Z',
      to: '2026-03-02T01:00:00Z',
      zone: 'UTC',
      days: ['2026-03-01', '2026-03-02'],
      hours: [24, 24],
    },
    {
      name: 'Paris spring forward: a 23-hour day',
      from: '2026-03-28T23:00:00Z',
      to: '2026-03-30T22:00:00Z',
      zone: 'Europe/Paris',
      days: ['2026-03-29', '2026-03-30'],
      hours: [23, 24],
    },
    {
      name: 'New York fall back: a 25-hour day',
      from: '2026-11-01T04:00:00Z',
      to: '2026-11-02T05:00:00Z',
      zone: 'America/New_York',
      days: ['2026-11-01'],
      hours: [25],
    },
  ])('$name', ({ from, to, zone, days, hours }) => {
    const result = zonedDays(at(from), at(to), zone);
    expect(result.map((d) => d.day)).toEqual(days);
    expect(result.map((d) => (d.end - d.start) / HOUR_MS)).toEqual(hours);
    // Contiguous: each day ends where the next starts.
    for (let i = 1; i < result.length; i++) expect(result[i]!.start).toBe(result[i - 1]!.end);
  });

  it.each([
    { name: 'empty range', from: 10, to: 10 },
    { name: 'reversed range', from: 20, to: 10 },
    { name: 'NaN', from: Number.NaN, to: 10 },
  ])('refuses $name', ({ from, to }) => {
    expect(() => zonedDays(from, to, 'UTC')).toThrow(RangeError);
  });
});

describe('dayIndexOf', () => {
  const days = zonedDays(at('2026-03-01T00:00:00Z'), at('2026-03-04T00:00:00Z'), 'UTC');
  it.each([
    { name: 'before the first day', instant: '2026-02-28T23:59:59Z', index: -1 },
    { name: 'first instant', instant: '2026-03-01T00:00:00Z', index: 0 },
    { name: 'middle day', instant: '2026-03-02T13:00:00Z', index: 1 },
    { name: 'last ms', instant: '2026-03-03T23:59:59.999Z', index: 2 },
    { name: 'end is exclusive', instant: '2026-03-04T00:00:00Z', index: -1 },
  ])('$name', ({ instant, index }) => {
    expect(dayIndexOf(days, at(instant))).toBe(index);
  });
});

describe('median and percentile (nearest rank)', () => {
  it.each([
    { name: 'none', values: [], median: null, p95: null },
    { name: 'one', values: [7], median: 7, p95: 7 },
    { name: 'two: mean of the middle, rounded', values: [10, 13], median: 12, p95: 13 },
    { name: 'odd count, unsorted', values: [5, 1, 3], median: 3, p95: 5 },
    {
      name: 'twenty values: p95 is the 19th',
      values: [...Array(20).keys()].map((i) => (i + 1) * 10),
      median: 105,
      p95: 190,
    },
    {
      name: 'twenty-one values: p95 is the 20th',
      values: [...Array(21).keys()].map((i) => i + 1),
      median: 11,
      p95: 20,
    },
    {
      name: 'one outlier among a hundred',
      values: [...Array(99).fill(1000), 60_000],
      median: 1000,
      p95: 1000,
    },
  ])('$name', ({ values, median: m, p95 }) => {
    expect(median(values)).toBe(m);
    expect(percentile(values, 95)).toBe(p95);
  });

  it('p100 is the maximum, and p outside (0, 100] is refused', () => {
    expect(percentile([3, 9, 1], 100)).toBe(9);
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('freshnessOf', () => {
  it.each([
    {
      name: 'never stored',
      frequency: 'daily',
      newest: null,
      today: '2026-03-10',
      age: null,
      state: 'never',
    },
    {
      name: 'daily, today',
      frequency: 'daily',
      newest: '2026-03-10',
      today: '2026-03-10',
      age: 0,
      state: 'fresh',
    },
    {
      name: 'daily, yesterday + a day of publication delay',
      frequency: 'daily',
      newest: '2026-03-08',
      today: '2026-03-10',
      age: 2,
      state: 'fresh',
    },
    {
      name: 'daily, three days old',
      frequency: 'daily',
      newest: '2026-03-07',
      today: '2026-03-10',
      age: 3,
      state: 'stale',
    },
    {
      name: 'weekly, eight days',
      frequency: 'weekly',
      newest: '2026-03-02',
      today: '2026-03-10',
      age: 8,
      state: 'fresh',
    },
    {
      name: 'weekly, nine days',
      frequency: 'weekly',
      newest: '2026-03-01',
      today: '2026-03-10',
      age: 9,
      state: 'stale',
    },
    {
      name: 'monthly, 32 days',
      frequency: 'monthly',
      newest: '2026-02-01',
      today: '2026-03-05',
      age: 32,
      state: 'fresh',
    },
    {
      name: 'monthly, 33 days',
      frequency: 'monthly',
      newest: '2026-02-01',
      today: '2026-03-06',
      age: 33,
      state: 'stale',
    },
    {
      name: 'a date in the future counts as today',
      frequency: 'daily',
      newest: '2026-03-11',
      today: '2026-03-10',
      age: 0,
      state: 'fresh',
    },
  ] as const)('$name', ({ frequency, newest, today, age, state }) => {
    const result = freshnessOf(frequency, newest, today);
    expect(result.ageDays).toBe(age);
    expect(result.state).toBe(state);
  });

  it('sorts stalest first: never, then periods behind, then name', () => {
    const today = '2026-03-10';
    const items = [
      { name: 'b fresh daily', ...freshnessOf('daily', '2026-03-10', today) },
      { name: 'weekly 3 weeks behind', ...freshnessOf('weekly', '2026-02-17', today) },
      { name: 'z never', ...freshnessOf('daily', null, today) },
      { name: 'a never', ...freshnessOf('weekly', null, today) },
      { name: 'daily 5 days behind', ...freshnessOf('daily', '2026-03-04', today) },
    ];
    expect(items.sort(byStaleness).map((i) => i.name)).toEqual([
      'a never',
      'z never',
      'daily 5 days behind',
      'weekly 3 weeks behind',
      'b fresh daily',
    ]);
  });
});
