import { create } from 'zustand';
import { EXECUTION_PAGE_MAX } from '../../../../shared/domain/policies';
import type { ErrorShape, Result } from '../../../../shared/errors';
import type { BulkResult } from '../../../../shared/views/bulk-result';
import type { ExecutionView, ScheduleView } from '../../../../shared/views/schedule-view';
import { reportBulk } from '../../actions/run-action';
import {
  EMPTY_SELECTION,
  pruneSelection,
  setRows,
  toggleRow,
  type Selection,
} from '../../components/row-selection';
import { nextSort, type SortState } from '../../components/table-sort';
import { call } from '../../transport/api';
import {
  DEFAULT_SCHEDULE_SORT,
  NO_SCHEDULE_FILTERS,
  type ScheduleFilters,
  type ScheduleSortKey,
  type ScheduleStatus,
} from './schedule-filters';

/** A burst of engine events (a bulk action touches many schedules) becomes one fetch. */
export const REFETCH_DEBOUNCE_MS = 300;
/**
 * Up to this many changed schedules are fetched one by one (`schedules/get`); more, or one not in the list yet,
 * and the whole list is fetched again: cheaper than many single fetches.
 */
export const SINGLE_REFETCH_MAX = 5;

export type ScheduleAction = 'activate' | 'deactivate' | 'sync' | 'delete';
export type ActiveExecution = { scheduleId: number; status: 'pending' | 'running' };

type SchedulesState = {
  /** null until the first successful fetch. */
  schedules: ScheduleView[] | null;
  error: ErrorShape | null;
  loading: boolean;
  filters: ScheduleFilters;
  sort: SortState<ScheduleSortKey>;
  selection: Selection;
  /** Executions waiting or running, by execution id: the rows' running indicator. */
  activeExecutions: ReadonlyMap<number, ActiveExecution>;
  /** Schedules with an action of their own row in flight: that row's buttons wait for it. */
  busyRows: ReadonlySet<number>;
  bulkRunning: ScheduleAction | null;

  load(): Promise<void>;
  loadActiveExecutions(): Promise<void>;
  refetchSoon(): void;
  scheduleUpdated(id: number): void;
  scheduleRemoved(id: number): void;
  executionUpdated(execution: ExecutionView): void;
  cancelTimers(): void;
  setQuery(query: string): void;
  setStatus(status: ScheduleStatus | null): void;
  clearFilters(): void;
  sortBy(key: ScheduleSortKey): void;
  toggle(id: number, orderedIds: readonly number[], range: boolean): void;
  setSelected(ids: readonly number[], selected: boolean): void;
  clearSelection(): void;
  /** One row's action (`bulk` false) or the selection's (`bulk` true). */
  act(action: ScheduleAction, ids: readonly number[], bulk: boolean): Promise<void>;
};

const ACTIONS: Record<
  ScheduleAction,
  { verb: { done: string; failed: string }; send: (ids: number[]) => Promise<Result<BulkResult>> }
> = {
  activate: {
    verb: { done: 'Activated', failed: 'Could not activate' },
    send: (ids) => call('schedules/set-active', { ids, active: true }),
  },
  deactivate: {
    verb: { done: 'Deactivated', failed: 'Could not deactivate' },
    send: (ids) => call('schedules/set-active', { ids, active: false }),
  },
  sync: {
    verb: { done: 'Sync started', failed: 'Could not start the sync' },
    send: (ids) => call('schedules/sync-now', { ids }),
  },
  delete: {
    verb: { done: 'Deleted', failed: 'Could not delete' },
    send: (ids) => call('schedules/delete', { ids }),
  },
};

const isActive = (status: ExecutionView['status']): status is ActiveExecution['status'] =>
  status === 'pending' || status === 'running';

let loadSeq = 0;
let listTimer: ReturnType<typeof setTimeout> | null = null;
let updateTimer: ReturnType<typeof setTimeout> | null = null;
const pendingUpdates = new Set<number>();
/**
 * Executions seen finishing through events. A list of running executions, or a sync-now answer, can arrive after
 * the event that closed one of them; without this the row would show "Running" for a run long finished.
 */
const FINISHED_MEMORY = 1_000;
const finished = new Set<number>();
function rememberFinished(id: number): void {
  finished.add(id);
  if (finished.size > FINISHED_MEMORY) finished.delete(finished.values().next().value!);
}

function withoutRows(list: ScheduleView[], gone: ReadonlySet<number>): ScheduleView[] {
  return list.filter((schedule) => !gone.has(schedule.id));
}

/** The Schedules screen's state; outside the component so filters and selection survive navigation. */
export const useSchedulesStore = create<SchedulesState>()((set, get) => {
  /** Applies a change to the list and keeps the selection to rows that still exist. */
  const setList = (schedules: ScheduleView[], extra: Partial<SchedulesState> = {}) =>
    set({
      schedules,
      selection: pruneSelection(get().selection, new Set(schedules.map((schedule) => schedule.id))),
      ...extra,
    });

  const flushUpdates = async () => {
    updateTimer = null;
    const ids = [...pendingUpdates];
    pendingUpdates.clear();
    const known = new Set((get().schedules ?? []).map((schedule) => schedule.id));
    if (ids.length > SINGLE_REFETCH_MAX || ids.some((id) => !known.has(id))) return get().load();
    const results = await Promise.all(ids.map((id) => call('schedules/get', { id })));
    const current = get().schedules;
    if (current === null) return;
    const fresh = new Map<number, ScheduleView>();
    const gone = new Set<number>();
    let failed = false;
    results.forEach((result, i) => {
      if (result.ok) fresh.set(result.value.schedule.id, result.value.schedule);
      else if (result.error.code === 'not_found') gone.add(ids[i]!);
      else failed = true;
    });
    // A schedule that could not be read one by one is caught up by the whole list.
    if (failed) return get().load();
    setList(withoutRows(current, gone).map((schedule) => fresh.get(schedule.id) ?? schedule));
  };

  return {
    schedules: null,
    error: null,
    loading: false,
    filters: NO_SCHEDULE_FILTERS,
    sort: DEFAULT_SCHEDULE_SORT,
    selection: EMPTY_SELECTION,
    activeExecutions: new Map(),
    busyRows: new Set(),
    bulkRunning: null,

    async load() {
      if (listTimer !== null) clearTimeout(listTimer);
      listTimer = null;
      // Only the newest fetch may land: an older answer arriving late must not overwrite fresher data.
      const seq = ++loadSeq;
      set({ loading: true });
      const result = await call('schedules/list', {});
      if (seq !== loadSeq) return;
      if (!result.ok) set({ loading: false, error: result.error });
      else setList(result.value, { loading: false, error: null });
    },

    async loadActiveExecutions() {
      finished.clear();
      const pages = await Promise.all(
        (['running', 'pending'] as const).map((status) =>
          call('executions/list', { status, limit: EXECUTION_PAGE_MAX }),
        ),
      );
      // Without this list the indicator still follows live events; a failure here is not worth an error.
      const items = pages.flatMap((page) => (page.ok ? page.value.items : []));
      if (items.length === 0) return;
      const next = new Map(get().activeExecutions);
      for (const item of items) {
        if (isActive(item.status) && !finished.has(item.id) && !next.has(item.id)) {
          next.set(item.id, { scheduleId: item.scheduleId, status: item.status });
        }
      }
      set({ activeExecutions: next });
    },

    refetchSoon() {
      if (listTimer !== null) clearTimeout(listTimer);
      listTimer = setTimeout(() => {
        listTimer = null;
        void get().load();
      }, REFETCH_DEBOUNCE_MS);
    },

    scheduleUpdated(id) {
      pendingUpdates.add(id);
      if (updateTimer !== null) clearTimeout(updateTimer);
      updateTimer = setTimeout(() => void flushUpdates(), REFETCH_DEBOUNCE_MS);
    },

    scheduleRemoved(id) {
      pendingUpdates.delete(id);
      const current = get().schedules;
      if (current === null || !current.some((schedule) => schedule.id === id)) return;
      setList(withoutRows(current, new Set([id])));
    },

    executionUpdated(execution) {
      const current = get().activeExecutions;
      if (isActive(execution.status)) {
        const known = current.get(execution.id);
        if (known?.status === execution.status) return;
        set({
          activeExecutions: new Map(current).set(execution.id, {
            scheduleId: execution.scheduleId,
            status: execution.status,
          }),
        });
        return;
      }
      rememberFinished(execution.id);
      if (!current.has(execution.id)) return;
      const next = new Map(current);
      next.delete(execution.id);
      set({ activeExecutions: next });
    },

    cancelTimers() {
      if (listTimer !== null) clearTimeout(listTimer);
      if (updateTimer !== null) clearTimeout(updateTimer);
      listTimer = null;
      updateTimer = null;
      pendingUpdates.clear();
    },

    setQuery(query) {
      set({ filters: { ...get().filters, query } });
    },
    setStatus(status) {
      set({ filters: { ...get().filters, status } });
    },
    clearFilters() {
      set({ filters: NO_SCHEDULE_FILTERS });
    },
    sortBy(key) {
      set({ sort: nextSort(get().sort, key) });
    },
    toggle(id, orderedIds, range) {
      set({ selection: toggleRow(get().selection, id, orderedIds, range) });
    },
    setSelected(ids, selected) {
      set({ selection: setRows(get().selection, ids, selected) });
    },
    clearSelection() {
      set({ selection: EMPTY_SELECTION });
    },

    async act(action, ids, bulk) {
      if (ids.length === 0) return;
      if (bulk && get().bulkRunning !== null) return;
      if (!bulk && ids.some((id) => get().busyRows.has(id))) return;
      if (bulk) set({ bulkRunning: action });
      else set({ busyRows: new Set([...get().busyRows, ...ids]) });

      const { verb, send } = ACTIONS[action];
      const result = await send([...ids]);

      if (bulk) set({ bulkRunning: null });
      else {
        const busy = new Set(get().busyRows);
        for (const id of ids) busy.delete(id);
        set({ busyRows: busy });
      }
      reportBulk(result, verb, 'schedule');
      if (!result.ok) return;

      const done = result.value.results.flatMap((item) => (item.ok ? [item] : []));
      if (bulk) {
        // The schedules that failed stay selected, so they can be looked at and tried again.
        const failed = result.value.results.flatMap((item) => (item.ok ? [] : [item.id]));
        set({ selection: { ids: new Set(failed), anchorId: null } });
      }
      if (action === 'delete') {
        const current = get().schedules;
        if (current) setList(withoutRows(current, new Set(done.map((item) => item.id))));
        return;
      }
      if (action === 'sync') {
        // Show the run at once; its execution/updated events take it from there.
        const next = new Map(get().activeExecutions);
        for (const item of done) {
          if (item.executionId !== null && !finished.has(item.executionId) && !next.has(item.executionId)) {
            next.set(item.executionId, { scheduleId: item.id, status: 'pending' });
          }
        }
        set({ activeExecutions: next });
      }
      for (const item of done) get().scheduleUpdated(item.id);
    },
  };
});
