import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUOTA_SORT,
  quotaOutlook,
  sortProjections,
} from '../../../renderer/src/screens/analytics/quota-plan';
import { CYCLE_END, projection, quotaPlan } from './sample-analytics';

const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe('the quota planner', () => {
  it.each([
    [DEFAULT_QUOTA_SORT, ['Top Songs', 'Top France', 'Ambient Monthly']],
    [{ key: 'perMonth', direction: 'asc' } as const, ['Ambient Monthly', 'Top France', 'Top Songs']],
    [{ key: 'chart', direction: 'asc' } as const, ['Ambient Monthly', 'Top France', 'Top Songs']],
    [{ key: 'chart', direction: 'desc' } as const, ['Top Songs', 'Top France', 'Ambient Monthly']],
    [{ key: 'runs', direction: 'desc' } as const, ['Top Songs', 'Top France', 'Ambient Monthly']],
    [{ key: 'perRun', direction: 'asc' } as const, ['Ambient Monthly', 'Top France', 'Top Songs']],
    [{ key: 'basis', direction: 'asc' } as const, ['Top France', 'Ambient Monthly', 'Top Songs']],
  ])('sorted by %j', (sort, order) => {
    expect(names(sortProjections(quotaPlan().schedules, sort))).toEqual(order);
  });

  it('breaks ties by name, so equal rows keep one order', () => {
    const rows = [projection({ scheduleId: 2, name: 'B' }), projection({ scheduleId: 1, name: 'A' })];
    expect(names(sortProjections(rows, DEFAULT_QUOTA_SORT))).toEqual(['A', 'B']);
  });

  it('warns when the quota runs out before the cycle ends, saying how early', () => {
    const outlook = quotaOutlook(quotaPlan({ exhaustsAt: CYCLE_END - 3 * 86_400_000 }));
    expect(outlook.tone).toBe('bad');
    expect(outlook.text).toMatch(
      /^At this rate the quota runs out on \d+ Nov 2026, 3 days before the cycle ends/,
    );
  });

  it('says what is left over otherwise, amber when it is under a tenth of what remains', () => {
    expect(quotaOutlook(quotaPlan())).toEqual({
      tone: 'good',
      text: expect.stringContaining('about 47,592 requests to spare'),
    });
    expect(quotaOutlook(quotaPlan({ projectedToCycleEnd: 45_000 })).tone).toBe('warn');
  });

  it('says the quota is not known yet rather than guessing', () => {
    const outlook = quotaOutlook(quotaPlan({ quota: { limit: null, remaining: null, observedAt: null } }));
    expect(outlook.tone).toBe('unknown');
    expect(outlook.text).toContain('Soundcharts has not reported the quota yet');
  });
});
