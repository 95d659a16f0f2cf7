import type { RankingEntryView, RankingView } from '../../../shared/views/ranking';
import type {
  SongChartRunView,
  SongDetail,
  SongListItem,
  SongMetadataView,
} from '../../../shared/views/song';
import type { PlatformAudienceView, SongAudienceView } from '../../../shared/views/song-audience';
import { UI_NOW } from './sample-views';

const MOVEMENTS: RankingEntryView['movement'][] = ['up', 'down', 'same', 'new', 're-entry'];

/** Entry `position` of a sample ranking: movement cycles through every kind; a few titles are accented or CJK. */
export function rankingEntry(position: number, overrides: Partial<RankingEntryView> = {}): RankingEntryView {
  const movement = MOVEMENTS[(position - 1) % MOVEMENTS.length]!;
  const previousPosition =
    movement === 'up'
      ? position + 3
      : movement === 'down'
        ? Math.max(1, position - 2)
        : movement === 'same'
          ? position
          : null;
  const names: Record<number, [string, string]> = {
    1: ['Déjà Vu', 'Beyoncé'],
    2: ['夜に駆ける', 'YOASOBI'],
    3: ['Flowers', 'Miley Cyrus'],
  };
  const [name, creditName] = names[position] ?? [`Song ${position}`, `Artist ${position}`];
  return {
    position,
    previousPosition,
    movement,
    change: previousPosition === null ? null : previousPosition - position,
    song: {
      uuid: `song-${position}`,
      name,
      creditName,
      isrc: `USAT2${String(position).padStart(7, '0')}`,
      imageUrl: null,
    },
    metric: 1_000_000 - position * 1000,
    timeOnChart: position,
    timeOnChartUnit: 'DOC',
    peakPosition: Math.max(1, position - 1),
    ...overrides,
  };
}

export function rankingView(overrides: Partial<RankingView> = {}): RankingView {
  const entries = overrides.entries ?? Array.from({ length: 200 }, (_, i) => rankingEntry(i + 1));
  return {
    chart: {
      id: 7,
      slug: 'global-28',
      name: 'Top Songs',
      platform: 'spotify',
      countryCode: '',
      countryName: '',
      frequency: 'daily',
      metricType: 'streamcount',
      metricDescription: 'Streams',
      scheduleId: 3,
    },
    date: '2026-11-22',
    datetime: '2026-11-22T12:00:00+00:00',
    fetchedAt: UI_NOW - 3_600_000,
    complete: true,
    reportedTotal: entries.length,
    previousDate: '2026-11-21',
    nextDate: '2026-11-23',
    dates: ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'],
    entries,
    ...overrides,
  };
}

export function songMetadata(overrides: Partial<SongMetadataView> = {}): SongMetadataView {
  return {
    uuid: 'song-1',
    name: 'Déjà Vu',
    creditName: 'Beyoncé',
    imageUrl: 'https://img.example/cover.jpg',
    isrc: 'USSM10603618',
    isrcCountryCode: 'US',
    releaseDate: '2006-06-20T00:00:00+00:00',
    durationSeconds: 240,
    explicit: false,
    languageCode: 'en',
    copyright: null,
    distributor: null,
    appUrl: 'https://app.soundcharts.com/app/song/song-1',
    artists: [
      { uuid: 'a1', slug: 'beyonce', name: 'Beyoncé', appUrl: 'javascript:alert(1)', imageUrl: null },
      {
        uuid: 'a2',
        slug: 'jay-z',
        name: 'Jay-Z',
        appUrl: 'https://app.soundcharts.com/app/artist/jay-z',
        imageUrl: null,
      },
    ],
    genres: [{ root: 'R&B', sub: ['Soul'] }],
    labels: [{ name: 'Columbia', type: 'major' }],
    composers: [],
    producers: [],
    metadataFetchedAt: UI_NOW - 86_400_000,
    metadataStale: false,
    metadataQueued: false,
    ...overrides,
  };
}

export function chartRun(overrides: Partial<SongChartRunView> = {}): SongChartRunView {
  return {
    chartId: 7,
    slug: 'global-28',
    name: 'Top Songs',
    platform: 'spotify',
    countryName: '',
    frequency: 'daily',
    peakPosition: 1,
    peakDate: '2026-11-21',
    firstDate: '2026-11-20',
    lastDate: '2026-11-23',
    lastPosition: 2,
    appearances: 3,
    points: [
      { date: '2026-11-20', position: 4 },
      { date: '2026-11-21', position: 1 },
      { date: '2026-11-23', position: 2 },
    ],
    ...overrides,
  };
}

export function songDetail(overrides: Partial<SongDetail> = {}): SongDetail {
  return {
    song: songMetadata(),
    bestPeak: { position: 1, chartId: 7, slug: 'global-28', name: 'Top Songs', date: '2026-11-21' },
    charts: [chartRun()],
    ...overrides,
  };
}

export function platformAudience(overrides: Partial<PlatformAudienceView> = {}): PlatformAudienceView {
  return {
    platform: 'spotify',
    points: [
      { date: '2026-11-20', value: 1_000_000 },
      { date: '2026-11-21', value: 1_200_000 },
    ],
    fetchedAt: UI_NOW - 86_400_000,
    stale: false,
    lastError: null,
    ...overrides,
  };
}

export function songAudience(overrides: Partial<SongAudienceView> = {}): SongAudienceView {
  return {
    song: { uuid: 'song-1', name: 'Déjà Vu', creditName: 'Beyoncé' },
    platforms: [platformAudience()],
    refreshing: [],
    ...overrides,
  };
}

export function songListItem(overrides: Partial<SongListItem> = {}): SongListItem {
  return {
    uuid: 'song-1',
    name: 'Déjà Vu',
    creditName: 'Beyoncé',
    isrc: 'USSM10603618',
    imageUrl: null,
    bestPeak: 1,
    chartsCount: 2,
    lastSeen: '2026-11-23',
    metadataFetchedAt: UI_NOW - 86_400_000,
    ...overrides,
  };
}
