/**
 * What the client hands to the rest of the app: normalized, typed, independent of the API version that produced
 * it. Datetimes are kept as the exact string the API sent (the storage key) next to their calendar date (in
 * their own offset) and their instant.
 */

export type Platform = { readonly code: string; readonly name: string };

export type ChartMetric = { readonly type: string; readonly description: string };

export type Chart = {
  readonly slug: string;
  readonly name: string;
  readonly type: string;
  readonly platform: string;
  /** As sent (`daily`, `weekly`, `monthly`, or something new); interpret with a fallback, never reject. */
  readonly frequency: string;
  /** "" for worldwide. */
  readonly countryCode: string;
  readonly countryName: string;
  readonly cityName: string;
  readonly maxResultsCount: number | null;
  readonly webUrl: string | null;
  readonly metric: ChartMetric | null;
};

export type RankingDate = {
  /** Exactly as the API sent it: echo it back to fetch that ranking. */
  readonly datetime: string;
  /** YYYY-MM-DD in the datetime's own offset. */
  readonly date: string;
  readonly instant: number;
};

export type RankingSong = {
  readonly uuid: string;
  readonly name: string;
  readonly creditName: string;
  readonly imageUrl: string | null;
};

export type RankingEntry = {
  readonly song: RankingSong;
  readonly position: number;
  /** 0 when the song was not on the previous ranking. */
  readonly oldPosition: number;
  /** oldPosition − position (positive = moved up); 0 for new entries. */
  readonly positionEvolution: number;
  readonly metric: number | null;
  readonly entryState: string;
  readonly entryDate: string | null;
  readonly rankDate: string;
  readonly timeOnChart: number;
  readonly timeOnChartUnit: string;
};

/** Every page of one ranking merged, checked against `page.total`. */
export type RankingSnapshot = RankingDate & {
  readonly chart: Chart;
  readonly total: number;
  readonly entries: readonly RankingEntry[];
  /** How many requests it took (pages), for progress and quota accounting. */
  readonly pages: number;
};

export type SongArtist = {
  readonly uuid: string;
  readonly slug: string | null;
  readonly name: string;
  readonly appUrl: string | null;
  readonly imageUrl: string | null;
};

export type SongGenre = { readonly root: string; readonly sub: readonly string[] };

export type SongLabel = { readonly name: string; readonly type: string | null };

export type SongMetadata = {
  readonly uuid: string;
  readonly name: string;
  readonly isrc: string | null;
  readonly isrcCountryCode: string | null;
  readonly creditName: string;
  readonly artists: readonly SongArtist[];
  /** Exact string as sent, and its calendar date in its own offset. */
  readonly releaseDate: string | null;
  readonly releaseDay: string | null;
  readonly copyright: string | null;
  readonly appUrl: string | null;
  readonly imageUrl: string | null;
  readonly durationSeconds: number | null;
  readonly explicit: boolean | null;
  readonly genres: readonly SongGenre[];
  readonly composers: readonly string[];
  readonly producers: readonly string[];
  readonly labels: readonly SongLabel[];
  readonly audio: Readonly<Record<string, number>> | null;
  readonly languageCode: string | null;
  readonly distributor: string | null;
};

export type AudiencePoint = {
  /** YYYY-MM-DD in the datetime's own offset. */
  readonly date: string;
  readonly datetime: string;
  /** Cumulative total on that date. */
  readonly value: number;
  /** The platform's own id of the track (a song can have several). */
  readonly identifier: string | null;
};

export type AudienceSeries = {
  readonly songUuid: string;
  readonly platform: string;
  readonly startDate: string;
  readonly endDate: string;
  /** Sorted by date then identifier, one point per (date, identifier). */
  readonly points: readonly AudiencePoint[];
};

export type UsageCounter = {
  readonly limit: number | null;
  readonly used: number | null;
  readonly remaining: number | null;
};

export type TeamUsage = {
  /** From the `x-quota-remaining` header, the one number that is documented. */
  readonly quotaRemaining: number | null;
  readonly quota: UsageCounter | null;
  readonly rateLimit: UsageCounter | null;
  /** The body as sent, since its shape is undocumented. */
  readonly raw: Readonly<Record<string, unknown>>;
};
