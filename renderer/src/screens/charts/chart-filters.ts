import { HEALTH_ORDER, healthText } from '../../../../shared/domain/health-labels';
import type { ChartListItem } from '../../../../shared/views/chart-list-item';
import { chartSearchText, foldText, matchesTerms, searchTerms } from '../../../../shared/domain/text-search';
import { compareNullable, textCollator, type SortState } from '../../components/table-sort';

/** The catalogue's drop-down filters; each narrows on one attribute of the chart. */
export const CHART_FACETS = ['platform', 'country', 'frequency', 'status'] as const;
export type ChartFacet = (typeof CHART_FACETS)[number];

/** null: no filter on that attribute. */
export type ChartFilters = { query: string } & Record<ChartFacet, string | null>;

export const NO_CHART_FILTERS: ChartFilters = {
  query: '',
  platform: null,
  country: null,
  frequency: null,
  status: null,
};

export function hasChartFilters(filters: ChartFilters): boolean {
  return filters.query.trim() !== '' || CHART_FACETS.some((facet) => filters[facet] !== null);
}

/** The status filter and sort read health (one rule for overdue and the rest); "not_scheduled" without one. */
function statusOf(chart: ChartListItem): keyof typeof HEALTH_ORDER {
  return chart.health ?? 'not_scheduled';
}

function facetValue(chart: ChartListItem, facet: ChartFacet): string {
  switch (facet) {
    case 'platform':
      return chart.platform;
    case 'country':
      return chart.countryCode;
    case 'frequency':
      return chart.frequency;
    case 'status':
      return statusOf(chart);
  }
}

function facetLabel(chart: ChartListItem, facet: ChartFacet): string {
  switch (facet) {
    case 'country':
      return chart.countryName && foldText(chart.countryName) !== foldText(chart.countryCode)
        ? `${chart.countryName} (${chart.countryCode})`
        : chart.countryName || chart.countryCode;
    case 'status':
      return healthText(chart.health);
    default:
      return facetValue(chart, facet) || '(none)';
  }
}

// Folded text is computed once per chart object: a re-fetch brings new objects, a keystroke does not.
const haystacks = new WeakMap<ChartListItem, string>();

/** What the search box looks in: name, slug, country (name and code) and platform. */
export function haystackOf(chart: ChartListItem): string {
  let haystack = haystacks.get(chart);
  if (haystack === undefined) {
    haystack = chartSearchText(chart);
    haystacks.set(chart, haystack);
  }
  return haystack;
}

/** The charts matching every filter, in their original order. Without filters the same array comes back. */
export function filterCharts(
  charts: readonly ChartListItem[],
  filters: ChartFilters,
): readonly ChartListItem[] {
  const terms = searchTerms(filters.query);
  const facets = CHART_FACETS.filter((facet) => filters[facet] !== null);
  if (terms.length === 0 && facets.length === 0) return charts;
  return charts.filter(
    (chart) =>
      facets.every((facet) => facetValue(chart, facet) === filters[facet]) &&
      (terms.length === 0 || matchesTerms(haystackOf(chart), terms)),
  );
}

export type FacetOption = { value: string; label: string; count: number };
export type FacetOptions = Record<ChartFacet, FacetOption[]>;

const FREQUENCY_ORDER = ['daily', 'weekly', 'monthly'];

function frequencyRank(frequency: string): number {
  const index = FREQUENCY_ORDER.indexOf(frequency.toLowerCase());
  return index < 0 ? FREQUENCY_ORDER.length : index;
}

function optionOrder(facet: ChartFacet): (a: FacetOption, b: FacetOption) => number {
  switch (facet) {
    case 'status':
      return (a, b) =>
        HEALTH_ORDER[a.value as keyof typeof HEALTH_ORDER] -
        HEALTH_ORDER[b.value as keyof typeof HEALTH_ORDER];
    case 'frequency':
      return (a, b) =>
        frequencyRank(a.value) - frequencyRank(b.value) || textCollator.compare(a.label, b.label);
    default:
      return (a, b) => textCollator.compare(a.label, b.label);
  }
}

/**
 * Every value each filter can take in the catalogue, with how many charts choosing it would show given the
 * other filters (the usual faceted count): an option is never hidden, so a filter can always be changed back.
 */
export function facetOptions(charts: readonly ChartListItem[], filters: ChartFilters): FacetOptions {
  const terms = searchTerms(filters.query);
  const tallies = Object.fromEntries(
    CHART_FACETS.map((facet) => [facet, new Map<string, FacetOption>()]),
  ) as Record<ChartFacet, Map<string, FacetOption>>;
  for (const chart of charts) {
    const queryOk = terms.length === 0 || matchesTerms(haystackOf(chart), terms);
    const facetOk = CHART_FACETS.map(
      (facet) => filters[facet] === null || facetValue(chart, facet) === filters[facet],
    );
    const misses = (queryOk ? 0 : 1) + facetOk.filter((ok) => !ok).length;
    CHART_FACETS.forEach((facet, i) => {
      const value = facetValue(chart, facet);
      let option = tallies[facet].get(value);
      if (!option) tallies[facet].set(value, (option = { value, label: facetLabel(chart, facet), count: 0 }));
      // A chart counts towards this facet's options when it passes every filter but this facet's own.
      if (misses === 0 || (misses === 1 && !facetOk[i])) option.count++;
    });
  }
  return Object.fromEntries(
    CHART_FACETS.map((facet) => [facet, [...tallies[facet].values()].sort(optionOrder(facet))]),
  ) as FacetOptions;
}

export const CHART_SORT_KEYS = [
  'name',
  'platform',
  'country',
  'frequency',
  'status',
  'lastSync',
  'nextSync',
] as const;
export type ChartSortKey = (typeof CHART_SORT_KEYS)[number];
export const DEFAULT_CHART_SORT: SortState<ChartSortKey> = { key: 'name', direction: 'asc' };

/**
 * A sorted copy. Ties fall back to name then id, so the order is total and rows never swap places between two
 * fetches of the same data; charts never synced sort last in either direction.
 */
export function sortCharts(
  charts: readonly ChartListItem[],
  sort: SortState<ChartSortKey>,
): readonly ChartListItem[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const primary = (a: ChartListItem, b: ChartListItem): number => {
    switch (sort.key) {
      case 'name':
        return sign * textCollator.compare(a.name, b.name);
      case 'platform':
        return sign * textCollator.compare(a.platform, b.platform);
      case 'country':
        return sign * textCollator.compare(a.countryName, b.countryName);
      case 'frequency':
        return (
          sign *
          (frequencyRank(a.frequency) - frequencyRank(b.frequency) ||
            textCollator.compare(a.frequency, b.frequency))
        );
      case 'status':
        return sign * (HEALTH_ORDER[statusOf(a)] - HEALTH_ORDER[statusOf(b)]);
      case 'lastSync':
        return compareNullable(a.lastSyncAt, b.lastSyncAt, sort.direction);
      case 'nextSync':
        return compareNullable(a.nextSyncAt, b.nextSyncAt, sort.direction);
    }
  };
  return [...charts].sort((a, b) => primary(a, b) || textCollator.compare(a.name, b.name) || a.id - b.id);
}
