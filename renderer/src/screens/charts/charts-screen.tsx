import { useCallback, useDeferredValue, useEffect, useMemo } from 'react';
import type { ChartListItem } from '../../../../shared/views/chart-list-item';
import { countSelected } from '../../components/row-selection';
import { NoMatches } from '../../components/search-toolbar';
import { EmptyState, ErrorState, Loading, RefreshError } from '../../components/states';
import { SelectAllHeader, SortableHeader } from '../../components/table-headers';
import { VirtualTable, type RowContext } from '../../components/virtual-table';
import { formatCount } from '../../format/numbers';
import { navigate } from '../../routing/use-route';
import { useEvent, useResync } from '../../transport/api';
import { BulkBar } from './bulk-bar';
import { ChartFilterBar } from './chart-filter-bar';
import { facetOptions, filterCharts, sortCharts, type ChartSortKey } from './chart-filters';
import { ChartCells, chartLinkOf } from './chart-row';
import { useChartsStore } from './charts-store';
import '../../components/list-screen.css';
import './charts.css';

/** Two lines per row (name over slug, relative over absolute time). */
const ROW_HEIGHT = 52;
const NO_CHARTS: readonly ChartListItem[] = [];

const SORTABLE: { key: ChartSortKey; label: string }[] = [
  { key: 'name', label: 'Chart' },
  { key: 'platform', label: 'Platform' },
  { key: 'country', label: 'Country' },
  { key: 'frequency', label: 'Frequency' },
  { key: 'status', label: 'Sync status' },
  { key: 'lastSync', label: 'Last sync' },
  { key: 'nextSync', label: 'Next sync' },
];
/** The select column, the sortable ones and the quick link: as many as the <col>s below. */
const COLUMN_COUNT = SORTABLE.length + 2;

/**
 * The chart catalogue (the original's Chart admin): every chart with its sync status, filters, sorting, and
 * bulk actions that put charts on the sync schedule, take them off, or sync them now.
 */
export function ChartsScreen() {
  const charts = useChartsStore((s) => s.charts);
  const error = useChartsStore((s) => s.error);
  const filters = useChartsStore((s) => s.filters);
  const sort = useChartsStore((s) => s.sort);
  const selection = useChartsStore((s) => s.selection);
  const load = useChartsStore((s) => s.load);
  const partial = useChartsStore((s) => s.partial);
  const refetchSoon = useChartsStore((s) => s.refetchSoon);
  const patchSoon = useChartsStore((s) => s.patchSoon);
  const cancelRefetch = useChartsStore((s) => s.cancelRefetch);
  const sortBy = useChartsStore((s) => s.sortBy);
  const toggle = useChartsStore((s) => s.toggle);
  const setSelected = useChartsStore((s) => s.setSelected);
  const clearFilters = useChartsStore((s) => s.clearFilters);

  useEffect(() => {
    void load();
    return cancelRefetch;
  }, [load, cancelRefetch]);
  // A change to a schedule or a chart (by the engine, or by another process: the engine tells which) changes that
  // row's status or times: fetch those rows again, never the whole catalogue, never poll. A catalogue import
  // may have changed every chart: then the whole list.
  useEvent('schedule/updated', ({ scheduleId }) => patchSoon({ scheduleIds: [scheduleId] }));
  useEvent('schedule/removed', ({ chartId }) => patchSoon({ chartIds: [chartId] }));
  useEvent('charts/updated', ({ chartIds }) => (chartIds ? patchSoon({ chartIds }) : refetchSoon()));
  useResync(load, { onExternalChange: false });

  // Typing stays responsive on a large catalogue: filtering follows the input at lower priority.
  const deferredFilters = useDeferredValue(filters);
  const all = charts ?? NO_CHARTS;
  // Sorted first, then filtered (filtering keeps the order): a keystroke costs one linear pass, never a sort.
  const sorted = useMemo(() => sortCharts(all, sort), [all, sort]);
  const rows = useMemo(() => filterCharts(sorted, deferredFilters), [sorted, deferredFilters]);
  const options = useMemo(() => facetOptions(all, deferredFilters), [all, deferredFilters]);
  const orderedIds = useMemo(() => rows.map((chart) => chart.id), [rows]);
  const selectedShown = useMemo(() => countSelected(selection, orderedIds), [selection, orderedIds]);

  const toggleId = useCallback(
    (id: number, range: boolean) => toggle(id, orderedIds, range),
    [toggle, orderedIds],
  );
  const isSelected = useCallback((chart: ChartListItem) => selection.ids.has(chart.id), [selection]);
  const renderCells = useCallback(
    (chart: ChartListItem, { active }: RowContext) => (
      <ChartCells chart={chart} selected={selection.ids.has(chart.id)} active={active} onToggle={toggleId} />
    ),
    [selection, toggleId],
  );

  let body;
  if (charts === null) {
    body = error ? <ErrorState error={error} onRetry={() => void load()} /> : <Loading what="charts" />;
  } else if (charts.length === 0) {
    body = (
      <EmptyState title="No charts yet">
        <p>Discover charts imports the Soundcharts catalogue.</p>
        <DiscoverButton />
      </EmptyState>
    );
  } else {
    body = (
      <>
        {error && <RefreshError what="the charts" error={error} onRetry={() => void load()} />}
        <ChartFilterBar options={options} />
        <BulkBar hiddenSelected={selection.ids.size - selectedShown} />
        {rows.length === 0 ? (
          <NoMatches noun="charts" onClear={clearFilters} />
        ) : (
          <VirtualTable
            label="Charts"
            className="charts-table"
            rows={rows}
            rowKey={chartId}
            rowHeight={ROW_HEIGHT}
            columnCount={COLUMN_COUNT}
            columns={
              <>
                <col className="col-select" />
                <col className="col-name" />
                <col className="col-platform" />
                <col className="col-country" />
                <col className="col-frequency" />
                <col className="col-status" />
                <col className="col-time" />
                <col className="col-time" />
                <col className="col-link" />
              </>
            }
            head={
              <>
                <SelectAllHeader
                  total={rows.length}
                  selected={selectedShown}
                  noun="matching charts"
                  onChange={(selectAll) => setSelected(orderedIds, selectAll)}
                />
                {SORTABLE.map(({ key, label }) => (
                  <SortableHeader key={key} column={key} label={label} sort={sort} onSort={sortBy} />
                ))}
                <th scope="col">Schedule</th>
              </>
            }
            renderCells={renderCells}
            isSelected={isSelected}
            onToggle={(chart, range) => toggleId(chart.id, range)}
            onOpen={(chart) => navigate(chartLinkOf(chart))}
          />
        )}
      </>
    );
  }

  return (
    <section className="list-screen" aria-labelledby="charts-title">
      <header className="screen-header">
        <h2 id="charts-title">Charts</h2>
        {charts !== null && charts.length > 0 && (
          <span className="muted" role="status">
            {partial
              ? `First ${formatCount(charts.length)} charts; loading the others…`
              : `${formatCount(rows.length)} of ${formatCount(charts.length)} charts`}
          </span>
        )}
        {charts !== null && charts.length > 0 && (
          <span className="screen-header-actions">
            <DiscoverButton />
          </span>
        )}
      </header>
      {body}
    </section>
  );
}

const chartId = (chart: ChartListItem) => chart.id;

/** Imports the Soundcharts catalogue; takes a few seconds, so it says so while it runs. */
function DiscoverButton() {
  const discovering = useChartsStore((s) => s.discovering);
  const discover = useChartsStore((s) => s.discover);
  return (
    <button
      type="button"
      className="primary"
      aria-disabled={discovering}
      aria-busy={discovering}
      onClick={() => void discover()}
    >
      {discovering ? 'Discovering charts…' : 'Discover charts'}
    </button>
  );
}
