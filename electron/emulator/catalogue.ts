import { intBetween, pick, randomFor, shuffled } from './random';

/**
 * The emulated chart catalogue: Soundcharts' 21 chart platforms, each with daily charts (worldwide and per
 * country), weekly charts and a monthly chart. Which countries and sizes a platform has depends on the seed;
 * the sandbox chart `global-28` (Spotify Top Songs, Worldwide, daily, 200 entries) exists whatever the seed.
 */

export type Frequency = 'daily' | 'weekly' | 'monthly';

export type ChartMetric = { readonly type: string; readonly description: string };

export type EmulatedChart = {
  readonly name: string;
  readonly type: 'song';
  readonly slug: string;
  readonly platform: string;
  readonly frequency: Frequency;
  readonly countryCode: string;
  readonly countryName: string;
  readonly cityName: string;
  readonly maxResultsCount: number;
  readonly webUrl: string;
  readonly metric: ChartMetric | null;
};

export type EmulatedPlatform = { readonly name: string; readonly code: string };

/** In the order the real API lists them. */
export const PLATFORMS: readonly EmulatedPlatform[] = [
  { name: 'Airplay', code: 'airplay' },
  { name: 'Amazon', code: 'amazon' },
  { name: 'Anghami', code: 'anghami' },
  { name: 'Apple Music', code: 'apple-music' },
  { name: 'Beatport', code: 'beatport' },
  { name: 'Boomplay', code: 'boomplay' },
  { name: 'Deezer', code: 'deezer' },
  { name: 'Gaana', code: 'gaana' },
  { name: 'Genius', code: 'genius' },
  { name: 'Jiosaavn', code: 'jiosaavn' },
  { name: 'Line Music', code: 'line-music' },
  { name: 'Melon', code: 'melon' },
  { name: 'NetEase', code: 'netease' },
  { name: 'QQ Music', code: 'qq-music' },
  { name: 'Shazam', code: 'shazam' },
  { name: 'Soundcloud', code: 'soundcloud' },
  { name: 'Spotify', code: 'spotify' },
  { name: 'Tidal', code: 'tidal' },
  { name: 'TikTok', code: 'tiktok' },
  { name: 'YouTube', code: 'youtube' },
  { name: 'iTunes', code: 'itunes' },
];

export const SANDBOX_CHART: EmulatedChart = {
  name: 'Top Songs',
  type: 'song',
  slug: 'global-28',
  platform: 'spotify',
  frequency: 'daily',
  countryCode: '',
  countryName: 'Worldwide',
  cityName: '',
  maxResultsCount: 200,
  webUrl: 'https://charts.spotify.com/charts/view/regional-global-daily/latest',
  metric: { type: 'streamcount', description: 'Streams' },
};

const COUNTRIES: Readonly<Record<string, string>> = {
  US: 'United States',
  GB: 'United Kingdom',
  FR: 'France',
  DE: 'Germany',
  BR: 'Brazil',
  JP: 'Japan',
  KR: 'South Korea',
  MX: 'Mexico',
  ES: 'Spain',
  IT: 'Italy',
  CA: 'Canada',
  AU: 'Australia',
  IN: 'India',
  NG: 'Nigeria',
  SE: 'Sweden',
  NL: 'Netherlands',
  CN: 'China',
  AE: 'United Arab Emirates',
  SA: 'Saudi Arabia',
  EG: 'Egypt',
  KE: 'Kenya',
  GH: 'Ghana',
};

const GLOBAL_COUNTRIES = ['US', 'GB', 'FR', 'DE', 'BR', 'JP', 'MX', 'ES', 'IT', 'CA', 'AU', 'SE', 'NL'];

type PlatformProfile = {
  readonly chartName: string;
  readonly metric: ChartMetric | null;
  /** Regional platforms chart only their own markets. */
  readonly countries: readonly string[];
};

const METRICS = {
  streams: { type: 'streamcount', description: 'Streams' },
  views: { type: 'viewcount', description: 'Views' },
  shazams: { type: 'shazamcount', description: 'Shazams' },
  spins: { type: 'spincount', description: 'Spins' },
  plays: { type: 'playcount', description: 'Plays' },
  videos: { type: 'videocount', description: 'Videos' },
} as const;

const PROFILES: Readonly<Record<string, PlatformProfile>> = {
  airplay: { chartName: 'Radio Airplay', metric: METRICS.spins, countries: GLOBAL_COUNTRIES },
  amazon: { chartName: 'Best Sellers', metric: null, countries: ['US', 'GB', 'DE', 'FR', 'JP'] },
  anghami: { chartName: 'Top Songs', metric: null, countries: ['AE', 'SA', 'EG'] },
  'apple-music': { chartName: 'Top 100', metric: null, countries: GLOBAL_COUNTRIES },
  beatport: { chartName: 'Top 100', metric: null, countries: ['US', 'GB', 'DE', 'NL'] },
  boomplay: { chartName: 'Trending Songs', metric: METRICS.streams, countries: ['NG', 'KE', 'GH'] },
  deezer: { chartName: 'Top Tracks', metric: null, countries: ['FR', 'DE', 'BR', 'GB', 'US'] },
  gaana: { chartName: 'Top Songs', metric: null, countries: ['IN'] },
  genius: { chartName: 'Top Songs', metric: METRICS.views, countries: ['US', 'GB'] },
  jiosaavn: { chartName: 'Weekly Top Songs', metric: null, countries: ['IN'] },
  'line-music': { chartName: 'Top 100', metric: null, countries: ['JP'] },
  melon: { chartName: 'Top 100', metric: null, countries: ['KR'] },
  netease: { chartName: 'Hot Songs', metric: null, countries: ['CN'] },
  'qq-music': { chartName: 'Top Songs', metric: null, countries: ['CN'] },
  shazam: { chartName: 'Top 200', metric: METRICS.shazams, countries: GLOBAL_COUNTRIES },
  soundcloud: { chartName: 'Top 50', metric: METRICS.plays, countries: ['US', 'GB', 'DE', 'FR'] },
  spotify: { chartName: 'Top Songs', metric: METRICS.streams, countries: GLOBAL_COUNTRIES },
  tidal: { chartName: 'Top 100', metric: null, countries: ['US', 'GB', 'SE'] },
  tiktok: { chartName: 'Top 50', metric: METRICS.videos, countries: ['US', 'GB', 'BR', 'JP'] },
  youtube: { chartName: 'Top Songs', metric: METRICS.views, countries: GLOBAL_COUNTRIES },
  itunes: { chartName: 'Top Songs', metric: null, countries: GLOBAL_COUNTRIES },
};

const CHART_SIZES = [50, 100, 150, 200] as const;
const DAILY_COUNTRIES = { min: 1, max: 4 } as const;
const WEEKLY_COUNTRIES = { min: 0, max: 2 } as const;
/** Slugs of generated charts are numbered from here, away from the sandbox's 28. */
const FIRST_SERIAL = 100;
const WEB_URL_BASE = 'https://charts.emulator.invalid';

export class Catalogue {
  readonly platforms = PLATFORMS;
  private readonly all: readonly EmulatedChart[];
  private readonly bySlug: ReadonlyMap<string, EmulatedChart>;

  constructor(seed: number) {
    this.all = generateCharts(seed);
    this.bySlug = new Map(this.all.map((chart) => [chart.slug, chart]));
  }

  charts(): readonly EmulatedChart[] {
    return this.all;
  }

  chart(slug: string): EmulatedChart | undefined {
    return this.bySlug.get(slug);
  }

  isPlatform(code: string): boolean {
    return PLATFORMS.some((platform) => platform.code === code);
  }

  chartsOf(platform: string, countryCode?: string): EmulatedChart[] {
    const country = countryCode?.toUpperCase();
    return this.all.filter(
      (chart) => chart.platform === platform && (country === undefined || chart.countryCode === country),
    );
  }
}

function generateCharts(seed: number): EmulatedChart[] {
  const charts: EmulatedChart[] = [];
  let serial = FIRST_SERIAL;
  for (const platform of PLATFORMS) {
    const profile = PROFILES[platform.code] ?? {
      chartName: 'Top Songs',
      metric: null,
      countries: GLOBAL_COUNTRIES,
    };
    const random = randomFor(seed, 'catalogue', platform.code);
    const countries = shuffled(random, profile.countries);
    const dailyCount = Math.min(
      countries.length,
      intBetween(random, DAILY_COUNTRIES.min, DAILY_COUNTRIES.max),
    );
    const weeklyCount = Math.min(
      countries.length,
      intBetween(random, WEEKLY_COUNTRIES.min, WEEKLY_COUNTRIES.max),
    );
    const plan: [Frequency, string][] = [
      ['daily', ''],
      ...countries.slice(0, dailyCount).map((code): [Frequency, string] => ['daily', code]),
      ['weekly', ''],
      ...countries.slice(0, weeklyCount).map((code): [Frequency, string] => ['weekly', code]),
      ['monthly', ''],
    ];
    for (const [frequency, countryCode] of plan) {
      if (platform.code === SANDBOX_CHART.platform && frequency === 'daily' && countryCode === '') {
        charts.push(SANDBOX_CHART);
        continue;
      }
      const slug = `${countryCode === '' ? 'global' : countryCode.toLowerCase()}-${serial}`;
      serial += 1;
      charts.push({
        name: profile.chartName,
        type: 'song',
        slug,
        platform: platform.code,
        frequency,
        countryCode,
        countryName: countryCode === '' ? 'Worldwide' : (COUNTRIES[countryCode] ?? countryCode),
        cityName: '',
        maxResultsCount: pick(randomFor(seed, 'chart-size', slug), CHART_SIZES),
        webUrl: `${WEB_URL_BASE}/${platform.code}/${slug}`,
        metric: profile.metric,
      });
    }
  }
  return charts;
}
