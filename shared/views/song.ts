export type SongArtistView = {
  uuid: string | null;
  slug: string | null;
  name: string;
  appUrl: string | null;
  imageUrl: string | null;
};

/** A song's metadata as stored (fields Soundcharts did not give are null or empty lists). */
export type SongMetadataView = {
  uuid: string;
  name: string;
  creditName: string;
  imageUrl: string | null;
  isrc: string | null;
  isrcCountryCode: string | null;
  releaseDate: string | null;
  durationSeconds: number | null;
  explicit: boolean | null;
  languageCode: string | null;
  copyright: string | null;
  distributor: string | null;
  /** The song's page on Soundcharts. */
  appUrl: string | null;
  artists: SongArtistView[];
  genres: { root: string; sub: string[] }[];
  labels: { name: string; type: string | null }[];
  composers: string[];
  producers: string[];
  /** When metadata was last fetched (epoch ms); null when never (only the ranking's light fields are known). */
  metadataFetchedAt: number | null;
  /** Never fetched or older than 30 days. */
  metadataStale: boolean;
  /** A metadata fetch is queued or running. */
  metadataQueued: boolean;
};

/** The song on one chart over the stored history. */
export type SongChartRunView = {
  chartId: number;
  slug: string;
  name: string;
  platform: string;
  countryName: string;
  frequency: string;
  peakPosition: number;
  /** First date the peak was reached. */
  peakDate: string;
  firstDate: string;
  lastDate: string;
  lastPosition: number;
  /** Stored rankings it appears in. */
  appearances: number;
  /** Oldest first: one point per stored ranking it appears in. */
  points: { date: string; position: number }[];
};

export type SongDetail = {
  song: SongMetadataView;
  /** Best position on any chart, and where; null when it is in no stored ranking. */
  bestPeak: { position: number; chartId: number; slug: string; name: string; date: string } | null;
  /** Every chart it appears on, best peak first. */
  charts: SongChartRunView[];
};

export const SONG_SORTS = ['last_seen', 'best_peak', 'charts', 'title'] as const;
export type SongSort = (typeof SONG_SORTS)[number];

export type SongListItem = {
  uuid: string;
  name: string;
  creditName: string;
  isrc: string | null;
  imageUrl: string | null;
  /** Best position on any stored ranking; null when in none. */
  bestPeak: number | null;
  /** Distinct charts it appears on. */
  chartsCount: number;
  /** Newest ranking date it appears in. */
  lastSeen: string | null;
  metadataFetchedAt: number | null;
};

export type SongPage = { items: SongListItem[]; total: number; limit: number; offset: number };
