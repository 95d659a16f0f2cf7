/**
 * Every path the app requests, with its API version pinned: on Soundcharts the minor version selects the
 * response shape, so an unpinned call could change shape under us.
 */

export const DEFAULT_BASE_URL = 'https://customer.api.soundcharts.com';
export const DEFAULT_TOKEN_URL = 'https://account.soundcharts.com/oauth/token';

/** The API's maximum page size. */
export const PAGE_LIMIT = 100;

export const API_VERSIONS = {
  platforms: 'v2',
  chartsByPlatform: 'v2',
  availableRankings: 'v2',
  ranking: 'v2.14',
  song: 'v2.25',
  audience: 'v2',
  teamUsage: 'v2',
} as const;

const segment = encodeURIComponent;

export const endpoints = {
  platforms: () => `/api/${API_VERSIONS.platforms}/chart/song/platforms`,
  chartsByPlatform: (platform: string) =>
    `/api/${API_VERSIONS.chartsByPlatform}/chart/song/by-platform/${segment(platform)}`,
  availableRankings: (slug: string) =>
    `/api/${API_VERSIONS.availableRankings}/chart/song/${segment(slug)}/available-rankings`,
  latestRanking: (slug: string) => `/api/${API_VERSIONS.ranking}/chart/song/${segment(slug)}/ranking/latest`,
  rankingAt: (slug: string, datetime: string) =>
    `/api/${API_VERSIONS.ranking}/chart/song/${segment(slug)}/ranking/${segment(datetime)}`,
  song: (uuid: string) => `/api/${API_VERSIONS.song}/song/${segment(uuid)}`,
  songAudience: (uuid: string, platform: string) =>
    `/api/${API_VERSIONS.audience}/song/${segment(uuid)}/audience/${segment(platform)}`,
  teamUsage: () => `/api/${API_VERSIONS.teamUsage}/team/usage`,
} as const;

export type Query = Readonly<Record<string, string | number | undefined>>;

export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}
