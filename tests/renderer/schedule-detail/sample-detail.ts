import type { CoveragePeriod, ScheduleDetail } from '../../../shared/views/schedule-detail';
import type { ScheduleView } from '../../../shared/views/schedule-view';
import { scheduleView, UI_NOW } from '../support/sample-views';

/** Daily periods from `from` for `days` days, each in the state `stateOf(index)` gives. */
export function dailyPeriods(
  from: string,
  days: number,
  stateOf: (i: number) => CoveragePeriod['state'],
): CoveragePeriod[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => {
    const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    return { key: date, start: date, end: date, state: stateOf(i) };
  });
}

/** A schedule's detail page data: a daily chart with a 40-day window, mostly synced. */
export function scheduleDetail(
  overrides: Partial<Omit<ScheduleDetail, 'schedule'>> & { schedule?: Partial<ScheduleView> } = {},
): ScheduleDetail {
  const periods = dailyPeriods('2026-10-15', 40, (i) =>
    i === 3 || i === 4 ? 'missing' : i === 20 ? 'failed' : 'synced',
  );
  const { schedule, ...rest } = overrides;
  return {
    schedule: scheduleView({ historyWindowDays: 40, ...schedule }),
    stats: {
      successRate: 90,
      averageDurationMs: 65_000,
      rankingsStored: 37,
      latestRankingDate: '2026-11-23',
      latestFetchedAt: UI_NOW - 2 * 3_600_000,
    },
    coverage: {
      frequency: 'daily',
      from: '2026-10-15',
      to: '2026-11-23',
      periods,
      synced: periods.filter((p) => p.state === 'synced').length,
      missing: periods.filter((p) => p.state === 'missing').length,
      failed: periods.filter((p) => p.state === 'failed').length,
      pending: periods.filter((p) => p.state === 'pending').length,
    },
    executions: [],
    ...rest,
  };
}
