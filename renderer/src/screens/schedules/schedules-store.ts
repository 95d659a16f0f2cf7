import { create } from 'zustand';
import { EXECUTION_PAGE_MAX } from '../../../../shared/domain/policies';
import type { ErrorShape } from '../../../../shared/errors';
import type { ExecutionView, ScheduleView } from '../../../../shared/views/schedule-view';
import { runScheduleAction, type ScheduleAction } from '../../actions/schedule-actions';
import { debounce } from '../../components/debounce';
import { listState, type ListState } from '../../components/list-state';
import { pruneSelection } from '../../components/row-selection';
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

export type { ScheduleAction };
export type ActiveExecution = { scheduleId: number; status: 'pending' | 'running' };

type SchedulesState = ListState<ScheduleFilters, ScheduleSortKey> & {
  /** null until the first successful fetch. */
  schedules: ScheduleView[] | null;
  error: ErrorShape | null;
  loading: boolean;
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
  /** One row's action (`bulk` false) or the selection's (`bulk` true). */
  act(action: ScheduleAction, ids: readonly number[], bulk: boolean): Promise<void>;
};

const isActive = (status: ExecutionView['status']): status is ActiveExecution['status'] =>
  status === 'pending' || status === 'running';

let loadSeq = 0;
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

/** Executions the indicator learnt about (by event or Sync now) while the list of active ones was being fetched. */
const changedDuringFetch = new Set<number>();
let activeFetches = 0;
function noteChange(executionId: number): void {
  if (activeFetches > 0) changedDuringFetch.add(executionId);
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

  const refetchList = debounce(() => void get().load(), REFETCH_DEBOUNCE_MS);
  const flushUpdates = async () => {
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
  const flushSoon = debounce(() => void flushUpdates(), REFETCH_DEBOUNCE_MS);

  return {
    ...listState(set, get, { filters: NO_SCHEDULE_FILTERS, sort: DEFAULT_SCHEDULE_SORT }),
    schedules: null,
    error: null,
    loading: false,
    activeExecutions: new Map(),
    busyRows: new Set(),
    bulkRunning: null,

    async load() {
      refetchList.cancel();
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
      if (activeFetches++ === 0) changedDuringFetch.clear();
      const pages = await Promise.all(
        (['running', 'pending'] as const).map((status) =>
          call('executions/list', { status, limit: EXECUTION_PAGE_MAX }),
        ),
      ).finally(() => activeFetches--);
      const current = get().activeExecutions;
      // The lists are the truth about runs this screen heard nothing of while it was away; what events (or a
      // Sync now) said during the fetch is newer still. With a list missing, nothing is known to have finished:
      // the indicator then keeps what it had, and live events correct it (not worth an error of its own).
      const complete = pages.every((page) => page.ok);
      const next = new Map<number, ActiveExecution>(
        [...current].filter(([id]) => !complete || changedDuringFetch.has(id)),
      );
      for (const item of pages.flatMap((page) => (page.ok ? page.value.items : []))) {
        // An open execution always has its schedule (deleting one cancels its waiting sync).
        if (item.scheduleId === null) continue;
        if (isActive(item.status) && !finished.has(item.id) && !changedDuringFetch.has(item.id)) {
          next.set(item.id, { scheduleId: item.scheduleId, status: item.status });
        }
      }
      if (
        next.size !== current.size ||
        [...next].some(([id, run]) => current.get(id)?.status !== run.status)
      ) {
        set({ activeExecutions: next });
      }
    },

    refetchSoon: refetchList,

    scheduleUpdated(id) {
      pendingUpdates.add(id);
      flushSoon();
    },

    scheduleRemoved(id) {
      pendingUpdates.delete(id);
      // Its waiting sync was cancelled with it; its running indicator must not wait for that event.
      const runs = get().activeExecutions;
      if ([...runs.values()].some((run) => run.scheduleId === id)) {
        set({ activeExecutions: new Map([...runs].filter(([, run]) => run.scheduleId !== id)) });
      }
      const current = get().schedules;
      if (current === null || !current.some((schedule) => schedule.id === id)) return;
      setList(withoutRows(current, new Set([id])));
    },

    executionUpdated(execution) {
      noteChange(execution.id);
      const current = get().activeExecutions;
      if (isActive(execution.status) && execution.scheduleId !== null) {
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
      refetchList.cancel();
      flushSoon.cancel();
      pendingUpdates.clear();
    },

    setQuery(query) {
      get().setFilters({ query });
    },
    setStatus(status) {
      get().setFilters({ status });
    },

    async act(action, ids, bulk) {
      if (ids.length === 0) return;
      if (bulk && get().bulkRunning !== null) return;
      if (!bulk && ids.some((id) => get().busyRows.has(id))) return;
      if (bulk) set({ bulkRunning: action });
      else set({ busyRows: new Set([...get().busyRows, ...ids]) });

      const result = await runScheduleAction(action, ids);

      if (bulk) set({ bulkRunning: null });
      else {
        const busy = new Set(get().busyRows);
        for (const id of ids) busy.delete(id);
        set({ busyRows: busy });
      }
      if (!result.ok) return;

      const done = result.value.results.flatMap((item) => (item.ok ? [item] : []));
      if (bulk) {
        // The schedules that failed stay selected, so they can be looked at and tried again.
        const failed = result.value.results.flatMap((item) => (item.outcome === 'failed' ? [item.id] : []));
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
            noteChange(item.executionId);
            next.set(item.executionId, { scheduleId: item.id, status: 'pending' });
          }
        }
        set({ activeExecutions: next });
      }
      for (const item of done) get().scheduleUpdated(item.id);
    },
  };
});
