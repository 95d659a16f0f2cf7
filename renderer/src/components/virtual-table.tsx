import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useFocusRescue } from './use-focus-rescue';
import './virtual-table.css';

/**
 * Until the scroll box has been laid out (first paint, or jsdom where nothing has a size) it measures 0×0; a
 * screenful is assumed instead, so rows appear at once rather than after the first resize observation.
 */
const ASSUMED_RECT = { width: 1000, height: 800 };
/** Rows rendered beyond each edge of the viewport: arrow keys and short scrolls never reveal blank space. */
const OVERSCAN = 8;

export type RowContext = {
  index: number;
  /**
   * The row holding the table's one tab stop. Controls inside other rows stay out of the Tab order, so Tab
   * moves through the active row's controls and then leaves the table instead of walking every row.
   */
  active: boolean;
};

type VirtualTableProps<T> = {
  label: string;
  rows: readonly T[];
  rowKey: (row: T) => number;
  /** Every row has this height (px): fixed heights keep scrolling O(1) with no measuring. */
  rowHeight: number;
  /** `<col>` widths: a fixed layout keeps columns still while rows scroll in and out. */
  columns: ReactNode;
  /** How many `<col>`s there are: the spacer rows span exactly that many, or a fixed layout grows phantom columns. */
  columnCount: number;
  /** The header row's cells. */
  head: ReactNode;
  renderCells: (row: T, context: RowContext) => ReactNode;
  /** Absent for a table whose rows are not selected (a ranking, the songs): no Space, no aria-selected. */
  isSelected?: (row: T) => boolean;
  /** Space on a row; Shift+Space extends from the anchor. */
  onToggle?: (row: T, range: boolean) => void;
  /** Enter on a row. */
  onOpen: (row: T) => void;
  className?: string;
};

/**
 * A table that renders only the rows in view (plus a margin), with a sticky header and keyboard navigation:
 * Tab reaches the active row, arrows / Page Up / Page Down / Home / End move between rows, Space toggles the
 * row's selection and Enter opens it.
 */
export function VirtualTable<T>({
  label,
  rows,
  rowKey,
  rowHeight,
  columns,
  columnCount,
  head,
  renderCells,
  isSelected,
  onToggle,
  onOpen,
  className,
}: VirtualTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [headHeight, setHeadHeight] = useState(0);
  useLayoutEffect(() => setHeadHeight(headRef.current?.offsetHeight ?? 0), []);

  const getItemKey = useCallback((index: number) => rowKey(rows[index]!), [rows, rowKey]);
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLTableRowElement>({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: OVERSCAN,
    // The sticky header sits above the rows inside the same scroll box: rows start below it, and scrolling a
    // row into view must not leave it hidden under the header.
    paddingStart: headHeight,
    scrollPaddingStart: headHeight,
    initialRect: ASSUMED_RECT,
    // React 19 batches the virtualizer's updates well; flushSync inside its layout effects only warns.
    useFlushSync: false,
    observeElementRect: (instance, report) =>
      observeElementRect(instance, (rect) => {
        if (rect.height > 0) report(rect);
      }),
  });
  const items = virtualizer.getVirtualItems();

  // The active row is kept by key, so it stays the same row when the list is re-sorted or re-fetched.
  const [activeKey, setActiveKey] = useState<number | null>(null);
  const activeIndex = useMemo(() => {
    if (activeKey === null) return 0;
    const index = rows.findIndex((row) => rowKey(row) === activeKey);
    return index < 0 ? 0 : index;
  }, [rows, rowKey, activeKey]);
  // When the active row has scrolled out of the rendered window, the first row in view keeps the tab stop.
  const firstInView =
    items.find((item) => item.start >= (virtualizer.scrollOffset ?? 0) + headHeight) ?? items[0];
  const tabIndexRow = items.some((item) => item.index === activeIndex)
    ? activeIndex
    : (firstInView?.index ?? -1);

  const pendingFocus = useRef<number | null>(null);
  const moveTo = (index: number) => {
    if (rows.length === 0) return;
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActiveKey(rowKey(rows[next]!));
    pendingFocus.current = next;
    virtualizer.scrollToIndex(next);
  };
  // A row moved to may not be rendered yet: focus it once the virtualizer has brought it into the window.
  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const row = bodyRef.current?.querySelector<HTMLElement>(`tr[data-index="${index}"]`);
    if (row) {
      pendingFocus.current = null;
      row.focus({ preventScroll: true });
    }
  });

  const pageSize = Math.max(
    1,
    Math.floor(((virtualizer.scrollRect?.height ?? 0) - headHeight) / rowHeight) - 1,
  );
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const target = event.target as HTMLElement;
    // Keys pressed on a control inside a row (a checkbox, a link) keep their own meaning.
    if (target.tagName !== 'TR' || target.dataset.index === undefined) return;
    const index = Number(target.dataset.index);
    const row = rows[index];
    if (row === undefined) return;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(index + 1);
        break;
      case 'ArrowUp':
        moveTo(index - 1);
        break;
      case 'PageDown':
        moveTo(index + pageSize);
        break;
      case 'PageUp':
        moveTo(index - pageSize);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case ' ':
        if (!onToggle) return;
        onToggle(row, event.shiftKey);
        break;
      case 'Enter':
        onOpen(row);
        break;
      default:
        return;
    }
    event.preventDefault();
  };
  // A row deleted (or a row's button disabled) under the focus hands it to the row that now holds the tab stop.
  const focusRescue = useFocusRescue(() => bodyRef.current?.querySelector<HTMLElement>('tr[tabindex="0"]'));
  const onFocus = (event: FocusEvent<HTMLTableSectionElement>) => {
    focusRescue.onFocus(event);
    const tr = (event.target as HTMLElement).closest<HTMLElement>('tr[data-index]');
    const row = tr ? rows[Number(tr.dataset.index)] : undefined;
    if (row !== undefined) setActiveKey(rowKey(row));
  };

  const first = items[0];
  const last = items.at(-1);
  const spaceAbove = first ? first.start - headHeight : 0;
  const spaceBelow = last ? virtualizer.getTotalSize() - last.end : 0;
  return (
    <div ref={scrollRef} className={`virtual-table-scroll ${className ?? ''}`}>
      <table
        role="grid"
        aria-label={label}
        aria-rowcount={rows.length + 1}
        aria-multiselectable={onToggle ? true : undefined}
        className="virtual-table"
      >
        <colgroup>{columns}</colgroup>
        <thead ref={headRef}>
          <tr aria-rowindex={1}>{head}</tr>
        </thead>
        <tbody ref={bodyRef} onKeyDown={onKeyDown} onFocus={onFocus} onBlur={focusRescue.onBlur}>
          {spaceAbove > 0 && <Spacer height={spaceAbove} columns={columnCount} />}
          {items.map((item) => {
            const row = rows[item.index]!;
            const active = item.index === tabIndexRow;
            return (
              <tr
                key={item.key}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                aria-selected={isSelected ? isSelected(row) : undefined}
                tabIndex={active ? 0 : -1}
                style={{ height: rowHeight }}
              >
                {renderCells(row, { index: item.index, active })}
              </tr>
            );
          })}
          {spaceBelow > 0 && <Spacer height={spaceBelow} columns={columnCount} />}
        </tbody>
      </table>
    </div>
  );
}

/** The row holding the tab stop of the first grid inside `scope`: where the focus returns to after acting on rows. */
export function gridTabStop(scope: ParentNode | null | undefined): HTMLElement | null {
  return scope?.querySelector<HTMLElement>('table[role="grid"] tbody tr[tabindex="0"]') ?? null;
}

/** Stands in for the rows not rendered, so the scrollbar reflects the whole list. */
function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr className="virtual-spacer" aria-hidden="true">
      <td colSpan={columns} style={{ height }} />
    </tr>
  );
}
