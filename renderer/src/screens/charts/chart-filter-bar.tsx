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
    <div className="toolbar" role="search" aria-label="Filter charts">
      <input
        type="search"
        className="charts-search"
        aria-label="Search charts by name, slug or country"
        placeholder="Search name, slug, country…  ( / )"
        value={filters.query}
        onChange={(event) => setQuery(event.target.value)}
        data-search
      />
      {CHART_FACETS.map((facet) => (
        <label key={facet} className="filter">
          <span className="visually-hidden">{FACET_LABEL[facet].label}</span>
          <select
            value={filters[facet] ?? ''}
            onChange={(event) => setFacet(facet, event.target.value === '' ? null : event.target.value)}
          >
            <option value="">{FACET_LABEL[facet].all}</option>
            {options[facet].map((option) => (
              <option key={option.value} value={option.value}>
                {option.label} ({formatCount(option.count)})
              </option>
            ))}
          </select>
        </label>
      ))}
      {hasChartFilters(filters) && (
        <button type="button" className="link-button" onClick={clearFilters}>
          Clear filters
        </button>
      )}
    </div>
  );
}
