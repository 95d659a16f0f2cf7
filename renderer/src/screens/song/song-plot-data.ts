import type { PlotSeries } from '../../components/plot/plot-types';
import type { PlatformAudienceView } from '../../../../shared/views/song-audience';
import type { SongChartRunView } from '../../../../shared/views/song';

/** A calendar date as the plot's x (epoch seconds) at noon UTC, so every time zone draws it on its own day. */
export function dateToPlotX(date: string): number {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day, 12) / 1000;
}

const DAY_S = 86_400;

/**
 * Longest distance between two stored appearances that still reads as "stayed on the chart": one period of the
 * chart's frequency (a weekly ranking may be stamped on a different weekday, a month may have 31 days). Further
 * apart, the song left the chart in between and the line breaks.
 */
function longestStep(frequency: string): number {
  switch (frequency) {
    case 'daily':
      return 1 * DAY_S;
    case 'monthly':
      return 31 * DAY_S;
    default:
      return 10 * DAY_S;
  }
}

/**
 * One line per chart over the union of every chart's dates. Between two appearances one period apart the line
 * runs on (undefined: another chart's date), across a longer absence it breaks (null).
 */
export function positionPlot(charts: readonly SongChartRunView[]): { x: number[]; series: PlotSeries[] } {
  const x = [...new Set(charts.flatMap((chart) => chart.points.map((p) => dateToPlotX(p.date))))].sort(
    (a, b) => a - b,
  );
  const slot = new Map(x.map((at, i) => [at, i]));
  const series = charts.map((chart): PlotSeries => {
    const values: (number | null | undefined)[] = new Array<number | null>(x.length).fill(null);
    const step = longestStep(chart.frequency);
    let previous: number | null = null;
    for (const point of chart.points) {
      const at = dateToPlotX(point.date);
      const index = slot.get(at)!;
      if (previous !== null && at - x[previous]! <= step) {
        for (let i = previous + 1; i < index; i++) values[i] = undefined;
      }
      values[index] = point.position;
      previous = index;
    }
    return { label: chartLabel(chart), values };
  });
  return { x, series };
}

/** A chart as a plot's legend names it: several charts may share a name ("Top Songs"). */
export function chartLabel(chart: Pick<SongChartRunView, 'name' | 'platform' | 'countryName'>): string {
  return `${chart.name} · ${chart.platform} · ${chart.countryName || 'Worldwide'}`;
}

/** A platform's cumulative audience as one line. */
export function audiencePlot(platform: PlatformAudienceView): { x: number[]; series: PlotSeries[] } {
  return {
    x: platform.points.map((p) => dateToPlotX(p.date)),
    series: [{ label: platformLabel(platform.platform), values: platform.points.map((p) => p.value) }],
  };
}

const PLATFORM_LABEL: Record<string, string> = {
  spotify: 'Spotify streams',
  youtube: 'YouTube views',
  shazam: 'Shazams',
  tiktok: 'TikTok videos',
  soundcloud: 'SoundCloud plays',
  anghami: 'Anghami plays',
  genius: 'Genius page views',
};

const PLATFORM_NAME: Record<string, string> = {
  spotify: 'Spotify',
  youtube: 'YouTube',
  shazam: 'Shazam',
  tiktok: 'TikTok',
  soundcloud: 'SoundCloud',
  anghami: 'Anghami',
  genius: 'Genius',
};

/** A platform's name as people write it. */
export function platformName(platform: string): string {
  return PLATFORM_NAME[platform] ?? platform;
}

/** What a platform's audience counts, as its plot's title says it. */
export function platformLabel(platform: string): string {
  return PLATFORM_LABEL[platform] ?? platform;
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** "1.2M", "35K": audience axes span several orders of magnitude. */
export function formatCompact(value: number): string {
  return compact.format(value);
}

/** Position axis ticks: whole positions only ("#1", "#50"); fractional ticks are left blank. */
export function formatPosition(value: number): string {
  return Number.isInteger(value) ? `#${value}` : '';
}
