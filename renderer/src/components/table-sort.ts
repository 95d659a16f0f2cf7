export type SortDirection = 'asc' | 'desc';
export type SortState<K extends string> = { key: K; direction: SortDirection };

/** Clicking the sorted column flips its direction; another column starts ascending. */
export function nextSort<K extends string>(current: SortState<K>, key: K): SortState<K> {
  if (current.key !== key) return { key, direction: 'asc' };
  return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}

export function ariaSort<K extends string>(sort: SortState<K>, key: K): 'ascending' | 'descending' | 'none' {
  if (sort.key !== key) return 'none';
  return sort.direction === 'asc' ? 'ascending' : 'descending';
}

// One collator for the engine and the screens: the engine picks a list's first rows in the screen's order.
import { textCollator } from '../../../shared/domain/chart-order';

export { textCollator };

/**
 * Compares two optional numbers in the given direction, with missing values ("never synced") last either way:
 * flipping the order must not bring a column of blanks to the top.
 */
export function compareNullable(a: number | null, b: number | null, direction: SortDirection): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return direction === 'asc' ? a - b : b - a;
}
