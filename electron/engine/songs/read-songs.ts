import { isMetadataStale } from '../../../shared/domain/staleness';
import { ChartSyncError } from '../../../shared/errors';
import type {
  SongArtistView,
  SongChartRunView,
  SongDetail,
  SongListItem,
  SongMetadataView,
  SongPage,
  SongSort,
} from '../../../shared/views/song';
import { getChartById } from '../db/queries/charts';
import type { AppDatabase } from '../db/open-database';
import {
  containsPattern,
  storedRankingQueries,
  type SongPointRow,
  type SongRow,
} from '../db/queries/stored-rankings';

/** A song's uuid, or an ISRC written with or without hyphens, in any case. */
export function findSong(database: AppDatabase, reference: string): SongRow | undefined {
  const q = storedRankingQueries(database);
  const ref = reference.trim();
  return q.songByUuid.get(ref) ?? q.songByIsrc.get(ref.replace(/[-\s]/g, '').toUpperCase());
}

export function requireSong(database: AppDatabase, reference: string): SongRow {
  const song = findSong(database, reference);
  if (song) return song;
  throw new ChartSyncError(
    'not_found',
    `No song has the uuid or ISRC ${JSON.stringify(reference.trim())} in the local database: songs arrive with the rankings of the charts you sync. Find one with \`chart-sync songs --search <text>\`.`,
  );
}

export function listSongs(
  database: AppDatabase,
  input: { search?: string | undefined; sort: SongSort; limit: number; offset: number },
): SongPage {
  const q = storedRankingQueries(database);
  const pattern = containsPattern(input.search);
  const total = q.songCount.get({ pattern })?.n ?? 0;
  const items = q.songList[input.sort]
    .all({ pattern, limit: input.limit, offset: input.offset })
    .map((row): SongListItem => ({
      uuid: row.uuid,
      name: row.name,
      creditName: row.creditName,
      isrc: row.isrc,
      imageUrl: row.imageUrl,
      bestPeak: row.bestPeak,
      chartsCount: row.chartsCount,
      lastSeen: row.lastSeen,
      metadataFetchedAt: row.metadataFetchedAt,
    }));
  return { items, total, limit: input.limit, offset: input.offset };
}

export function readSong(database: AppDatabase, reference: string, now: number): SongDetail {
  const q = storedRankingQueries(database);
  const row = requireSong(database, reference);
  const byChart = new Map<number, SongPointRow[]>();
  for (const point of q.songPoints.all(row.id)) {
    const list = byChart.get(point.chartId) ?? [];
    list.push(point);
    byChart.set(point.chartId, list);
  }
  const charts: SongChartRunView[] = [];
  for (const [chartId, points] of byChart) {
    const chart = getChartById(database, chartId);
    if (!chart) continue;
    // Oldest first: the first point at the best position is when the peak was reached.
    const peak = points.reduce((best, p) => (p.position < best.position ? p : best), points[0]!);
    const last = points.at(-1)!;
    charts.push({
      chartId,
      slug: chart.slug,
      name: chart.name,
      platform: chart.platform,
      countryName: chart.countryName,
      frequency: chart.frequency,
      peakPosition: peak.position,
      peakDate: peak.date,
      firstDate: points[0]!.date,
      lastDate: last.date,
      lastPosition: last.position,
      appearances: points.length,
      points: points.map(({ date, position }) => ({ date, position })),
    });
  }
  charts.sort(
    (a, b) =>
      a.peakPosition - b.peakPosition || a.peakDate.localeCompare(b.peakDate) || a.chartId - b.chartId,
  );
  const best = charts[0];
  return {
    song: metadataView(row, now, q.openTask.get('song_metadata', row.uuid) !== undefined),
    bestPeak: best
      ? {
          position: best.peakPosition,
          chartId: best.chartId,
          slug: best.slug,
          name: best.name,
          date: best.peakDate,
        }
      : null,
    charts,
  };
}

function metadataView(row: SongRow, now: number, queued: boolean): SongMetadataView {
  return {
    uuid: row.uuid,
    name: row.name,
    creditName: row.creditName,
    imageUrl: row.imageUrl,
    isrc: row.isrc,
    isrcCountryCode: row.isrcCountryCode,
    releaseDate: row.releaseDate,
    durationSeconds: row.durationSeconds,
    explicit: row.explicit === null ? null : row.explicit !== 0,
    languageCode: row.languageCode,
    copyright: row.copyright,
    distributor: row.distributor,
    appUrl: row.appUrl,
    artists: listOf(row.artistsJson, artistOf),
    genres: listOf(row.genresJson, (item) =>
      isRecord(item) && typeof item.root === 'string'
        ? { root: item.root, sub: Array.isArray(item.sub) ? item.sub.filter(isString) : [] }
        : null,
    ),
    labels: listOf(row.labelsJson, (item) =>
      isRecord(item) && typeof item.name === 'string'
        ? { name: item.name, type: typeof item.type === 'string' ? item.type : null }
        : null,
    ),
    composers: listOf(row.composersJson, (item) => (isString(item) ? item : null)),
    producers: listOf(row.producersJson, (item) => (isString(item) ? item : null)),
    metadataFetchedAt: row.metadataFetchedAt,
    metadataStale: isMetadataStale(row.metadataFetchedAt, now),
    metadataQueued: queued,
  };
}

function artistOf(item: unknown): SongArtistView | null {
  if (!isRecord(item) || typeof item.name !== 'string') return null;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    uuid: text(item.uuid),
    slug: text(item.slug),
    name: item.name,
    appUrl: text(item.appUrl),
    imageUrl: text(item.imageUrl),
  };
}

/**
 * A JSON list column read defensively: written by an older version, by hand, or cut short, it must not break
 * the song's page. Anything that is not a list reads as empty; items of the wrong shape are left out.
 */
function listOf<T>(json: string | null, item: (value: unknown) => T | null): T[] {
  if (json === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.map(item).filter((value): value is T => value !== null);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
