import { describe, expect, it } from 'vitest';
import {
  foldForSearch,
  formatTimeOnChart,
  movementMark,
  neighbourDate,
  searchEntries,
  storedDateIn,
} from '../../../renderer/src/screens/ranking/ranking-format';
import { rankingEntry } from '../support/sample-data-views';

describe('movement marks', () => {
  it.each([
    [{ movement: 'up', change: 3, previousPosition: 7 }, '▲ 3', 'up 3 from 7'],
    [{ movement: 'down', change: -12, previousPosition: 3 }, '▼ 12', 'down 12 from 3'],
    [{ movement: 'same', change: 0, previousPosition: 5 }, '=', 'same position'],
    [{ movement: 'new', change: null, previousPosition: null }, 'NEW', 'new entry'],
    [{ movement: 're-entry', change: null, previousPosition: null }, 'RE', 're-entry'],
  ] as const)('%o reads %s', (entry, mark, label) => {
    expect(movementMark(entry)).toMatchObject({ mark, label });
  });
});

describe('time on chart', () => {
  it.each([
    [1, 'DOC', '1 day'],
    [12, 'DOC', '12 days'],
    [3, 'WOC', '3 weeks'],
    [1, 'woc', '1 week'],
    [10, 'day', '10 days'],
    [1, 'weeks', '1 week'],
    [4, 'XYZ', '4 XYZ'],
    [4, null, '4'],
    [null, 'DOC', '—'],
  ])('%s %s is "%s"', (value, unit, text) => {
    expect(formatTimeOnChart(value, unit)).toBe(text);
  });
});

describe('search within a ranking', () => {
  const entries = [1, 2, 3, 4, 40].map((p) => rankingEntry(p));
  const positions = (query: string) => searchEntries(entries, query).map((e) => e.position);

  it('ignores case and accents, keeps CJK, matches title, artist and ISRC', () => {
    expect(foldForSearch('Beyoncé DÉJÀ')).toBe('beyonce deja');
    expect(positions('deja')).toEqual([1]);
    expect(positions('BEYONCE')).toEqual([1]);
    expect(positions('夜に')).toEqual([2]);
    expect(positions('usat20000003')).toEqual([3]);
    expect(positions('cyrus flowers')).toEqual([3]);
    expect(positions('flowers beyonce')).toEqual([]);
    expect(positions('  ')).toEqual([1, 2, 3, 4, 40]);
  });
});

describe('stored dates', () => {
  const dates = ['2026-10-01', '2026-10-08', '2026-11-05'];
  it('finds the neighbours of a date, stored or not', () => {
    expect(neighbourDate(dates, '2026-10-08', -1)).toBe('2026-10-01');
    expect(neighbourDate(dates, '2026-10-08', 1)).toBe('2026-11-05');
    expect(neighbourDate(dates, '2026-10-01', -1)).toBeNull();
    expect(neighbourDate(dates, '2026-11-05', 1)).toBeNull();
    expect(neighbourDate(dates, '2026-10-20', -1)).toBe('2026-10-08');
  });
  it('finds the stored date inside a week or a month, inclusive of both ends', () => {
    expect(storedDateIn(dates, '2026-10-05', '2026-10-11')).toBe('2026-10-08');
    expect(storedDateIn(dates, '2026-11-01', '2026-11-30')).toBe('2026-11-05');
    expect(storedDateIn(dates, '2026-09-01', '2026-10-01')).toBe('2026-10-01');
    expect(storedDateIn(dates, '2026-10-12', '2026-10-18')).toBeNull();
  });
});
