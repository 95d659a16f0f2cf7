/**
 * Movement of an entry against the chart's previous *stored* period: `new` = the song was never in a stored
 * ranking of this chart before, `re-entry` = it was, but not in the previous stored period. For the oldest
 * stored period (nothing to compare with) the API's own oldPosition is used (0 = new).
 */
export const RANKING_MOVEMENTS = ['up', 'down', 'same', 'new', 're-entry'] as const;
export type RankingMovement = (typeof RANKING_MOVEMENTS)[number];

export type RankingEntryView = {
  position: number;
  /** Position in the previous stored period; null when the song was not in it. */
  previousPosition: number | null;
  movement: RankingMovement;
  /** previousPosition − position (positive = moved up); null for new and re-entries. */
  change: number | null;
  song: {
    uuid: string;
    name: string;
    creditName: string;
    isrc: string | null;
    imageUrl: string | null;
  };
  /** The chart's metric for this entry (streams, plays…; see RankingView.chart.metricDescription), when present. */
  metric: number | null;
  /** As Soundcharts counts it (days or weeks, see timeOnChartUnit). */
  timeOnChart: number | null;
  timeOnChartUnit: string | null;
  /** Best (lowest) position of the song on this chart in the stored history up to and including this date. */
  peakPosition: number;
};

export type RankingChartView = {
  id: number;
  slug: string;
  name: string;
  platform: string;
  countryCode: string;
  countryName: string;
  frequency: string;
  metricType: string | null;
  metricDescription: string | null;
  /** The chart's schedule, when it has one (for links back and "fetch this period"). */
  scheduleId: number | null;
};

/** One stored ranking of a chart, with its neighbours for previous/next navigation. */
export type RankingView = {
  chart: RankingChartView;
  /** Calendar date of the ranking, 'YYYY-MM-DD'. */
  date: string;
  /** Exactly as Soundcharts returned it ('2025-08-23T12:00:00+00:00'). */
  datetime: string;
  /** When it was stored (epoch ms). */
  fetchedAt: number;
  /** entries.length equals the total Soundcharts reported. */
  complete: boolean;
  reportedTotal: number;
  previousDate: string | null;
  nextDate: string | null;
  /** Every stored date of this chart, oldest first: what the date picker offers. */
  dates: string[];
  /** By position. */
  entries: RankingEntryView[];
};
