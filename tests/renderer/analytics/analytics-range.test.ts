import { describe, expect, it } from 'vitest';
import {
  analyticsInput,
  analyticsRangeParams,
  customRangeProblem,
  daysBetween,
  describeRange,
  parseAnalyticsRange,
  rangeDates,
} from '../../../renderer/src/screens/analytics/analytics-range';
import { analyticsInput as analyticsInputSchema } from '../../../shared/schemas/analytics-input';

// Noon on the viewer's calendar, whatever zone the tests run in.
const NOW = new Date(2026, 10, 23, 12).getTime();
const midnight = (y: number, m: number, d: number) => new Date(y, m - 1, d).getTime();

describe('the range in the URL', () => {
  it.each([
    [{}, { kind: 'preset', days: 30 }],
    [{ days: '7' }, { kind: 'preset', days: 7 }],
    [{ days: '90' }, { kind: 'preset', days: 90 }],
    [{ days: '12' }, { kind: 'preset', days: 30 }],
    [
      { from: '2026-11-01', to: '2026-11-30' },
      { kind: 'custom', from: '2026-11-01', to: '2026-11-30' },
    ],
    [
      { from: '2026-11-01', to: '2026-02-30', days: '7' },
      { kind: 'preset', days: 7 },
    ],
    [{ from: '2026-11-01' }, { kind: 'preset', days: 30 }],
    [
      { from: 'yesterday', to: '2026-11-30' },
      { kind: 'preset', days: 30 },
    ],
  ])('%j reads as %j', (params, range) => {
    expect(parseAnalyticsRange(params)).toEqual(range);
  });

  it.each([
    [{ kind: 'preset', days: 30 } as const, {}],
    [{ kind: 'preset', days: 7 } as const, { days: '7' }],
    [
      { kind: 'custom', from: '2026-11-01', to: '2026-11-05' } as const,
      { from: '2026-11-01', to: '2026-11-05' },
    ],
  ])('%j is written %j and reads back the same', (range, params) => {
    expect(analyticsRangeParams(range)).toEqual(params);
    expect(parseAnalyticsRange(analyticsRangeParams(range))).toEqual(range);
  });
});

describe('the days of a range', () => {
  it('a preset ends today and counts today as one of its days', () => {
    expect(rangeDates({ kind: 'preset', days: 7 }, NOW)).toEqual({ from: '2026-11-17', to: '2026-11-23' });
    expect(rangeDates({ kind: 'preset', days: 30 }, NOW)).toEqual({ from: '2026-10-25', to: '2026-11-23' });
  });

  it('asks the engine from the first midnight to the midnight after the last day, in the viewer’s zone', () => {
    const input = analyticsInput(
      { kind: 'custom', from: '2026-11-01', to: '2026-11-30' },
      NOW,
      'Europe/Paris',
    );
    expect(input).toEqual({
      from: midnight(2026, 11, 1),
      to: midnight(2026, 12, 1),
      timeZone: 'Europe/Paris',
    });
    expect(analyticsInputSchema.safeParse(input).success).toBe(true);
    const week = analyticsInput({ kind: 'preset', days: 7 }, NOW, 'UTC');
    expect(week).toMatchObject({ from: midnight(2026, 11, 17), to: midnight(2026, 11, 24) });
  });

  it.each([
    ['2026-11-01', '2026-11-01', 1],
    ['2026-11-01', '2026-11-30', 30],
    ['2026-03-01', '2026-03-31', 31],
    ['2025-01-01', '2025-12-31', 365],
  ])('%s to %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it.each([
    ['2026-11-01', '2026-11-30', null],
    ['2026-11-30', '2026-11-01', 'The start date must not be after the end date.'],
    ['2025-11-01', '2026-11-01', null],
    ['2025-10-31', '2026-11-01', 'Choose a range of at most 366 days.'],
    [null, '2026-11-01', null],
  ])('custom dates %s – %s: %s', (from, to, problem) => {
    expect(customRangeProblem(from, to)).toBe(problem);
  });

  it('says what the range is in the app’s date format', () => {
    expect(describeRange({ kind: 'preset', days: 90 })).toBe('the last 90 days');
    expect(describeRange({ kind: 'custom', from: '2026-11-01', to: '2026-11-30' })).toBe(
      '1 Nov 2026 – 30 Nov 2026',
    );
    expect(describeRange({ kind: 'custom', from: '2026-11-01', to: '2026-11-01' })).toBe('1 Nov 2026');
  });
});
