import { upsertCharts } from '../../../electron/engine/db/queries/charts';
import type { AppDatabase } from '../../../electron/engine/db/open-database';
import type { RankingSnapshot } from '../../../electron/engine/soundcharts/types';
import { storeSnapshot } from '../../../electron/engine/sync/store-snapshot';

/**
 * Songs whose titles and artists carry what a display or a file gets wrong: commas, quotes, accents and CJK.
 * Keys are short names for the tests.
 */
export const SEED_SONGS = {
  cafe: {
    uuid: '11111111-aaaa-4000-8000-000000000001',
    name: 'Café del Mar, "Live"',
    creditName: 'Beyoncé & Zoë',
    isrc: 'FRZ032600001',
  },
  yoru: {
    uuid: '11111111-aaaa-4000-8000-000000000002',
    name: '夜に駆ける',
    creditName: 'YOASOBI',
    isrc: 'JPU902600002',
  },
  hello: {
    uuid: '11111111-aaaa-4000-8000-000000000003',
    name: 'Hello, "World"',
    creditName: 'Ünïcode, Artist',
    isrc: null,
  },
  dee: {
    uuid: '11111111-aaaa-4000-8000-000000000004',
    name: 'Song D',
    creditName: 'Dee',
    isrc: 'USAAA2600004',
  },
  newcomer: {
    uuid: '11111111-aaaa-4000-8000-000000000005',
    name: 'Newcomer',
    creditName: 'Nova',
    isrc: 'GBBBB2600005',
  },
} as const;
type SongKey = keyof typeof SEED_SONGS;

export const SEED_DAILY = 'seed-daily';
export const SEED_WEEKLY = 'seed-weekly';
/** The daily chart's stored dates: 2026-11-03 is missing on purpose (a gap between stored periods). */
export const SEED_DATES = ['2026-11-01', '2026-11-02', '2026-11-04', '2026-11-05'] as const;

/**
 * Each stored period of the daily chart, by position, with the API's old position (only the oldest period's is
 * used): 11-01 cafe new, yoru up from 5, hello down from 2; 11-02 yoru up, cafe down, dee new; 11-04 cafe up,
 * hello re-entry, newcomer new (yoru and dee out); 11-05 cafe same, yoru re-entry, hello down.
 */
const DAILY: Record<string, [SongKey, number][]> = {
  '2026-11-01': [
    ['cafe', 0],
    ['yoru', 5],
    ['hello', 2],
  ],
  '2026-11-02': [
    ['yoru', 2],
    ['cafe', 1],
    ['dee', 0],
  ],
  '2026-11-04': [
    ['cafe', 2],
    ['hello', 0],
    ['newcomer', 0],
  ],
  '2026-11-05': [
    ['cafe', 1],
    ['yoru', 0],
    ['hello', 2],
  ],
};

function snapshot(
  slug: string,
  date: string,
  rows: [SongKey, number][],
  total = rows.length,
): RankingSnapshot {
  const datetime = `${date}T00:00:00+00:00`;
  return {
    datetime,
    date,
    instant: Date.parse(datetime),
    total,
    pages: 1,
    chart: {
      slug,
      name: slug,
      type: 'song',
      platform: 'spotify',
      frequency: 'daily',
      countryCode: 'FR',
      countryName: 'France',
      cityName: '',
      maxResultsCount: 200,
      webUrl: null,
      metric: { type: 'streams', description: 'Streams' },
    },
    entries: rows.map(([key, oldPosition], index) => {
      const song = SEED_SONGS[key];
      return {
        song: { uuid: song.uuid, name: song.name, creditName: song.creditName, imageUrl: null },
        position: index + 1,
        oldPosition,
        positionEvolution: oldPosition === 0 ? 0 : oldPosition - (index + 1),
        metric: 1_000_000 - index * 1000,
        entryState: '',
        entryDate: null,
        rankDate: datetime,
        timeOnChart: 10 + index,
        timeOnChartUnit: 'day',
      };
    }),
  };
}

/**
 * Two charts of its own in `database` (so they never mix with the emulator's): `seed-daily` with four stored
 * periods and `seed-weekly` with one (cafe at 5), plus the songs' ISRCs. Returns the charts' ids.
 */
export function seedRankings(database: AppDatabase, now = Date.parse('2026-11-06T12:00:00Z')) {
  upsertCharts(database, [
    {
      slug: SEED_DAILY,
      name: 'Seed Top, "Daily"',
      platform: 'spotify',
      frequency: 'daily',
      countryCode: 'FR',
      countryName: 'France',
      metricType: 'streams',
      metricDescription: 'Streams',
    },
    {
      slug: SEED_WEEKLY,
      name: 'Seed Weekly',
      platform: 'apple-music',
      frequency: 'weekly',
      countryCode: 'JP',
      countryName: 'Japan',
    },
  ]);
  const idOf = (slug: string) =>
    (database.sqlite.prepare('SELECT id FROM charts WHERE slug = ?').get(slug) as { id: number }).id;
  const daily = idOf(SEED_DAILY);
  const weekly = idOf(SEED_WEEKLY);
  for (const [date, rows] of Object.entries(DAILY))
    storeSnapshot(database, daily, snapshot(SEED_DAILY, date, rows), now);
  storeSnapshot(
    database,
    weekly,
    snapshot(
      SEED_WEEKLY,
      '2026-11-02',
      [
        ['dee', 0],
        ['newcomer', 0],
        ['yoru', 0],
        ['hello', 0],
        ['cafe', 0],
      ],
      100,
    ),
    now,
  );
  const setIsrc = database.sqlite.prepare('UPDATE songs SET isrc = ? WHERE uuid = ?');
  for (const song of Object.values(SEED_SONGS)) setIsrc.run(song.isrc, song.uuid);
  return { daily, weekly };
}
