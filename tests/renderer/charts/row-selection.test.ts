import { describe, expect, it } from 'vitest';
import {
  countSelected,
  EMPTY_SELECTION,
  pruneSelection,
  setRows,
  toggleRow,
  type Selection,
} from '../../../renderer/src/components/row-selection';
import { compareNullable, nextSort } from '../../../renderer/src/components/table-sort';

const sel = (ids: number[], anchorId: number | null = null): Selection => ({ ids: new Set(ids), anchorId });
const order = [10, 20, 30, 40, 50];

describe('toggleRow', () => {
  it.each<[string, Selection, number, boolean, number[], number | null]>([
    ['selects a row and makes it the anchor', EMPTY_SELECTION, 30, false, [30], 30],
    ['deselects a selected row', sel([30, 40], 40), 30, false, [40], 30],
    ['Shift selects the range down from the anchor', sel([20], 20), 40, true, [20, 30, 40], 20],
    ['Shift selects the range up from the anchor', sel([40], 40), 10, true, [10, 20, 30, 40], 40],
    ['Shift on a selected row deselects the range', sel([20, 30, 40], 20), 40, true, [], 20],
    ['Shift without an anchor is a plain toggle', sel([10]), 40, true, [10, 40], 40],
    ['Shift with the anchor filtered out is a plain toggle', sel([99], 99), 30, true, [99, 30], 30],
  ])('%s', (_name, before, id, range, ids, anchor) => {
    const after = toggleRow(before, id, order, range);
    expect([...after.ids].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    expect(after.anchorId).toBe(anchor);
  });
});

describe('setRows, pruneSelection, countSelected', () => {
  it('selects and deselects many rows, keeping the others', () => {
    expect([...setRows(sel([99]), [10, 20], true).ids]).toEqual([99, 10, 20]);
    expect([...setRows(sel([99, 10, 20]), [10, 20], false).ids]).toEqual([99]);
  });

  it('drops rows that no longer exist and keeps the same object when none did', () => {
    const before = sel([10, 20, 30], 20);
    expect(pruneSelection(before, new Set([10, 20, 30, 40]))).toBe(before);
    const after = pruneSelection(before, new Set([10, 30]));
    expect([...after.ids]).toEqual([10, 30]);
    expect(after.anchorId).toBeNull();
  });

  it('counts the selected rows among the given ones', () => {
    expect(countSelected(sel([10, 30, 99]), order)).toBe(2);
  });
});

describe('table sorting helpers', () => {
  it.each([
    [{ key: 'name', direction: 'asc' }, 'name', { key: 'name', direction: 'desc' }],
    [{ key: 'name', direction: 'desc' }, 'name', { key: 'name', direction: 'asc' }],
    [{ key: 'name', direction: 'desc' }, 'status', { key: 'status', direction: 'asc' }],
  ] as const)('nextSort(%o, %s)', (current, key, expected) => {
    expect(nextSort<string>(current, key)).toEqual(expected);
  });

  it.each<[number | null, number | null, 'asc' | 'desc', number]>([
    [1, 2, 'asc', -1],
    [1, 2, 'desc', 1],
    [null, 2, 'asc', 1],
    [null, 2, 'desc', 1],
    [2, null, 'desc', -1],
    [null, null, 'asc', 0],
  ])('compareNullable(%s, %s, %s) has sign %i', (a, b, direction, sign) => {
    expect(Math.sign(compareNullable(a, b, direction))).toBe(sign);
  });
});
