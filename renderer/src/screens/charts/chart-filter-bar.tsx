import { FilterSelect } from '../../components/filter-select';
import { SearchToolbar } from '../../components/search-toolbar';
import { formatCount } from '../../format/numbers';
import { CHART_FACETS, hasChartFilters, type ChartFacet, type FacetOptions } from './chart-filters';
import { useChartsStore } from './charts-store';

const FACET_LABEL: Record<ChartFacet, { label: string; all: string }> = {
  platform: { label: 'Platform', all: 'All platforms' },
  country: { label: 'Country', all: 'All countries' },
  frequency: { label: 'Frequency', all: 'All frequencies' },
  status: { label: 'Sync status', all: 'Any sync status' },
};

/** Search and the four drop-down filters; each option shows how many charts choosing it would list. */
export function ChartFilterBar({ options }: { options: FacetOptions }) {
  const filters = useChartsStore((s) => s.filters);
  const setQuery = useChartsStore((s) => s.setQuery);
  const setFacet = useChartsStore((s) => s.setFacet);
  const clearFilters = useChartsStore((s) => s.clearFilters);
  return (
    <SearchToolbar
      label="Filter charts"
      searchLabel="Search charts by name, slug or country"
      placeholder="Search charts (/)"
      searchClassName="charts-search"
      query={filters.query}
      onQuery={setQuery}
      filtered={hasChartFilters(filters)}
      onClear={clearFilters}
    >
      {CHART_FACETS.map((facet) => (
        <FilterSelect
          key={facet}
          label={FACET_LABEL[facet].label}
          value={filters[facet]}
          all={FACET_LABEL[facet].all}
          options={options[facet].map((option) => ({
            value: option.value,
            label: `${option.label} (${formatCount(option.count)})`,
          }))}
          onChange={(value) => setFacet(facet, value)}
        />
      ))}
    </SearchToolbar>
  );
}
