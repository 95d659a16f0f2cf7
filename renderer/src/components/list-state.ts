import { EMPTY_SELECTION, setRows, toggleRow, type Selection } from './row-selection';
import { nextSort, type SortState } from './table-sort';

/**
 * What a list screen keeps between visits (its store outlives the component): filters, sort and selection, and
 * the actions on them.
 */
export type ListState<F extends object, K extends string> = {
  filters: F;
  sort: SortState<K>;
  selection: Selection;
  setFilters(change: Partial<F>): void;
  clearFilters(): void;
  sortBy(key: K): void;
  toggle(id: number, orderedIds: readonly number[], range: boolean): void;
  setSelected(ids: readonly number[], selected: boolean): void;
  clearSelection(): void;
};

/** The list part of a zustand store, from the store's own `set` and `get`. */
export function listState<F extends object, K extends string>(
  set: (partial: Partial<ListState<F, K>>) => void,
  get: () => ListState<F, K>,
  defaults: { filters: F; sort: SortState<K> },
): ListState<F, K> {
  return {
    filters: defaults.filters,
    sort: defaults.sort,
    selection: EMPTY_SELECTION,
    setFilters: (change) => set({ filters: { ...get().filters, ...change } }),
    clearFilters: () => set({ filters: defaults.filters }),
    sortBy: (key) => set({ sort: nextSort(get().sort, key) }),
    toggle: (id, orderedIds, range) => set({ selection: toggleRow(get().selection, id, orderedIds, range) }),
    setSelected: (ids, selected) => set({ selection: setRows(get().selection, ids, selected) }),
    clearSelection: () => set({ selection: EMPTY_SELECTION }),
  };
}
