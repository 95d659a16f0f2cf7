import { describe, expect, it } from 'vitest';
import {
  facetOptions,
  filterCharts,
  hasChartFilters,
  NO_CHART_FILTERS,
  sortCharts,
  type ChartFilters,
  type ChartSortKey,
} from '../../../renderer/src/screens/charts/chart-filters';
import type { SortDirection } from '../../../renderer/src/components/table-sort';
import { chartItem, UI_NOW } from '../support/sample-views';

const HOUR = 3_600_000;
const charts = [
  chartItem({
    id: 1,
    name: 'Top 200 Global',
    slug: 'top-200-global',
    platform: 'spotify',
    countryCode: 'GLOBAL',
    countryName: 'Global',
    frequency: 'daily',
    syncStatus: 'active',
    health: 'on_time',
    scheduleId: 11,
    lastSyncAt: UI_NOW - 2 * HOUR,
    nextSyncAt: UI_NOW + 22 * HOUR,
  }),
  chartItem({
    id: 2,
    name: 'Top 50 France',
    slug: 'top-50-fr',
    platform: 'spotify',
    countryCode: 'FR',
    countryName: 'France',
    frequency: 'weekly',
    syncStatus: 'active',
    health: 'failing',
    scheduleId: 12,
    lastSyncAt: UI_NOW - 200 * HOUR,
    nextSyncAt: UI_NOW - 30 * HOUR,
  }),
  chartItem({
    id: 3,
    name: 'Música Latina',
    slug: 'musica-latina-mx',
    platform: 'apple-music',
    countryCode: 'MX',
    countryName: 'Mexico',
    frequency: 'daily',
    syncStatus: 'not_scheduled',
  }),
  chartItem({
    id: 4,
    name: 'Shazam Top 10',
    slug: 'shazam-top-10-fr',
    platform: 'shazam',
    countryCode: 'FR',
    countryName: 'France',
    frequency: 'monthly',
    syncStatus: 'inactive',
    health: 'paused',
    scheduleId: 14,
    lastSyncAt: UI_NOW - 48 * HOUR,
    nextSyncAt: null,
  }),
];
const ids = (list: readonly { id: number }[]) => list.map((c) => c.id);
const filters = (overrides: Partial<ChartFilters>): ChartFilters => ({ ...NO_CHART_FILTERS, ...overrides });

describe('filterCharts', () => {
  it.each<[string, Partial<ChartFilters>, number[]]>([
    ['no filters', {}, [1, 2, 3, 4]],
    ['name, any case', { query: 'TOP 50' }, [2]],
    ['slug', { query: 'musica-latina' }, [3]],
    ['accents folded', { query: 'musica' }, [3]],
    ['country name', { query: 'france' }, [2, 4]],
    ['country code', { query: 'mx' }, [3]],
    ['every word must match', { query: 'top fr' }, [2, 4]],
    ['blank query is no filter', { query: '   ' }, [1, 2, 3, 4]],
    ['platform', { platform: 'spotify' }, [1, 2]],
    ['country', { country: 'FR' }, [2, 4]],
    ['frequency', { frequency: 'daily' }, [1, 3]],
    ['not scheduled', { status: 'not_scheduled' }, [3]],
    ['health', { status: 'failing' }, [2]],
    ['paused', { status: 'paused' }, [4]],
    ['filters combine', { platform: 'spotify', country: 'FR' }, [2]],
    ['filters and search combine', { country: 'FR', query: 'shazam' }, [4]],
    ['nothing matches', { query: 'no such chart' }, []],
  ])('%s', (_name, overrides, expected) => {
    expect(ids(filterCharts(charts, filters(overrides)))).toEqual(expected);
  });

  it('returns the same array without filters, so memoized sorting is not redone', () => {
    expect(filterCharts(charts, NO_CHART_FILTERS)).toBe(charts);
  });

  it.each<[Partial<ChartFilters>, boolean]>([
    [{}, false],
    [{ query: '  ' }, false],
    [{ query: 'x' }, true],
    [{ status: 'on_time' }, true],
  ])('hasChartFilters(%o) is %s', (overrides, expected) => {
    expect(hasChartFilters(filters(overrides))).toBe(expected);
  });
});

describe('facetOptions', () => {
  it('lists every value of the catalogue with its count, in a sensible order', () => {
    const options = facetOptions(charts, NO_CHART_FILTERS);
    expect(options.platform).toEqual([
      { value: 'apple-music', label: 'apple-music', count: 1 },
      { value: 'shazam', label: 'shazam', count: 1 },
      { value: 'spotify', label: 'spotify', count: 2 },
    ]);
    expect(options.country.map((o) => [o.label, o.count])).toEqual([
      ['France (FR)', 2],
      ['Global', 1],
      ['Mexico (MX)', 1],
    ]);
    expect(options.frequency.map((o) => [o.value, o.count])).toEqual([
      ['daily', 2],
      ['weekly', 1],
      ['monthly', 1],
    ]);
    expect(options.status.map((o) => [o.value, o.label, o.count])).toEqual([
      ['failing', '✖ Failing', 1],
      ['on_time', '✅ On time', 1],
      ['paused', '⏸ Paused', 1],
      ['not_scheduled', 'Not scheduled', 1],
    ]);
  });

  it("counts each option under the other filters, ignoring the facet's own choice", () => {
    const options = facetOptions(charts, filters({ country: 'FR', query: 'top' }));
    // Country keeps counting other countries (under the search), so the choice can be changed.
    expect(options.country.map((o) => [o.value, o.count])).toEqual([
      ['FR', 2],
      ['GLOBAL', 1],
      ['MX', 0],
    ]);
    // Platform counts only French charts matching "top".
    expect(options.platform.map((o) => [o.value, o.count])).toEqual([
      ['apple-music', 0],
      ['shazam', 1],
      ['spotify', 1],
    ]);
  });
});

describe('sortCharts', () => {
  it.each<[ChartSortKey, SortDirection, number[]]>([
    // Natural order: "Top 50" before "Top 200".
    ['name', 'asc', [3, 4, 2, 1]],
    ['name', 'desc', [1, 2, 4, 3]],
    ['platform', 'asc', [3, 4, 2, 1]],
    ['country', 'asc', [4, 2, 1, 3]],
    ['frequency', 'asc', [3, 1, 2, 4]],
    ['frequency', 'desc', [4, 2, 3, 1]],
    ['status', 'asc', [2, 1, 4, 3]],
    ['lastSync', 'asc', [2, 4, 1, 3]],
    ['lastSync', 'desc', [1, 4, 2, 3]],
    ['nextSync', 'asc', [2, 1, 3, 4]],
    ['nextSync', 'desc', [1, 2, 3, 4]],
  ])('%s %s', (key, direction, expected) => {
    expect(ids(sortCharts(charts, { key, direction }))).toEqual(expected);
  });

  it('sorts numbers inside names naturally and breaks ties by id', () => {
    const list = [
      chartItem({ id: 5, name: 'Top 100' }),
      chartItem({ id: 7, name: 'Top 10' }),
      chartItem({ id: 6, name: 'Top 10' }),
    ];
    expect(ids(sortCharts(list, { key: 'name', direction: 'asc' }))).toEqual([6, 7, 5]);
  });

  it('does not reorder the array it was given', () => {
    const copy = [...charts];
    sortCharts(charts, { key: 'name', direction: 'desc' });
    expect(charts).toEqual(copy);
  });
});
