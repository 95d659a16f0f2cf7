import type { ChartSyncStatus, OverdueLevel } from '../../../../shared/domain/schedule-status';
import type { ScheduleView } from '../../../../shared/views/schedule-view';
import { CHART_STATUS_ORDER } from '../../components/status-icon';
import {
  compareNullable,
  foldText,
  matchesTerms,
  searchTerms,
  textCollator,
  type SortState,
} from '../../components/table-sort';
import { frequencyLabel } from '../../format/frequency';

/** A schedule's status is never "not scheduled": these are the ones the status filter offers. */
export const SCHEDULE_STATUSES = [
  'active',
  'overdue',
  'inactive',
] as const satisfies readonly ChartSyncStatus[];
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

export type ScheduleFilters = { query: string; status: ScheduleStatus | null };
export const NO_SCHEDULE_FILTERS: ScheduleFilters = { query: '', status: null };

export function hasScheduleFilters(filters: ScheduleFilters): boolean {
  return filters.query.trim() !== '' || filters.status !== null;
}

const haystacks = new WeakMap<ScheduleView, string>();

/** What the search box looks in: the chart (name, slug, platform, country) and the frequency as shown. */
function haystackOf(schedule: ScheduleView): string {
  let haystack = haystacks.get(schedule);
  if (haystack === undefined) {
    const { chart } = schedule;
    haystack = foldText(
      [
        chart.name,
        chart.slug,
        chart.platform,
        chart.countryName,
        chart.countryCode,
        frequencyLabel(schedule),
      ].join('\n'),
    );
    haystacks.set(schedule, haystack);
  }
  return haystack;
}

function matchesQuery(schedule: ScheduleView, terms: readonly string[]): boolean {
  return terms.length === 0 || matchesTerms(haystackOf(schedule), terms);
}

export function filterSchedules(
  schedules: readonly ScheduleView[],
  filters: ScheduleFilters,
): readonly ScheduleView[] {
  const terms = searchTerms(filters.query);
  if (terms.length === 0 && filters.status === null) return schedules;
  return schedules.filter(
    (schedule) =>
      (filters.status === null || schedule.status === filters.status) && matchesQuery(schedule, terms),
  );
}

/** How many schedules of each status match the search: the counts beside the status filter's options. */
export function statusCounts(
  schedules: readonly ScheduleView[],
  query: string,
): Record<ScheduleStatus, number> {
  const terms = searchTerms(query);
  const counts: Record<ScheduleStatus, number> = { active: 0, overdue: 0, inactive: 0 };
  for (const schedule of schedules) {
    if (schedule.status !== 'not_scheduled' && matchesQuery(schedule, terms)) counts[schedule.status]++;
  }
  return counts;
}

export const SCHEDULE_SORT_KEYS = [
  'chart',
  'frequency',
  'status',
  'overdue',
  'lastSync',
  'nextSync',
  'successRate',
  'executions',
] as const;
export type ScheduleSortKey = (typeof SCHEDULE_SORT_KEYS)[number];
export const DEFAULT_SCHEDULE_SORT: SortState<ScheduleSortKey> = { key: 'chart', direction: 'asc' };

const OVERDUE_ORDER: Record<OverdueLevel, number> = { failing: 0, overdue: 1, due: 2, none: 3 };

/**
 * A sorted copy; ties fall back to chart name then id. Overdue sorts the most urgent first (failing, then
 * overdue, then due, the latest first within each level); missing times and rates sort last either way.
 */
export function sortSchedules(
  schedules: readonly ScheduleView[],
  sort: SortState<ScheduleSortKey>,
): readonly ScheduleView[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const primary = (a: ScheduleView, b: ScheduleView): number => {
    switch (sort.key) {
      case 'chart':
        return sign * textCollator.compare(a.chart.name, b.chart.name);
      case 'frequency':
        return sign * (a.intervalMs - b.intervalMs);
      case 'status':
        return sign * (CHART_STATUS_ORDER[a.status] - CHART_STATUS_ORDER[b.status]);
      case 'overdue':
        return (
          sign * (OVERDUE_ORDER[a.overdueLevel] - OVERDUE_ORDER[b.overdueLevel] || b.lateByMs - a.lateByMs)
        );
      case 'lastSync':
        return compareNullable(a.lastSyncAt, b.lastSyncAt, sort.direction);
      case 'nextSync':
        return compareNullable(a.nextSyncAt, b.nextSyncAt, sort.direction);
      case 'successRate':
        return compareNullable(a.successRate, b.successRate, sort.direction);
      case 'executions':
        return sign * (a.totalExecutions - b.totalExecutions);
    }
  };
  return [...schedules].sort(
    (a, b) => primary(a, b) || textCollator.compare(a.chart.name, b.chart.name) || a.id - b.id,
  );
}
