import { describe, expect, it } from 'vitest';
import { coverageView } from '../../../electron/engine/api/coverage-view';
import { expectedPeriods } from '../../../shared/domain/periods';

const complete = (dates: readonly string[]) =>
  dates.map((date) => ({ datetime: `${date}T12:00:00+00:00`, complete: true }));

describe('coverageView', () => {
  const weekly = { from: '2026-10-26', to: '2026-11-25' };
  const weeks = expectedPeriods('weekly', weekly);

  it.each([
    ['stored', ['2026-11-02'], [], '2026-W45', 'synced'],
    ['listed as failed by the latest run', [], ['2026-W45'], '2026-W45', 'failed'],
    ['never fetched', [], [], '2026-W45', 'missing'],
    ['not ended yet (this week)', [], [], '2026-W48', 'pending'],
    ['not ended yet, but stored', ['2026-11-23'], [], '2026-W48', 'synced'],
    ['not ended yet, and failed', [], ['2026-W48'], '2026-W48', 'failed'],
  ])('a period %s is %s', (_what, storedDates, failedKeys, key, state) => {
    const view = coverageView({
      frequency: 'weekly',
      window: weekly,
      stored: complete(storedDates),
      failedKeys,
    });
    expect(view.periods.find((p) => p.key === key)?.state).toBe(state);
    expect(view.synced + view.missing + view.failed + view.pending).toBe(weeks.length);
  });

  it('counts today as pending for a daily chart until its ranking is stored', () => {
    const window = { from: '2026-11-20', to: '2026-11-24' };
    const view = coverageView({
      frequency: 'daily',
      window,
      stored: complete(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23']),
      failedKeys: [],
    });
    expect(view).toMatchObject({ synced: 4, missing: 0, failed: 0, pending: 1 });
  });

  it('a snapshot missing entries does not cover its period: the next sync fetches it again', () => {
    const window = { from: '2026-11-20', to: '2026-11-22' };
    const view = coverageView({
      frequency: 'daily',
      window,
      stored: [{ datetime: '2026-11-21T12:00:00+00:00', complete: false }],
      failedKeys: [],
    });
    expect(view.periods.find((p) => p.key === '2026-11-21')?.state).toBe('missing');
  });
});
