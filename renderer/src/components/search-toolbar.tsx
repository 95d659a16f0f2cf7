import { useRef, type ReactNode } from 'react';
import { EmptyState } from './states';
import { useFocusRescue } from './use-focus-rescue';

/** Marks a screen's search box: "/" jumps to it, and focus lands there when the filters are cleared. */
const SEARCH_SELECTOR = '[data-search]';

export function focusSearchBox(): boolean {
  const search = document.querySelector<HTMLElement>(SEARCH_SELECTOR);
  search?.focus();
  return search !== null;
}

/**
 * A list's search box, its drop-down filters (children) and, while anything narrows the list, Clear filters.
 * Clear filters hides itself, so the focus it had moves to the search box.
 */
export function SearchToolbar({
  label,
  searchLabel,
  placeholder,
  query,
  onQuery,
  filtered,
  onClear,
  searchClassName,
  children,
}: {
  label: string;
  searchLabel: string;
  placeholder: string;
  query: string;
  onQuery(query: string): void;
  filtered: boolean;
  onClear(): void;
  searchClassName?: string;
  children: ReactNode;
}) {
  const search = useRef<HTMLInputElement>(null);
  const focusRescue = useFocusRescue(() => search.current);
  return (
    <div className="toolbar" role="search" aria-label={label} {...focusRescue}>
      <input
        ref={search}
        type="search"
        className={searchClassName}
        aria-label={searchLabel}
        placeholder={placeholder}
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        data-search
      />
      {children}
      {filtered && (
        <button type="button" className="link-button" onClick={onClear}>
          Clear filters
        </button>
      )}
    </div>
  );
}

/** What a filtered list shows when nothing matches: a way out, which leaves the focus in the search box. */
export function NoMatches({ noun, onClear }: { noun: string; onClear(): void }) {
  return (
    <EmptyState title={`No ${noun} match these filters`}>
      <button
        type="button"
        onClick={() => {
          onClear();
          focusSearchBox();
        }}
      >
        Clear filters
      </button>
    </EmptyState>
  );
}
