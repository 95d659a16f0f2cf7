import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { PLOT_PALETTE, type PlotProps, type PlotSeries } from './plot-types';
import { plainSeries, stackSeries } from './stack-series';

const DEFAULT_HEIGHT = 220;

/** The uPlot instance behind <Plot>: built from the props, resized with its box, rebuilt when the theme changes. */
export default function UPlotCanvas(props: PlotProps) {
  const box = useRef<HTMLDivElement>(null);
  const theme = useThemeVersion();
  const {
    x,
    series,
    height = DEFAULT_HEIGHT,
    invertY,
    formatY,
    formatRightY,
    yRange,
    stacked,
    counts,
    days,
  } = props;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const colours = readColours(element, series);
    const drawn = stacked ? stackSeries(series, colours.series) : plainSeries(series, colours.series);
    const width = Math.max(element.clientWidth, 200);
    const plot = new uPlot(
      {
        width,
        height,
        legend: { live: true },
        cursor: { drag: { x: false, y: false } },
        scales: {
          // Bars are centred on their x: without half a gap of room, the first and last are cut in half; a day's
          // point on the edge of the frame (today's, on a dashboard) is hidden by it just the same.
          x: {
            time: true,
            ...(days || series.some((s) => s.style === 'bars') ? { range: padBars(x) } : {}),
          },
          y: {
            ...(invertY ? { dir: -1 } : {}),
            ...(yRange ? { range: yRange } : counts ? { range: countRange } : {}),
          },
          ...(series.some((s) => s.rightAxis) ? { right: {} } : {}),
        },
        axes: [
          { ...axis(colours), ...(days ? DAY_AXIS : {}) },
          {
            ...axis(colours),
            size: fitLabels,
            ...(counts ? { incrs: COUNT_INCREMENTS } : {}),
            ...(formatY ? { values: (_u, values) => values.map(formatY) } : {}),
          },
          ...(series.some((s) => s.rightAxis)
            ? [
                {
                  ...axis(colours),
                  size: fitLabels,
                  scale: 'right',
                  side: 1,
                  grid: { show: false },
                  ...(formatRightY
                    ? { values: (_u: uPlot, values: number[]) => values.map(formatRightY) }
                    : {}),
                } satisfies uPlot.Axis,
              ]
            : []),
        ],
        series: [
          days ? { label: 'Date', value: (_u, value) => (value === null ? '—' : formatDayLong(value)) } : {},
          ...drawn.map((d) =>
            seriesOptions(
              d.spec,
              d.colour ?? colours.fg,
              d.spec.rightAxis ? formatRightY : formatY,
              d.legendValues,
            ),
          ),
        ],
      },
      [x, ...drawn.map((d) => d.values)] as uPlot.AlignedData,
      element,
    );
    const resize = new ResizeObserver(() => {
      plot.setSize({ width: Math.max(element.clientWidth, 200), height });
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [x, series, height, invertY, formatY, formatRightY, yRange, stacked, counts, days, theme]);

  return <div ref={box} className="plot-canvas" />;
}

const DAY_S = 86_400;
/** Steps between day ticks: a day, a few days, weeks, months (as 30 days), a quarter, a year. */
const DAY_INCREMENTS = [1, 2, 3, 7, 14, 30, 60, 91, 182, 365].map((days) => days * DAY_S);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "1 Dec", as the app writes dates (formatCalendarDate), read in UTC where the points are. */
const dayShort = {
  format: (ms: number) => {
    const date = new Date(ms);
    return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
  },
};
const dayLong = { format: (ms: number) => `${dayShort.format(ms)} ${new Date(ms).getUTCFullYear()}` };
const formatDayLong = (seconds: number) => dayLong.format(seconds * 1000);

/**
 * An x axis of calendar days: ticks at noon UTC (where the points are), every whole number of days uPlot's
 * spacing allows, written "1 Dec", with the year under the first tick and under each new year's first.
 */
const DAY_AXIS: uPlot.Axis = {
  incrs: DAY_INCREMENTS,
  space: 56,
  splits: (_u, _axis, min, max, increment) => {
    const step = Math.max(DAY_S, Math.round(increment / DAY_S) * DAY_S);
    const ticks: number[] = [];
    for (let at = Math.ceil((min - DAY_S / 2) / DAY_S) * DAY_S + DAY_S / 2; at <= max; at += step) {
      if (at >= min) ticks.push(at);
    }
    return ticks;
  },
  values: (_u, splits) =>
    splits.map((at, i) => {
      const year = new Date(at * 1000).getUTCFullYear();
      const newYear = i === 0 || new Date(splits[i - 1]! * 1000).getUTCFullYear() !== year;
      return newYear ? `${dayShort.format(at * 1000)}\n${year}` : dayShort.format(at * 1000);
    }),
};

/** Whole-number steps for an axis that counts things (no "1.5 executions", no tick written twice). */
const COUNT_INCREMENTS = [1, 2, 5]
  .flatMap((step) => [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7].map((p) => step * p))
  .sort((a, b) => a - b);

/** From 0 (a count has no other floor) to a little above the largest, at least 1 so an empty day has a scale. */
function countRange(_u: uPlot, _min: number | null, max: number | null): uPlot.Range.MinMax {
  return [0, Math.max(1, Math.ceil((max ?? 0) * 1.1))];
}

/** The x range with half the smallest gap between points added on each side (half a day for a lone point). */
function padBars(x: number[]): uPlot.Scale.Range {
  let gap = Number.POSITIVE_INFINITY;
  for (let i = 1; i < x.length; i++) gap = Math.min(gap, x[i]! - x[i - 1]!);
  const pad = Number.isFinite(gap) ? gap / 2 : 43_200;
  return (_u, min, max) => [(min ?? 0) - pad, (max ?? 0) + pad];
}

type Colours = { fg: string; muted: string; grid: string; series: string[] };

/** Room for a value axis's longest label (uPlot's fixed 50 px clips '1,000,000'). */
const LABEL_CHAR_PX = 7.5;
function fitLabels(_u: uPlot, values: string[] | null): number {
  const longest = Math.max(0, ...(values ?? []).map((label) => String(label).length));
  return Math.max(40, Math.ceil(longest * LABEL_CHAR_PX) + 18);
}

function axis(colours: Colours): uPlot.Axis {
  return {
    stroke: colours.muted,
    grid: { stroke: colours.grid, width: 1 },
    ticks: { stroke: colours.grid, width: 1 },
  };
}

/**
 * A value with no value beside it (one day's sync in a month) draws no line: it gets a dot. uPlot's own dots show
 * only when the points are far apart, so a lone one in a month of gaps would otherwise be invisible.
 */
function isolatedPoints(values: readonly (number | null | undefined)[], colour: string): uPlot.Series.Points {
  // undefined is "no point here, the line runs on": the neighbour that counts is the next one defined.
  const neighbour = (i: number, step: -1 | 1) => {
    let j = i + step;
    while (j >= 0 && j < values.length && values[j] === undefined) j += step;
    return j >= 0 && j < values.length && values[j] !== null;
  };
  const present = (i: number) => values[i] !== null && values[i] !== undefined;
  const lone = values.flatMap((_, i) => (present(i) && !neighbour(i, -1) && !neighbour(i, 1) ? [i] : []));
  if (lone.length === 0) return {};
  return { show: true, size: 7, fill: colour, filter: () => lone };
}

function seriesOptions(
  spec: PlotSeries,
  colour: string,
  format: ((value: number) => string) | undefined,
  legendValues?: (number | null | undefined)[],
): uPlot.Series {
  const show = (value: number | null) =>
    value === null ? '—' : format ? format(value) : value.toLocaleString('en');
  const base: uPlot.Series = {
    label: spec.label,
    stroke: colour,
    width: 2,
    spanGaps: false,
    ...(spec.rightAxis ? { scale: 'right' } : {}),
    ...(spec.dashed ? { dash: [6, 4] } : {}),
    ...(legendValues
      ? {
          value: (_u: uPlot, _value: number | null, _series: number, index: number | null) =>
            show(index === null ? null : (legendValues[index] ?? null)),
        }
      : format
        ? { value: (_u: uPlot, value: number | null) => show(value) }
        : {}),
  };
  switch (spec.style ?? 'line') {
    case 'bars':
      return {
        ...base,
        fill: colour,
        width: 0,
        paths: uPlot.paths.bars!({ size: [0.7, 48], gap: 1 }),
        points: { show: false },
      };
    case 'step':
      return {
        ...base,
        paths: uPlot.paths.stepped!({ align: 1 }),
        points: isolatedPoints(spec.values, colour),
      };
    case 'points':
      return { ...base, paths: () => null, points: { show: true, size: 6, fill: colour } };
    case 'line':
      return { ...base, points: isolatedPoints(spec.values, colour) };
  }
}

/** The theme's colours as the canvas needs them: custom properties (light-dark()) resolved to rgb. */
function readColours(element: HTMLElement, series: PlotSeries[]): Colours {
  const probe = document.createElement('span');
  element.append(probe);
  const resolve = (colour: string) => {
    probe.style.color = colour.startsWith('--') ? `var(${colour})` : colour;
    return getComputedStyle(probe).color;
  };
  const colours = {
    fg: resolve('--fg'),
    muted: resolve('--muted'),
    grid: resolve('--border'),
    series: series.map((s, i) => resolve(s.color ?? PLOT_PALETTE[i % PLOT_PALETTE.length]!)),
  };
  probe.remove();
  return colours;
}

/** Changes when the app's theme or the OS scheme changes, so the canvas is redrawn in the new colours. */
function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const observer = new MutationObserver(bump);
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme', 'class'],
    });
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', bump);
    return () => {
      observer.disconnect();
      scheme.removeEventListener('change', bump);
    };
  }, []);
  return version;
}
