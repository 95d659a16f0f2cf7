import { describe, expect, it } from 'vitest';
import {
  commonUnit,
  decodeEntry,
  encodeEntry,
  type DecodedEntry,
} from '../../../electron/engine/db/ranking-entries';

const RANKING = { datetime: '2025-08-23T12:00:00+00:00', timeOnChartUnit: 'DOC' };

/** The first entry of the real fixture (get_song_ranking.json), without its song. */
const REAL: DecodedEntry = {
  position: 1,
  oldPosition: 1,
  positionEvolution: 0,
  metric: 8287561,
  entryState: '',
  entryDate: '2025-06-22T12:00:00+00:00',
  rankDate: '2025-08-23T12:00:00+00:00',
  timeOnChart: 55,
  timeOnChartUnit: 'DOC',
};

describe('ranking entries are stored compactly and read back exactly', () => {
  it('stores a real entry as numbers only: no text, no JSON', () => {
    expect(encodeEntry(REAL, RANKING)).toEqual({
      oldPosition: 1,
      metric: 8287561,
      timeOnChart: 55,
      // 62 days before the ranking, minus 55 days on chart.
      entryDays: 7,
      extra: null,
    });
  });

  it.each<[string, Partial<DecodedEntry>, string | null]>([
    ['a real entry', {}, null],
    [
      'a new entry (old position 0)',
      { oldPosition: 0, positionEvolution: 0, entryState: 'NEW' },
      '{"entryState":"NEW"}',
    ],
    [
      'an evolution that does not follow from the positions',
      { positionEvolution: 7 },
      '{"positionEvolution":7}',
    ],
    ['no entry date', { entryDate: null }, null],
    [
      'an entry date at another time of day',
      { entryDate: '2025-06-22T00:00:00+00:00' },
      '{"entryDate":"2025-06-22T00:00:00+00:00"}',
    ],
    [
      'an entry date in another offset',
      { entryDate: '2025-06-22T12:00:00+02:00' },
      '{"entryDate":"2025-06-22T12:00:00+02:00"}',
    ],
    [
      'an entry date that is not a calendar date',
      { entryDate: '2025-02-30T12:00:00+00:00' },
      '{"entryDate":"2025-02-30T12:00:00+00:00"}',
    ],
    ['an entry date after the ranking', { entryDate: '2025-09-01T12:00:00+00:00' }, null],
    ['an entry date across a leap day', { entryDate: '2024-02-28T12:00:00+00:00', timeOnChart: 400 }, null],
    [
      'a rank date of its own',
      { rankDate: '2025-08-22T12:00:00+00:00' },
      '{"rankDate":"2025-08-22T12:00:00+00:00"}',
    ],
    ['no rank date (an older row)', { rankDate: null }, '{"rankDate":null}'],
    ['another unit', { timeOnChartUnit: 'WOC' }, '{"timeOnChartUnit":"WOC"}'],
    ['no unit (an older row)', { timeOnChartUnit: null }, '{"timeOnChartUnit":null}'],
    ['no time on chart', { timeOnChart: null }, null],
    ['a fractional metric', { metric: 1234.5678 }, null],
    ['no metric', { metric: null }, null],
  ])('%s', (_, change, extra) => {
    const entry = { ...REAL, ...change };
    const stored = encodeEntry(entry, RANKING);
    expect(stored.extra).toBe(extra);
    expect(decodeEntry({ position: entry.position, ...stored }, RANKING)).toEqual(entry);
  });

  it('a ranking in another offset rebuilds its entries’ dates in that offset', () => {
    const ranking = { datetime: '2025-01-05T00:30:00-05:00', timeOnChartUnit: 'DOC' };
    const entry = {
      ...REAL,
      entryDate: '2024-12-30T00:30:00-05:00',
      rankDate: ranking.datetime,
      timeOnChart: 3,
    };
    const stored = encodeEntry(entry, ranking);
    expect(stored).toMatchObject({ entryDays: 3, extra: null });
    expect(decodeEntry({ position: 1, ...stored }, ranking)).toEqual(entry);
  });

  it('keeps the unit most entries have on the ranking (ties: the smallest, NULL first, as SQL sorts)', () => {
    expect(
      commonUnit([{ timeOnChartUnit: 'DOC' }, { timeOnChartUnit: 'WOC' }, { timeOnChartUnit: 'WOC' }]),
    ).toBe('WOC');
    expect(commonUnit([{ timeOnChartUnit: 'WOC' }, { timeOnChartUnit: 'DOC' }])).toBe('DOC');
    expect(commonUnit([{ timeOnChartUnit: 'DOC' }, { timeOnChartUnit: null }])).toBeNull();
    expect(commonUnit([])).toBeNull();
  });
});
