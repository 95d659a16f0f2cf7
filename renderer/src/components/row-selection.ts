/**
 * Multi-selection of list rows by id. Ids, not row positions, are kept, so the selection survives re-sorting,
 * filtering and re-fetching; the anchor is the last row clicked without Shift, where a Shift-click range starts.
 */
export type Selection = { ids: ReadonlySet<number>; anchorId: number | null };

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchorId: null };

/**
 * A click on a row's checkbox. With `range`, every row between the anchor and this one (in the order shown)
 * takes the clicked row's new state, as in file managers; without an anchor on screen it is a plain toggle.
 */
export function toggleRow(
  selection: Selection,
  id: number,
  orderedIds: readonly number[],
  range: boolean,
): Selection {
  const select = !selection.ids.has(id);
  const next = new Set(selection.ids);
  const from = range && selection.anchorId !== null ? orderedIds.indexOf(selection.anchorId) : -1;
  const to = from >= 0 ? orderedIds.indexOf(id) : -1;
  if (from >= 0 && to >= 0) {
    const [start, end] = from <= to ? [from, to] : [to, from];
    for (const rowId of orderedIds.slice(start, end + 1)) {
      if (select) next.add(rowId);
      else next.delete(rowId);
    }
    return { ids: next, anchorId: selection.anchorId };
  }
  if (select) next.add(id);
  else next.delete(id);
  return { ids: next, anchorId: id };
}

/** Selects (or deselects) all the given rows, leaving the rest of the selection alone. */
export function setRows(selection: Selection, ids: readonly number[], selected: boolean): Selection {
  const next = new Set(selection.ids);
  for (const id of ids) {
    if (selected) next.add(id);
    else next.delete(id);
  }
  return { ids: next, anchorId: selection.anchorId };
}

/**
 * Keeps only the rows that still exist after a re-fetch. Returns the same object when nothing disappeared, so a
 * store update does not re-render every row for nothing.
 */
export function pruneSelection(selection: Selection, existing: ReadonlySet<number>): Selection {
  const kept = [...selection.ids].filter((id) => existing.has(id));
  const anchorGone = selection.anchorId !== null && !existing.has(selection.anchorId);
  if (kept.length === selection.ids.size && !anchorGone) return selection;
  return { ids: new Set(kept), anchorId: anchorGone ? null : selection.anchorId };
}

/** How many of the given rows are selected: drives the header checkbox's checked / mixed state. */
export function countSelected(selection: Selection, ids: readonly number[]): number {
  let count = 0;
  for (const id of ids) if (selection.ids.has(id)) count++;
  return count;
}
