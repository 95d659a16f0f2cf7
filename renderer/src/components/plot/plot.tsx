import { lazy, Suspense } from 'react';
import type { PlotProps } from './plot-types';
import './plot.css';

// uPlot (≈ 50 kB) is loaded with the first plot, so screens without one (Charts, Schedules) never pay for it.
const UPlotCanvas = lazy(() => import('./uplot-canvas'));

/** A time-series plot (uPlot): lines, bars or steps, one or two axes, following the theme. */
export function Plot(props: PlotProps) {
  const hasPoints =
    props.x.length > 0 && props.series.some((s) => s.values.some((v) => v !== null && v !== undefined));
  return (
    <figure className="plot" aria-label={props.title}>
      <figcaption>
        <span className="plot-title">{props.title}</span>
        {props.summary && <span className="plot-summary">{props.summary}</span>}
      </figcaption>
      {hasPoints ? (
        <Suspense fallback={<div className="plot-loading" style={{ height: props.height ?? 220 }} />}>
          <UPlotCanvas {...props} />
        </Suspense>
      ) : (
        <p className="plot-empty" style={{ minHeight: Math.min(props.height ?? 220, 120) }}>
          {props.emptyText ?? 'Nothing to plot in this range.'}
        </p>
      )}
    </figure>
  );
}
