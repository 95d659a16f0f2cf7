import { upsertCharts } from '../electron/engine/db/queries/charts';
import type { AppDatabase } from '../electron/engine/db/open-database';
import type { RankingSnapshot } from '../electron/engine/soundcharts/types';
import { storeSnapshot } from '../electron/engine/sync/store-snapshot';
import { addDays } from '../shared/domain/periods';

/**
 * A daily chart with a year of 200-entry rankings (73,000 entries) from a pool of 600 songs that come and go,
 * plus a second chart sharing the songs, as a busy operator's database holds: what the ranking view must read
 * in a few milliseconds. Deterministic (no randomness), so the bench and the tests see the same data.
 */
export function seedYearOfRankings(database: AppDatabase, options: { days?: number; size?: number } = {}) {
  const days = options.days ?? 365;
  const size = options.size ?? 200;
  upsertCharts(database, [
    {
      slug: 'year-daily',
      name: 'Year Daily',
      platform: 'spotify',
      frequency: 'daily',
      countryCode: '',
      countryName: '',
    },
    {
      slug: 'year-other',
      name: 'Year Other',
      platform: 'deezer',
      frequency: 'daily',
      countryCode: '',
      countryName: '',
    },
  ]);
  const chartIds = ['year-daily', 'year-other'].map(
    (slug) =>
      (database.sqlite.prepare('SELECT id FROM charts WHERE slug = ?').get(slug) as { id: number }).id,
  );
  const first = '2025-11-06';
  for (let day = 0; day < days; day++) {
    const date = addDays(first, day);
    for (const [c, chartId] of chartIds.entries()) {
      const datetime = `${date}T12:00:00+00:00`;
      const snapshot: RankingSnapshot = {
        datetime,
        date,
        instant: Date.parse(datetime),
        total: size,
        pages: 1,
        chart: {
          slug: c === 0 ? 'year-daily' : 'year-other',
          name: 'Year',
          type: 'song',
          platform: 'spotify',
          frequency: 'daily',
          countryCode: '',
          countryName: '',
          cityName: '',
          maxResultsCount: size,
          webUrl: null,
          metric: null,
        },
        entries: Array.from({ length: size }, (_, index) => {
          // A window of the pool that slides by 2 songs a day, shuffled by a fixed stride.
          const song = (day * 2 + ((index * 7 + day + c * 13) % size)) % 600;
          return {
            song: {
              uuid: `year-song-${song}`,
              name: `Song ${song}`,
              creditName: `Artist ${song % 50}`,
              imageUrl: null,
            },
            position: index + 1,
            oldPosition: 0,
            positionEvolution: 0,
            metric: 1000 * (size - index),
            entryState: '',
            entryDate: null,
            rankDate: datetime,
            timeOnChart: day + 1,
            timeOnChartUnit: 'day',
          };
        }),
      };
      storeSnapshot(database, chartId, snapshot, Date.parse(datetime));
    }
  }
  return { daily: chartIds[0]!, other: chartIds[1]!, latest: addDays(first, days - 1) };
}
