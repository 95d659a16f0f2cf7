/**
 * One line (or set of bars) of a plot. `values` line up with the plot's `x`; null leaves a gap; undefined is "no
 * point at this x" and the line runs on over it (an x another series has, e.g. a weekly chart beside a daily one).
 */
export type PlotSeries = {
  label: string;
  values: (number | null | undefined)[];
  /** A CSS colour or a custom property of the theme ('--accent'); a palette colour when absent. */
  color?: string;
  style?: 'line' | 'bars' | 'step' | 'points';
  /** Drawn dashed (a secondary measure, e.g. p95 beside the median). */
  dashed?: boolean;
  /** Use the right-hand axis (a second unit on one plot). */
  rightAxis?: boolean;
};

export type PlotProps = {
  /** What the plot shows, for screen readers and as its caption. */
  title: string;
  /** Instants of the points, epoch seconds, ascending. */
  x: number[];
  series: PlotSeries[];
  height?: number;
  /** Rank plots: position 1 at the top. */
  invertY?: boolean;
  /** Formats the left axis's values and the legend (the right axis takes formatRightY). */
  formatY?: (value: number) => string;
  formatRightY?: (value: number) => string;
  /** Fixed range of the left axis (e.g. [0, 1] for a rate). */
  yRange?: [number, number];
  /** Shown instead of an empty frame when there is no point at all. */
  emptyText?: string;
  /**
   * Bars stacked in the order given (the first at the bottom), e.g. executions per day by status; the legend
   * still shows each series' own value.
   */
  stacked?: boolean;
  /** The left axis counts things: whole-number ticks, from 0. */
  counts?: boolean;
  /**
   * The x are calendar days (each at noon UTC, so every zone draws it on its own day): ticks fall on whole days
   * and are written as dates ("1 Dec"), the legend says the date, never an hour.
   */
  days?: boolean;
  /** A sentence under the title saying what the plot shows in numbers, for readers who cannot see it. */
  summary?: string;
};

/** Colours given to series without their own, in order: distinguishable in both themes. */
export const PLOT_PALETTE = [
  '--accent',
  '--good',
  '--warn',
  '--bad',
  '#8e6bd8',
  '#1a9fa8',
  '#c2508b',
  '#7d8a2e',
] as const;
