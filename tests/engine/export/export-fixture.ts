import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openDatabase } from '../../../electron/engine/db/open-database';
import { upsertCharts } from '../../../electron/engine/db/queries/charts';
import { Engine } from '../../../electron/engine/engine';
import { SANDBOX_CREDENTIALS } from '../../../electron/engine/soundcharts';
import type { RankingSnapshot } from '../../../electron/engine/soundcharts/types';
import { storeSnapshot } from '../../../electron/engine/sync/store-snapshot';
import { SAMPLE_CHARTS, useTempDir } from '../../support/database';

/** Titles that break naive writers: separators, quotes, line breaks, tabs, accents and CJK. */
/** The rankings dataset's columns, in the order the issue lists them (plus the time-on-chart unit). */
export const RANKING_HEADER = [
  'chart_slug',
  'chart_name',
  'platform',
  'country',
  'frequency',
  'ranking_date',
  'position',
  'previous_position',
  'movement',
  'song_uuid',
  'title',
  'artists',
  'isrc',
  'metric',
  'time_on_chart',
  'time_on_chart_unit',
];

export const SONGS = {
  A: { uuid: 'song-a', name: 'Hello, "World"', creditName: 'Ana; Bo' },
  B: { uuid: 'song-b', name: 'Line one\nline two', creditName: 'Björk Guðmundsdóttir' },
  C: { uuid: 'song-c', name: 'Café Déjà Vu', creditName: 'Zoé' },
  D: { uuid: 'song-d', name: '夜に駆ける', creditName: 'YOASOBI' },
  E: { uuid: 'song-e', name: 'Tab\there\r\nand \\ backslash', creditName: "O'Brien, Jr." },
} as const;
type SongKey = keyof typeof SONGS;

/** One ranking of a chart: the songs in position order, with Soundcharts' oldPosition for each. */
export function snapshot(
  slug: string,
  date: string,
  songs: readonly (readonly [SongKey, number])[],
  metric = 1000,
): RankingSnapshot {
  const chart = SAMPLE_CHARTS.find((c) => c.slug === slug)!;
  const datetime = `${date}T12:00:00+00:00`;
  return {
    datetime,
    date,
    instant: Date.parse(datetime),
    chart: {
      slug,
      name: chart.name,
      type: 'song',
      platform: chart.platform,
      frequency: chart.frequency,
      countryCode: chart.countryCode ?? '',
      countryName: chart.countryName ?? '',
      cityName: '',
      maxResultsCount: chart.maxResultsCount ?? null,
      webUrl: null,
      metric: { type: 'streamcount', description: 'Streams' },
    },
    total: songs.length,
    pages: 1,
    entries: songs.map(([key, oldPosition], index) => ({
      song: { ...SONGS[key], imageUrl: null },
      position: index + 1,
      oldPosition,
      positionEvolution: oldPosition === 0 ? 0 : oldPosition - (index + 1),
      metric: metric - index * 10.5,
      entryState: '',
      entryDate: null,
      rankDate: datetime,
      timeOnChart: 3 + index,
      timeOnChartUnit: 'DOC',
    })),
  };
}

export type ExportFixture = {
  engine: Engine;
  dir: string;
  dbFile: string;
  /** What the engine reported (unexpected errors): a test that provokes one looks here. */
  errors: unknown[];
  chartId(slug: string): number;
};

/**
 * An engine on a database file (exports read it through a connection of their own) in a fresh folder, with the
 * sample catalogue, global-28 scheduled with three daily rankings (movements: new, up, down, same, re-entry)
 * and us-weekly-7 unscheduled with one. No request is ever made: nothing syncs.
 */
export function useExportEngine(): () => ExportFixture {
  const tempDir = useTempDir();
  let engine: Engine | null = null;
  afterEach(async () => {
    await engine?.close();
    engine = null;
  });
  return () => {
    const dir = tempDir();
    const dbFile = join(dir, 'chart-sync.sqlite');
    const errors: unknown[] = [];
    engine = new Engine({
      onError: (error) => errors.push(error),
      database: openDatabase({ file: dbFile }),
      version: 'test',
      connection: { baseUrl: 'http://127.0.0.1:9', credentials: SANDBOX_CREDENTIALS },
    });
    const database = engine.database;
    upsertCharts(database, SAMPLE_CHARTS);
    const chartId = (slug: string) =>
      database.sqlite.prepare('SELECT id FROM charts WHERE slug = ?').pluck().get(slug) as number;
    engine.schedules.create({ chartId: chartId('global-28'), isActive: true });
    const at = Date.parse('2026-11-04T00:00:00Z');
    storeSnapshot(
      database,
      chartId('global-28'),
      snapshot('global-28', '2026-11-01', [
        ['A', 0],
        ['B', 5],
        ['C', 0],
      ]),
      at,
    );
    storeSnapshot(
      database,
      chartId('global-28'),
      snapshot('global-28', '2026-11-02', [
        ['B', 2],
        ['A', 1],
        ['D', 0],
      ]),
      at,
    );
    storeSnapshot(
      database,
      chartId('global-28'),
      snapshot('global-28', '2026-11-03', [
        ['C', 0],
        ['A', 2],
        ['E', 0],
      ]),
      at,
    );
    storeSnapshot(database, chartId('us-weekly-7'), snapshot('us-weekly-7', '2026-11-02', [['D', 0]]), at);
    return { engine, dir, dbFile, errors, chartId };
  };
}

/** RFC 4180, strictly: quoted fields may hold commas, quotes (doubled) and line breaks; records end in CRLF. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    }
    if (text.startsWith('\r\n', i)) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (text[i] === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (i < text.length) {
      if (text[i] === '"' || text[i] === '\n' || text[i] === '\r')
        throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
      field += text[i++];
    }
  }
  if (field !== '' || record.length > 0) throw new Error('last record does not end with CRLF');
  return records;
}
