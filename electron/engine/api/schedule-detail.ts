import { detectSyncFrequency } from '../../../shared/domain/frequency';
import { storedHistoryWindow } from '../../../shared/domain/periods';
import { SCHEDULE_DETAIL_EXECUTIONS } from '../../../shared/domain/policies';
import type { ScheduleDetail } from '../../../shared/views/schedule-detail';
import { getChartById } from '../db/queries/charts';
import { windowSpan } from '../../../shared/domain/sync-plan';
import { averageDurationMs, latestFinishedFailedPeriods, rankingStats } from '../db/queries/schedule-stats';
import { storedSnapshots } from '../sync/store-snapshot';
import { coverageView } from './coverage-view';
import type { HandlerContext } from './handler-context';

/** A schedule's detail page: the schedule, its statistics, the coverage of its history window, its history. */
export function scheduleDetail(
  { database, schedules, executions, now }: HandlerContext,
  id: number,
): ScheduleDetail {
  const schedule = schedules.get(id);
  const chart = getChartById(database, schedule.chart.id)!;
  const frequency = detectSyncFrequency(chart.frequency);
  const window = storedHistoryWindow(now(), schedule.historyWindowDays);
  // The first and last periods may reach past the window (a week, a month): a snapshot there still covers them.
  const stored = storedSnapshots(database, chart.id, windowSpan(frequency, window));
  const stats = rankingStats(database, chart.id);
  return {
    schedule,
    stats: {
      successRate: schedule.successRate,
      averageDurationMs: averageDurationMs(database, id),
      rankingsStored: stats.stored,
      latestRankingDate: stats.latestDate,
      latestFetchedAt: stats.latestFetchedAt,
    },
    coverage: coverageView({
      frequency,
      window,
      stored,
      failedKeys: latestFinishedFailedPeriods(database, id),
    }),
    executions: executions.listForSchedule(id, SCHEDULE_DETAIL_EXECUTIONS),
  };
}
