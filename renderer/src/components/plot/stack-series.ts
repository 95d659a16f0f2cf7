import type { PlotSeries } from './plot-types';

/** A series as uPlot draws it: its values, and (stacked) the series' own values for the legend. */
export type DrawnSeries = {
  spec: PlotSeries;
  colour: string | undefined;
  values: (number | null | undefined)[];
  legendValues?: (number | null | undefined)[];
};

export function plainSeries(series: PlotSeries[], colours: string[]): DrawnSeries[] {
  return series.map((spec, index) => ({ spec, colour: colours[index], values: spec.values }));
}

/**
 * Stacked bars: each series drawn at the running total of those below it, the tallest first so that each lower
 * one is painted over it (uPlot has no stacking of its own). The legend lists them top of the stack first, as
 * they appear, each with its own value.
 */
export function stackSeries(series: PlotSeries[], colours: string[]): DrawnSeries[] {
  const totals: (number | null)[] = [];
  const stacked = series.map((spec, index) => {
    const values = spec.values.map((value, i) => {
      const below = totals[i] ?? null;
      const sum = value === null || value === undefined ? below : (below ?? 0) + value;
      totals[i] = sum;
      return sum;
    });
    return { spec, colour: colours[index], values, legendValues: spec.values };
  });
  return stacked.reverse();
}
