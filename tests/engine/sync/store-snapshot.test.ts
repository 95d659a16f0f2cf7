import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../../electron/engine/db/open-database';
import { upsertCharts } from '../../../electron/engine/db/queries/charts';
import { rankingEntriesAsFetched } from '../../../electron/engine/db/queries/stored-rankings';
import { storeSongMetadata } from '../../../electron/engine/enrichment/store-metadata';
import type { RankingEntry, RankingSnapshot } from '../../../electron/engine/soundcharts/types';
import { storeSnapshot } from '../../../electron/engine/sync/store-snapshot';
import { useTempDir } from '../../support/database';

const NOW = Date.UTC(2025, 7, 23, 13);
const DATETIME = '2025-08-23T12:00:00+00:00';

function entry(position: number, change: Partial<RankingEntry> = {}): RankingEntry {
  return {
    song: {
      uuid: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
      name: `Song ${position}`,
      creditName: `Artist ${position}`,
      imageUrl: null,
    },
    position,
    oldPosition: position,
    positionEvolution: 0,
    metric: 1_000_000 - position,
    entryState: '',
    entryDate: '2025-06-22T12:00:00+00:00',
    rankDate: DATETIME,
    timeOnChart: 55,
    timeOnChartUnit: 'DOC',
    ...change,
  };
}

function snapshot(entries: RankingEntry[], datetime = DATETIME): RankingSnapshot {
  return {
    datetime,
    date: datetime.slice(0, 10),
    instant: Date.parse(datetime),
    total: entries.length,
    pages: 1,
    chart: {
      slug: 'global-28',
      name: 'Top Songs',
      type: 'song',
      platform: 'spotify',
      frequency: 'daily',
      countryCode: '',
      countryName: '',
      cityName: '',
      maxResultsCount: 200,
      webUrl: null,
      metric: { type: 'streamcount', description: 'Streams' },
    },
    entries,
  };
}

const ENTRIES = [
  entry(1),
  entry(2, { oldPosition: 0, entryState: 'NEW', entryDate: DATETIME, timeOnChart: 1 }),
  entry(3, { oldPosition: 5, positionEvolution: 2, entryDate: null }),
  entry(4, { rankDate: '2025-08-22T12:00:00+00:00', timeOnChartUnit: 'WOC', metric: 12.75 }),
  entry(5, { entryDate: '2025-06-22T00:00:00+02:00', positionEvolution: -9, metric: null }),
];

function withChart(file: string): { database: AppDatabase; chartId: number } {
  const database = openDatabase({ file, now: () => NOW });
  upsertCharts(database, [
    {
      slug: 'global-28',
      name: 'Top Songs',
      platform: 'spotify',
      frequency: 'daily',
      countryCode: '',
      countryName: 'Worldwide',
      maxResultsCount: 200,
    },
  ]);
  const chartId = database.sqlite
    .prepare("SELECT id FROM charts WHERE slug = 'global-28'")
    .pluck()
    .get() as number;
  return { database, chartId };
}

const rankingIdOf = (database: AppDatabase, datetime = DATETIME) =>
  database.sqlite
    .prepare('SELECT id FROM chart_rankings WHERE ranking_datetime = ?')
    .pluck()
    .get(datetime) as number;

describe('storeSnapshot', () => {
  const tempDir = useTempDir();

  it('reads back every field exactly as the API gave it', () => {
    const { database, chartId } = withChart(join(tempDir(), 'db.sqlite'));
    expect(storeSnapshot(database, chartId, snapshot(ENTRIES), NOW)).toMatchObject({
      rankingCreated: true,
      tracksCreated: 5,
      tracksUpdated: 0,
    });
    expect(rankingEntriesAsFetched(database, rankingIdOf(database))).toEqual(ENTRIES);
    // Refetched in place: the same rows, not twice as many.
    storeSnapshot(database, chartId, snapshot(ENTRIES), NOW + 1);
    expect(rankingEntriesAsFetched(database, rankingIdOf(database))).toEqual(ENTRIES);
    database.close();
  });

  it('counts created and updated songs, with songs met before not looked up again', () => {
    const { database, chartId } = withChart(join(tempDir(), 'db.sqlite'));
    storeSnapshot(database, chartId, snapshot(ENTRIES), NOW);
    const renamed = ENTRIES.map((e) =>
      e.position === 2 ? { ...e, song: { ...e.song, name: 'Renamed' } } : e,
    );
    expect(
      storeSnapshot(database, chartId, snapshot(renamed, '2025-08-24T12:00:00+00:00'), NOW),
    ).toMatchObject({ rankingCreated: true, tracksCreated: 0, tracksUpdated: 1 });
    expect(
      storeSnapshot(database, chartId, snapshot(renamed, '2025-08-25T12:00:00+00:00'), NOW),
    ).toMatchObject({ tracksCreated: 0, tracksUpdated: 0 });
    database.close();
  });

  it('a rolled-back snapshot leaves no song behind in its cache', () => {
    const { database, chartId } = withChart(join(tempDir(), 'db.sqlite'));
    // An unknown chart fails after the songs were inserted: the transaction rolls them back.
    expect(() => storeSnapshot(database, chartId + 99, snapshot(ENTRIES), NOW)).toThrow(/FOREIGN KEY/);
    expect(database.sqlite.prepare('SELECT count(*) FROM songs').pluck().get()).toBe(0);
    expect(storeSnapshot(database, chartId, snapshot(ENTRIES), NOW)).toMatchObject({ tracksCreated: 5 });
    expect(rankingEntriesAsFetched(database, rankingIdOf(database))).toEqual(ENTRIES);
    database.close();
  });

  it('sees what another connection changed: songs renamed, or deleted and inserted again', () => {
    const file = join(tempDir(), 'db.sqlite');
    const { database, chartId } = withChart(file);
    const other = openDatabase({ file, now: () => NOW });
    storeSnapshot(database, chartId, snapshot(ENTRIES), NOW);

    other.sqlite.prepare("UPDATE songs SET name = 'Elsewhere' WHERE name = 'Song 1'").run();
    expect(storeSnapshot(database, chartId, snapshot(ENTRIES), NOW)).toMatchObject({ tracksUpdated: 1 });

    other.sqlite.exec('DELETE FROM chart_rankings; DELETE FROM songs;');
    expect(storeSnapshot(database, chartId, snapshot(ENTRIES), NOW)).toMatchObject({ tracksCreated: 5 });
    expect(rankingEntriesAsFetched(database, rankingIdOf(database))).toEqual(ENTRIES);
    other.close();
    database.close();
  });

  it('sees what this connection wrote to a song elsewhere (metadata)', () => {
    const { database, chartId } = withChart(join(tempDir(), 'db.sqlite'));
    storeSnapshot(database, chartId, snapshot(ENTRIES), NOW);
    storeSongMetadata(
      database,
      ENTRIES[0]!.song.uuid,
      {
        uuid: ENTRIES[0]!.song.uuid,
        name: 'Metadata name',
        creditName: 'Artist 1',
        imageUrl: null,
        isrc: null,
        isrcCountryCode: null,
        releaseDate: null,
        durationSeconds: null,
        explicit: null,
        languageCode: null,
        copyright: null,
        distributor: null,
        appUrl: null,
        releaseDay: null,
        audio: null,
        artists: [],
        genres: [],
        labels: [],
        composers: [],
        producers: [],
      },
      NOW,
    );
    expect(storeSnapshot(database, chartId, snapshot(ENTRIES), NOW)).toMatchObject({ tracksUpdated: 1 });
    database.close();
  });

  it('numbers each stored snapshot past every earlier one, even after the newest was deleted', () => {
    const { database, chartId } = withChart(join(tempDir(), 'db.sqlite'));
    const seqOf = (datetime: string) =>
      database.sqlite
        .prepare('SELECT stored_seq FROM chart_rankings WHERE ranking_datetime = ?')
        .pluck()
        .get(datetime);
    storeSnapshot(database, chartId, snapshot(ENTRIES), NOW);
    storeSnapshot(database, chartId, snapshot(ENTRIES, '2025-08-24T12:00:00+00:00'), NOW);
    expect([seqOf(DATETIME), seqOf('2025-08-24T12:00:00+00:00')]).toEqual([1, 2]);
    database.sqlite
      .prepare('DELETE FROM chart_rankings WHERE ranking_datetime = ?')
      .run('2025-08-24T12:00:00+00:00');
    storeSnapshot(database, chartId, snapshot(ENTRIES), NOW);
    expect(seqOf(DATETIME)).toBe(3);
    database.close();
  });
});
