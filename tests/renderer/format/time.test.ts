import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatDuration,
  formatRelative,
  parseCalendarDate,
} from '../../../renderer/src/format/time';
import { formatPercent, rateBand } from '../../../renderer/src/format/numbers';

const NOW = Date.UTC(2026, 10, 23, 12);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('formatRelative', () => {
  it.each([
    [NOW, 'now'],
    [NOW + 5_000, 'now'],
    [NOW - 30_000, '30 seconds ago'],
    [NOW + 5 * MIN, 'in 5 minutes'],
    [NOW - 3 * HOUR, '3 hours ago'],
    [NOW + DAY, 'tomorrow'],
    [NOW - 3 * DAY, '3 days ago'],
    [NOW - 60 * DAY, '2 months ago'],
    [NOW + 400 * DAY, 'next year'],
  ])('%i', (at, text) => {
    expect(formatRelative(at, NOW)).toBe(text);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [850, '850 ms'],
    [12_000, '12 s'],
    [3 * MIN + 20_000, '3 min 20 s'],
    [4 * MIN, '4 min'],
    [2 * HOUR + 5 * MIN, '2 h 5 min'],
    [3 * HOUR, '3 h'],
    [-1, '—'],
    [Number.NaN, '—'],
  ])('%d ms', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('success rate', () => {
  it.each([
    [null, '—', 'none'],
    [100, '100%', 'good'],
    [90, '90%', 'good'],
    [89.6, '90%', 'warn'],
    [70, '70%', 'warn'],
    [69.9, '70%', 'bad'],
    [0, '0%', 'bad'],
  ] as const)('%s', (rate, text, band) => {
    expect(formatPercent(rate)).toBe(text);
    expect(rateBand(rate)).toBe(band);
  });
});

describe('calendar dates in the app format', () => {
  it.each([
    ['2026-11-01', '1 Nov 2026'],
    ['2026-02-28', '28 Feb 2026'],
    ['2025-12-31', '31 Dec 2025'],
  ])('formatCalendarDate(%s) = %s', (date, text) => {
    expect(formatCalendarDate(date)).toBe(text);
    expect(parseCalendarDate(text)).toBe(date);
  });

  it.each([
    ['1 Nov 2026', '2026-11-01'],
    ['  01 nov 2026 ', '2026-11-01'],
    ['1 November 2026', '2026-11-01'],
    ['1 Sept 2026', '2026-09-01'],
    ['2026-11-01', '2026-11-01'],
    ['2026-2-3', '2026-02-03'],
    ['29 Feb 2028', '2028-02-29'],
    ['29 Feb 2026', null],
    ['31 Apr 2026', null],
    ['2026-13-01', null],
    ['1 Novx 2026', null],
    ['11/01/2026', null],
    ['yesterday', null],
    ['', null],
  ])('parseCalendarDate(%j) = %s', (text, expected) => {
    expect(parseCalendarDate(text)).toBe(expected);
  });
});
