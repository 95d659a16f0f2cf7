import { describe, expect, it } from 'vitest';
import { compareChartsByName, firstInOrder } from '../../../shared/domain/chart-order';

const byNumber = (a: number, b: number) => a - b;
/** Equal keys, told apart by their tag: ties must come out in their input order, as a stable sort leaves them. */
const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;

describe('firstInOrder', () => {
  it.each([
    { items: [5, 3, 9, 1, 7], count: 3, expected: [1, 3, 5] },
    { items: [5, 3, 9, 1, 7], count: 0, expected: [] },
    { items: [5, 3, 9, 1, 7], count: 10, expected: [1, 3, 5, 7, 9] },
    { items: [], count: 3, expected: [] },
    { items: [1, 2, 3, 4], count: 2, expected: [1, 2] },
    { items: [4, 3, 2, 1], count: 2, expected: [1, 2] },
    { items: [2, 2, 1, 2], count: 3, expected: [1, 2, 2] },
  ])('$items, first $count → $expected', ({ items, count, expected }) => {
    expect(firstInOrder(items, count, byNumber)).toEqual(expected);
  });

  it('keeps ties in input order, as a stable sort does', () => {
    const items = [
      { key: 2, tag: 'a' },
      { key: 1, tag: 'b' },
      { key: 2, tag: 'c' },
      { key: 1, tag: 'd' },
      { key: 2, tag: 'e' },
    ];
    expect(firstInOrder(items, 4, byKey)).toEqual([...items].sort(byKey).slice(0, 4));
  });

  it('gives what sorting everything and cutting gives, on names as the Charts screen orders them', () => {
    const names = [
      'Top 100',
      'top 10',
      'Éclair',
      'eclair',
      'Zebra',
      'alpha',
      'Top 2',
      'Beta',
      'beta',
      'Ångström',
    ];
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const charts = Array.from({ length: 500 }, (_, i) => ({
      id: i + 1,
      name: `${names[Math.floor(random() * names.length)]} ${Math.floor(random() * 30)}`,
    }));
    for (const count of [1, 7, 100, 499, 500]) {
      expect(firstInOrder(charts, count, compareChartsByName)).toEqual(
        [...charts].sort(compareChartsByName).slice(0, count),
      );
    }
  });
});
