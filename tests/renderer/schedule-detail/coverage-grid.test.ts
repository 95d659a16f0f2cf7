import { describe, expect, it } from 'vitest';
import {
  coverageLayout,
  formatDay,
  periodLabel,
} from '../../../renderer/src/screens/schedule-detail/coverage-grid';
import type { CoveragePeriod } from '../../../shared/views/schedule-detail';
import { dailyPeriods } from './sample-detail';

const p = (
  key: string,
  start: string,
  end: string,
  state: CoveragePeriod['state'] = 'synced',
): CoveragePeriod => ({
  key,
  start,
  end,
  state,
});

describe('formatDay', () => {
  it.each([
    ['2026-11-03', '3 Nov 2026'],
    ['2027-01-31', '31 Jan 2027'],
  ])('%s → %s', (date, expected) => expect(formatDay(date)).toBe(expected));
});

describe('periodLabel', () => {
  it.each([
    {
      frequency: 'daily' as const,
      period: p('2026-11-24', '2026-11-24', '2026-11-24'),
      expected: '24 Nov 2026',
    },
    {
      frequency: 'weekly' as const,
      period: p('2026-W47', '2026-11-16', '2026-11-22'),
      expected: 'Week 47 (16 Nov – 22 Nov 2026)',
    },
    {
      frequency: 'weekly' as const,
      period: p('2020-W53', '2020-12-28', '2021-01-03'),
      expected: 'Week 53 (28 Dec 2020 – 3 Jan 2021)',
    },
    { frequency: 'monthly' as const, period: p('2026-02', '2026-02-01', '2026-02-28'), expected: 'Feb 2026' },
  ])('$frequency $period.key', ({ frequency, period, expected }) => {
    expect(periodLabel(frequency, period)).toBe(expected);
  });
});

describe('coverageLayout', () => {
  it('daily: one row per month, a column per day of the month', () => {
    const layout = coverageLayout(
      'daily',
      dailyPeriods('2026-10-30', 5, () => 'synced'),
    );
    expect(layout.columns).toBe(31);
    expect(layout.rows.map((r) => ({ label: r.label, columns: r.cells.map((c) => c.column) }))).toEqual([
      { label: 'Oct 2026', columns: [29, 30] },
      { label: 'Nov 2026', columns: [0, 1, 2] },
    ]);
  });

  it('weekly: one row per ISO week-year, a column per week number', () => {
    const layout = coverageLayout('weekly', [
      p('2020-W52', '2020-12-21', '2020-12-27'),
      p('2020-W53', '2020-12-28', '2021-01-03', 'missing'),
      p('2021-W01', '2021-01-04', '2021-01-10', 'failed'),
    ]);
    expect(layout.columns).toBe(53);
    expect(layout.rows.map((r) => [r.label, r.cells.map((c) => [c.column, c.state])])).toEqual([
      [
        '2020',
        [
          [51, 'synced'],
          [52, 'missing'],
        ],
      ],
      ['2021', [[0, 'failed']]],
    ]);
  });

  it('monthly: one row per year, a column per month', () => {
    const layout = coverageLayout('monthly', [
      p('2025-12', '2025-12-01', '2025-12-31'),
      p('2026-01', '2026-01-01', '2026-01-31'),
    ]);
    expect(layout.columns).toBe(12);
    expect(layout.rows.map((r) => [r.label, r.cells.map((c) => [c.column, c.label])])).toEqual([
      ['2025', [[11, 'Dec 2025']]],
      ['2026', [[0, 'Jan 2026']]],
    ]);
  });

  it('an empty window has no rows', () => {
    expect(coverageLayout('daily', []).rows).toEqual([]);
  });
});
