/** One day of a song's cumulative audience on a platform (streams, views, Shazams… as the platform counts). */
export type AudiencePointView = { date: string; value: number };

export type PlatformAudienceView = {
  platform: string;
  /** Oldest first. */
  points: AudiencePointView[];
  /** When Soundcharts was last asked (epoch ms), even if it had nothing new; null when never. */
  fetchedAt: number | null;
  /** Missing or older than 7 days: a fetch is queued or running (see `refreshing`) unless it recently failed. */
  stale: boolean;
  /** Why the last fetch failed for good, while no later fetch succeeded. */
  lastError: string | null;
};

/** A song's audience as stored, returned at once; fresh data arrives later with 'song/audience-updated'. */
export type SongAudienceView = {
  song: { uuid: string; name: string; creditName: string };
  platforms: PlatformAudienceView[];
  /** Platforms with a fetch queued by this read or already open. */
  refreshing: string[];
};
