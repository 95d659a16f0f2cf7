import { useEffect, useRef } from 'react';
import { ariaSort, type SortState } from './table-sort';

/** A column header that sorts on click; aria-sort tells screen readers which column orders the rows. */
export function SortableHeader<K extends string>({
  column,
  label,
  sort,
  onSort,
  className,
}: {
  column: K;
  label: string;
  sort: SortState<K>;
  onSort: (column: K) => void;
  className?: string;
}) {
  const state = ariaSort(sort, column);
  return (
    <th scope="col" aria-sort={state} className={className}>
      <button type="button" className="sort-button" onClick={() => onSort(column)}>
        {label}
        <span className="sort-arrow" aria-hidden="true">
          {state === 'ascending' ? '▲' : state === 'descending' ? '▼' : ''}
        </span>
      </button>
    </th>
  );
}

/**
 * The select-all checkbox: checked when every matching row is selected, mixed when only some are. Clicking it
 * selects all matching rows, or clears them when all already are.
 */
export function SelectAllHeader({
  total,
  selected,
  noun,
  onChange,
}: {
  total: number;
  selected: number;
  noun: string;
  onChange: (selectAll: boolean) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const all = total > 0 && selected === total;
  const some = selected > 0 && !all;
  // "Mixed" has no attribute on a native checkbox: the property is what browsers expose to screen readers.
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some;
  }, [some]);
  return (
    <th scope="col" className="select-cell">
      <input
        ref={ref}
        type="checkbox"
        aria-label={all ? `Deselect all ${total} ${noun}` : `Select all ${total} ${noun}`}
        checked={all}
        disabled={total === 0}
        onChange={() => onChange(!all)}
      />
    </th>
  );
}
