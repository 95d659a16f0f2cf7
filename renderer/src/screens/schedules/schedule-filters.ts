import { HEALTH_STATES, type Health } from '../../../../shared/domain/health';
import { HEALTH_BY_URGENCY, HEALTH_ORDER } from '../../../../shared/domain/health-labels';
import type { ScheduleView } from '../../../../shared/views/schedule-view';
import { matchesTerms, scheduleSearchText, searchTerms } from '../../../../shared/domain/text-search';
import { compareNullable, textCollator, type SortState } from '../../components/table-sort';
import { frequencyLabel } from '../../format/frequency';

/** The status filter offers every health state, what needs the operator first. */
export const SCHEDULE_STATUSES: readonly Health[] = HEALTH_BY_URGENCY;
export type ScheduleStatus = Health;

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
    haystack = scheduleSearchText(schedule.chart, frequencyLabel(schedule));
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
      (filters.status === null || schedule.health === filters.status) && matchesQuery(schedule, terms),
  );
}

/** How many schedules of each status match the search: the counts beside the status filter's options. */
export function statusCounts(
  schedules: readonly ScheduleView[],
  query: string,
): Record<ScheduleStatus, number> {
  const terms = searchTerms(query);
  const counts = Object.fromEntries(HEALTH_STATES.map((state) => [state, 0])) as Record<Health, number>;
  for (const schedule of schedules) {
    if (matchesQuery(schedule, terms)) counts[schedule.health]++;
  }
  return counts;
}

export const SCHEDULE_SORT_KEYS = [
  'chart',
  'frequency',
  'status',
  'lastSync',
  'nextSync',
  'successRate',
  'executions',
] as const;
export type ScheduleSortKey = (typeof SCHEDULE_SORT_KEYS)[number];
export const DEFAULT_SCHEDULE_SORT: SortState<ScheduleSortKey> = { key: 'chart', direction: 'asc' };

/**
 * A sorted copy; ties fall back to chart name then id. Status sorts by health, what needs the operator first
 * (action required, failing, retrying, overdue, late…); missing times and rates sort last either way.
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
        return sign * (HEALTH_ORDER[a.health] - HEALTH_ORDER[b.health]);
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
