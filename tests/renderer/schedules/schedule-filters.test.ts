import { describe, expect, it } from 'vitest';
import type { SortDirection } from '../../../renderer/src/components/table-sort';
import {
  filterSchedules,
  hasScheduleFilters,
  NO_SCHEDULE_FILTERS,
  sortSchedules,
  statusCounts,
  type ScheduleFilters,
  type ScheduleSortKey,
} from '../../../renderer/src/screens/schedules/schedule-filters';
import { chartSummary, healthCounts, scheduleView, UI_NOW } from '../support/sample-views';

const HOUR = 3_600_000;
const schedules = [
  scheduleView({
    id: 1,
    chart: chartSummary({ id: 1, name: 'Top 200 Global', slug: 'top-200-global' }),
    syncFrequency: 'daily',
    intervalMs: 24 * HOUR,
    status: 'active',
    successRate: 90,
    totalExecutions: 10,
    lastSyncAt: UI_NOW - 2 * HOUR,
    nextSyncAt: UI_NOW + 22 * HOUR,
  }),
  scheduleView({
    id: 2,
    chart: chartSummary({
      id: 2,
      name: 'Top 50 France',
      slug: 'top-50-fr',
      countryCode: 'FR',
      countryName: 'France',
    }),
    syncFrequency: 'custom',
    customIntervalHours: 6,
    intervalMs: 6 * HOUR,
    status: 'active',
    health: 'failing',
    healthReason: 'The last sync failed. Sync now to try again, or open the execution for details.',
    successRate: 40,
    totalExecutions: 5,
    lastSyncAt: UI_NOW - 30 * HOUR,
    nextSyncAt: UI_NOW - 20 * HOUR,
  }),
  scheduleView({
    id: 3,
    chart: chartSummary({
      id: 3,
      name: 'Viral Mexico',
      slug: 'viral-mx',
      platform: 'apple-music',
      countryCode: 'MX',
    }),
    syncFrequency: 'cron',
    cronExpression: '0 6 * * 1',
    timeZone: 'America/Mexico_City',
    intervalMs: 7 * 24 * HOUR,
    isActive: false,
    status: 'inactive',
    health: 'paused',
    successRate: null,
    totalExecutions: 0,
    lastSyncAt: null,
    nextSyncAt: null,
  }),
  scheduleView({
    id: 4,
    chart: chartSummary({
      id: 4,
      name: 'Shazam France',
      slug: 'shazam-fr',
      platform: 'shazam',
      countryCode: 'FR',
    }),
    syncFrequency: 'weekly',
    intervalMs: 7 * 24 * HOUR,
    status: 'overdue',
    health: 'overdue',
    successRate: 100,
    totalExecutions: 2,
    lastSyncAt: UI_NOW - 16 * 24 * HOUR,
    nextSyncAt: UI_NOW - 9 * 24 * HOUR,
  }),
];
const ids = (list: readonly { id: number }[]) => list.map((s) => s.id);
const filters = (overrides: Partial<ScheduleFilters>): ScheduleFilters => ({
  ...NO_SCHEDULE_FILTERS,
  ...overrides,
});

describe('filterSchedules', () => {
  it.each<[string, Partial<ScheduleFilters>, number[]]>([
    ['no filters', {}, [1, 2, 3, 4]],
    ['chart name', { query: 'viral' }, [3]],
    ['slug', { query: 'top-50' }, [2]],
    ['platform', { query: 'apple' }, [3]],
    ['country or name', { query: 'france' }, [2, 4]],
    ['frequency as shown', { query: 'every 6' }, [2]],
    ['cron zone', { query: 'mexico_city' }, [3]],
    ['on time', { status: 'on_time' }, [1]],
    ['failing', { status: 'failing' }, [2]],
    ['overdue', { status: 'overdue' }, [4]],
    ['paused', { status: 'paused' }, [3]],
    ['a state no schedule is in', { status: 'late' }, []],
    ['status and search', { status: 'failing', query: 'france' }, [2]],
    ['no match', { query: 'nothing like this' }, []],
  ])('%s', (_name, overrides, expected) => {
    expect(ids(filterSchedules(schedules, filters(overrides)))).toEqual(expected);
  });

  it('returns the same array without filters', () => {
    expect(filterSchedules(schedules, NO_SCHEDULE_FILTERS)).toBe(schedules);
    expect(hasScheduleFilters(NO_SCHEDULE_FILTERS)).toBe(false);
    expect(hasScheduleFilters(filters({ status: 'paused' }))).toBe(true);
  });

  it('counts each health state among the schedules matching the search', () => {
    expect(statusCounts(schedules, '')).toEqual(
      healthCounts({ on_time: 1, failing: 1, overdue: 1, paused: 1 }),
    );
    expect(statusCounts(schedules, 'top')).toEqual(healthCounts({ on_time: 1, failing: 1 }));
  });
});

describe('sortSchedules', () => {
  it.each<[ScheduleSortKey, SortDirection, number[]]>([
    ['chart', 'asc', [4, 2, 1, 3]],
    ['chart', 'desc', [3, 1, 2, 4]],
    ['frequency', 'asc', [2, 1, 4, 3]],
    // Health, most urgent first: failing, then overdue, then on time, then paused.
    ['status', 'asc', [2, 4, 1, 3]],
    ['status', 'desc', [3, 1, 4, 2]],
    ['lastSync', 'asc', [4, 2, 1, 3]],
    ['lastSync', 'desc', [1, 2, 4, 3]],
    ['nextSync', 'asc', [4, 2, 1, 3]],
    ['successRate', 'asc', [2, 1, 4, 3]],
    ['successRate', 'desc', [4, 1, 2, 3]],
    ['executions', 'desc', [1, 2, 4, 3]],
  ])('%s %s', (key, direction, expected) => {
    expect(ids(sortSchedules(schedules, { key, direction }))).toEqual(expected);
  });
});
