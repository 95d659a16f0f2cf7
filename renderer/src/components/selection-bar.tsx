import { useRef, type ReactNode } from 'react';
import { formatCount, formatCountOf } from '../format/numbers';
import { useFocusRescue } from './use-focus-rescue';
import { gridTabStop } from './virtual-table';

/**
 * The bar of actions on a list's selected rows: how many are selected (and how many of them the filters hide),
 * the actions, and Clear selection. Render it only while something is selected: when an action or Clear
 * selection empties the selection, it closes, and the focus it held goes back to the list beside it.
 */
export function SelectionBar({
  label,
  noun,
  count,
  hiddenSelected,
  busy,
  onClear,
  children,
}: {
  /** The bar's accessible name: "Actions on selected charts". */
  label: string;
  noun: string;
  count: number;
  hiddenSelected: number;
  busy: boolean;
  onClear(): void;
  children: ReactNode;
}) {
  // The screen around the bar, kept while it is shown: once it closes, the list and the search box are found there.
  const screen = useRef<HTMLElement | null>(null);
  const focusRescue = useFocusRescue(
    () => gridTabStop(screen.current) ?? screen.current?.querySelector<HTMLElement>('[data-search]'),
  );
  return (
    <div
      ref={(bar) => {
        if (bar) screen.current = bar.parentElement;
      }}
      className="bulk-bar"
      role="region"
      aria-label={label}
      aria-busy={busy}
      {...focusRescue}
    >
      <span className="bulk-count" aria-live="polite">
        {formatCountOf(count, noun)} selected
        {hiddenSelected > 0 && (
          <span className="muted"> ({formatCount(hiddenSelected)} hidden by the filters)</span>
        )}
      </span>
      {children}
      <button type="button" className="link-button" disabled={busy} onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
