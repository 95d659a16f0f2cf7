import { detectSyncFrequency } from '../../../shared/domain/frequency';
import { expectedPeriods, storedHistoryWindow } from '../../../shared/domain/periods';
import { SCHEDULE_DETAIL_EXECUTIONS } from '../../../shared/domain/policies';
import type { ScheduleDetail } from '../../../shared/views/schedule-detail';
import { getChartById } from '../db/queries/charts';
import {
  averageDurationMs,
  completeRankingDates,
  latestFinishedFailedPeriods,
  rankingStats,
} from '../db/queries/schedule-stats';
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
  const expected = expectedPeriods(frequency, window);
  // The first and last periods may reach past the window (a week, a month): a snapshot there still covers them.
  const storedDates = completeRankingDates(database, chart.id, expected[0]!.start, expected.at(-1)!.end);
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
      expected,
      storedDates,
      failedKeys: latestFinishedFailedPeriods(database, id),
    }),
    executions: executions.listForSchedule(id, SCHEDULE_DETAIL_EXECUTIONS),
  };
}
