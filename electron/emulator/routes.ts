import type { Audience } from './audience';
import type { Catalogue, EmulatedChart } from './catalogue';
import { dayOf, requestedDay, stamp, type OffsetPolicy } from './dates';
import { errorReply, isReply, notFound, pageOf, pagingOf, type Reply } from './envelope';
import type { FaultController } from './faults';
import { randomFor, shuffled } from './random';
import type { Rankings, Snapshot } from './rankings';
import type { MetadataVersion, SongCatalogue } from './songs';

/** The Soundcharts paths the emulator answers, each with the version the app pins (plus song v2, the old shape). */

export type EmulatorData = {
  readonly seed: number;
  readonly catalogue: Catalogue;
  readonly songs: SongCatalogue;
  readonly rankings: Rankings;
  readonly audience: Audience;
  readonly faults: FaultController;
  /** Day number of "today" for the emulated data. */
  today(): number;
  usage(): Record<string, unknown>;
};

type Handler = (params: string[], query: URLSearchParams, pathname: string, data: EmulatorData) => Reply;

/**
 * The server's limit on one audience request, counted the strictest way it could be: both ends inclusive, so
 * startDate..endDate may span at most 90 calendar days (endDate − startDate ≤ 89). Soundcharts documents
 * "≤ 90 days per call" without saying how it counts. This is the emulator's stand-in for the server, kept apart
 * from the client's policy AUDIENCE_WINDOW_DAYS on purpose: the client's windows must fit inside it (a test
 * checks that they do), and a client policy changed past the real limit must fail here, not follow it.
 */
export const MAX_AUDIENCE_DAYS = 90;
const DAILY_STAMP = '12:00:00';
const AUDIENCE_STAMP = '00:00:00';

const ROUTES: readonly (readonly [RegExp, Handler])[] = [
  [/^\/api\/v2\/chart\/song\/platforms$/, platforms],
  [/^\/api\/v2\/chart\/song\/by-platform\/([^/]+)$/, chartsByPlatform],
  [/^\/api\/v2\/chart\/song\/([^/]+)\/available-rankings$/, availableRankings],
  [/^\/api\/v2\.14\/chart\/song\/([^/]+)\/ranking\/([^/]+)$/, ranking],
  [/^\/api\/(v2\.25|v2)\/song\/([^/]+)$/, songMetadata],
  [/^\/api\/v2\/song\/([^/]+)\/audience\/([^/]+)$/, songAudience],
  [/^\/api\/v2\/team\/usage$/, teamUsage],
];

export function routeApi(
  method: string,
  pathname: string,
  query: URLSearchParams,
  data: EmulatorData,
): Reply {
  if (method !== 'GET') return notFound();
  for (const [pattern, handler] of ROUTES) {
    const match = pattern.exec(pathname);
    if (!match) continue;
    let params: string[];
    try {
      params = match.slice(1).map((part) => decodeURIComponent(part ?? ''));
    } catch {
      return errorReply(400, 'request', 'Invalid request.');
    }
    return handler(params, query, pathname, data);
  }
  return notFound();
}

function offsetPolicy(data: EmulatorData): OffsetPolicy {
  return { olderThanDays: data.faults.offsetAgeDays, today: data.today() };
}

function collection<T>(all: readonly T[], query: URLSearchParams, pathname: string, extra = {}): Reply {
  const paging = pagingOf(query);
  if (isReply(paging)) return paging;
  return { status: 200, body: { ...extra, ...pageOf(all, paging, pathname, query), errors: [] } };
}

function platforms(_params: string[], query: URLSearchParams, pathname: string, data: EmulatorData): Reply {
  return collection(data.catalogue.platforms, query, pathname);
}

function chartsByPlatform(
  [platform]: string[],
  query: URLSearchParams,
  pathname: string,
  data: EmulatorData,
): Reply {
  if (!data.catalogue.isPlatform(platform ?? '')) return errorReply(400, 'platform', 'Invalid platform.');
  const country = query.get('countryCode');
  const charts = data.catalogue.chartsOf(
    platform ?? '',
    country === null || country === '' ? undefined : country,
  );
  return collection(charts.map(chartBody), query, pathname);
}

function availableRankings(
  [slug]: string[],
  query: URLSearchParams,
  pathname: string,
  data: EmulatorData,
): Reply {
  const chart = data.catalogue.chart(slug ?? '');
  if (!chart) return notFound();
  const history = data.rankings.of(chart);
  const policy = offsetPolicy(data);
  let dates = history
    .availableSteps(data.today())
    .map((step) => stamp(history.dayOfStep(step), DAILY_STAMP, policy));
  if (data.faults.shuffledDates) dates = shuffled(randomFor(data.seed, 'shuffle', slug ?? ''), dates);
  return collection(dates, query, pathname, { related: chartBody(chart) });
}

function ranking(
  [slug, when]: string[],
  query: URLSearchParams,
  pathname: string,
  data: EmulatorData,
): Reply {
  const chart = data.catalogue.chart(slug ?? '');
  if (!chart) return notFound();
  const history = data.rankings.of(chart);
  const today = data.today();
  let step: number | null;
  if (when === 'latest') {
    step = history.lastStepOnOrBefore(today);
  } else {
    const day = requestedDay(when ?? '');
    if (day === null) return errorReply(400, 'date', 'Invalid date.');
    // Only dates that available-rankings lists exist.
    step = history.stepOn(day);
    if (step !== null && !history.isAvailable(step, today)) step = null;
  }
  if (step === null) return notFound();
  const paging = pagingOf(query);
  if (isReply(paging)) return paging;
  const snapshot = history.snapshot(step);
  const policy = offsetPolicy(data);
  const positions = Array.from({ length: snapshot.songs.length }, (_, index) => index);
  const { items, page } = pageOf(positions, paging, pathname, query);
  return {
    status: 200,
    body: {
      related: { chart: chartBody(chart), date: stamp(snapshot.day, DAILY_STAMP, policy) },
      items: items.map((index) => entryBody(snapshot, index, data.songs, policy)),
      page,
      errors: [],
    },
  };
}

function songMetadata(
  [version, uuid]: string[],
  _query: URLSearchParams,
  _path: string,
  data: EmulatorData,
): Reply {
  const index = data.songs.indexOf(uuid ?? '');
  if (index === null) return notFound();
  return {
    status: 200,
    body: {
      type: 'song',
      object: data.songs.metadata(index, version as MetadataVersion, offsetPolicy(data)),
      errors: [],
    },
  };
}

function songAudience(
  [uuid, platform]: string[],
  query: URLSearchParams,
  pathname: string,
  data: EmulatorData,
): Reply {
  const index = data.songs.indexOf(uuid ?? '');
  if (index === null) return notFound();
  if (!data.audience.isPlatform(platform ?? '')) return errorReply(400, 'platform', 'Invalid platform.');
  const today = data.today();
  const end = dateParam(query, 'endDate', today);
  const start = dateParam(query, 'startDate', end === null ? today : end - (MAX_AUDIENCE_DAYS - 1));
  if (start === null || end === null) return errorReply(400, 'date', 'Invalid date.');
  if (end < start) return errorReply(400, 'date', 'startDate must be before endDate.');
  if (end - start + 1 > MAX_AUDIENCE_DAYS) {
    return errorReply(400, 'date', `The period must not exceed ${MAX_AUDIENCE_DAYS} days.`);
  }
  const policy = offsetPolicy(data);
  const items = data.audience
    .series(index, platform ?? '', start, Math.min(end, today))
    .map((item) => ({ date: stamp(item.day, AUDIENCE_STAMP, policy), plots: item.plots }));
  const song = data.songs.lightSong(index);
  return collection(items, query, pathname, { related: song });
}

function teamUsage(_params: string[], _query: URLSearchParams, _path: string, data: EmulatorData): Reply {
  return { status: 200, body: data.usage(), billable: false };
}

/** Key order as in the real responses. */
function chartBody(chart: EmulatedChart): Record<string, unknown> {
  return {
    name: chart.name,
    type: chart.type,
    slug: chart.slug,
    platform: chart.platform,
    frequency: chart.frequency,
    countryCode: chart.countryCode,
    countryName: chart.countryName,
    cityName: chart.cityName,
    maxResultsCount: chart.maxResultsCount,
    webUrl: chart.webUrl,
    metric: chart.metric,
  };
}

function entryBody(snapshot: Snapshot, index: number, songs: SongCatalogue, policy: OffsetPolicy) {
  const position = index + 1;
  const oldPosition = snapshot.oldPositions[index] ?? 0;
  return {
    song: songs.lightSong(snapshot.songs[index] ?? 0),
    position,
    positionEvolution: oldPosition === 0 ? 0 : oldPosition - position,
    metric: snapshot.metrics ? (snapshot.metrics[index] ?? null) : null,
    entryState: '',
    entryDate: stamp(snapshot.entryDays[index] ?? snapshot.day, DAILY_STAMP, policy),
    rankDate: stamp(snapshot.day, DAILY_STAMP, policy),
    oldPosition,
    timeOnChart: snapshot.timeOnChart[index] ?? 1,
    timeOnChartUnit: snapshot.unit,
  };
}

function dateParam(query: URLSearchParams, name: string, fallback: number): number | null {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  try {
    return dayOf(raw);
  } catch {
    return null;
  }
}
