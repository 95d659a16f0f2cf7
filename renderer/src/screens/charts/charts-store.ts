import { create } from 'zustand';
import type { ErrorShape } from '../../../../shared/errors';
import type { BulkResult } from '../../../../shared/views/bulk-result';
import type { ChartListItem } from '../../../../shared/views/chart-list-item';
import type { Result } from '../../../../shared/errors';
import { reportBulk } from '../../actions/run-action';
import { debounce } from '../../components/debounce';
import { listState, type ListState } from '../../components/list-state';
import { pruneSelection } from '../../components/row-selection';
import { formatCount } from '../../format/numbers';
import { toast } from '../../store/toast-store';
import { call } from '../../transport/api';
import {
  DEFAULT_CHART_SORT,
  NO_CHART_FILTERS,
  type ChartFacet,
  type ChartFilters,
  type ChartSortKey,
} from './chart-filters';

/** A burst of engine events (a bulk add touches hundreds of schedules) becomes one re-fetch. */
export const REFETCH_DEBOUNCE_MS = 300;

export type ChartBulkAction = 'add' | 'remove' | 'sync';

type ChartsState = ListState<ChartFilters, ChartSortKey> & {
  /** null until the first successful fetch. */
  charts: ChartListItem[] | null;
  /** The last fetch's failure; kept beside stale data so a failed refresh is visible without hiding the list. */
  error: ErrorShape | null;
  loading: boolean;
  syncImmediately: boolean;
  discovering: boolean;
  bulkRunning: ChartBulkAction | null;

  load(): Promise<void>;
  refetchSoon(): void;
  cancelRefetch(): void;
  setQuery(query: string): void;
  setFacet(facet: ChartFacet, value: string | null): void;
  setSyncImmediately(value: boolean): void;
  discover(): Promise<void>;
  runBulk(action: ChartBulkAction): Promise<void>;
};

let loadSeq = 0;

const BULK: Record<
  ChartBulkAction,
  {
    verb: { done: string; failed: string };
    send: (ids: number[], immediately: boolean) => Promise<Result<BulkResult>>;
  }
> = {
  add: {
    verb: { done: 'Added to the sync schedule', failed: 'Could not add to the sync schedule' },
    send: (chartIds, syncImmediately) => call('charts/add-to-schedule', { chartIds, syncImmediately }),
  },
  remove: {
    verb: { done: 'Removed from the sync schedule', failed: 'Could not remove from the sync schedule' },
    send: (chartIds) => call('charts/remove-from-schedule', { chartIds }),
  },
  sync: {
    verb: { done: 'Sync started', failed: 'Could not start the sync' },
    send: (chartIds) => call('charts/sync-now', { chartIds }),
  },
};

/**
 * The Charts screen's state. It lives outside the component so filters, sort and selection are still there
 * when the operator comes back from a schedule page.
 */
export const useChartsStore = create<ChartsState>()((set, get) => {
  const refetch = debounce(() => void get().load(), REFETCH_DEBOUNCE_MS);
  return {
    ...listState(set, get, { filters: NO_CHART_FILTERS, sort: DEFAULT_CHART_SORT }),
    charts: null,
    error: null,
    loading: false,
    syncImmediately: false,
    discovering: false,
    bulkRunning: null,

    async load() {
      get().cancelRefetch();
      // Only the newest fetch may land: an older answer arriving late must not overwrite fresher data.
      const seq = ++loadSeq;
      set({ loading: true });
      const result = await call('charts/list', {});
      if (seq !== loadSeq) return;
      if (!result.ok) {
        set({ loading: false, error: result.error });
        return;
      }
      const existing = new Set(result.value.map((chart) => chart.id));
      set({
        charts: result.value,
        error: null,
        loading: false,
        selection: pruneSelection(get().selection, existing),
      });
    },
    refetchSoon: refetch,
    cancelRefetch: refetch.cancel,
    setQuery(query) {
      get().setFilters({ query });
    },
    setFacet(facet, value) {
      get().setFilters({ [facet]: value });
    },
    setSyncImmediately(syncImmediately) {
      set({ syncImmediately });
    },

    async discover() {
      if (get().discovering) return;
      set({ discovering: true });
      const result = await call('charts/discover', {});
      set({ discovering: false });
      if (!result.ok) {
        toast.error('Could not discover charts', result.error);
        return;
      }
      const { charts, created, updated, platforms } = result.value;
      toast.success(
        `Discovered ${formatCount(charts)} charts on ${formatCount(platforms)} platforms`,
        `${formatCount(created)} new, ${formatCount(updated)} updated.`,
      );
      get().refetchSoon();
    },

    async runBulk(action) {
      const { selection, syncImmediately, bulkRunning } = get();
      if (bulkRunning !== null || selection.ids.size === 0) return;
      const ids = [...selection.ids];
      set({ bulkRunning: action });
      const { verb, send } = BULK[action];
      const result = await send(ids, syncImmediately);
      set({ bulkRunning: null });
      reportBulk(result, verb, 'chart');
      if (!result.ok) return;
      // The charts that failed stay selected, so the operator can read the reason and try them again; skipped
      // ones had nothing to do.
      const failed = result.value.results.flatMap((item) => (item.outcome === 'failed' ? [item.id] : []));
      set({ selection: { ids: new Set(failed), anchorId: null } });
      get().refetchSoon();
    },
  };
});
