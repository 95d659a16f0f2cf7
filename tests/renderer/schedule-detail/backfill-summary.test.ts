import { describe, expect, it } from 'vitest';
import { summarizeBackfill } from '../../../renderer/src/screens/schedule-detail/backfill-summary';
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
