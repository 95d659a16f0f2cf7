import { useMemo, useState, type KeyboardEvent } from 'react';
import type { CoverageView } from '../../../../shared/views/schedule-detail';
import { formatCount } from '../../format/numbers';
import { Backfill } from './backfill';
import {
  cellDescription,
  COVERAGE_STATE_LABEL,
  coverageLayout,
  formatDay,
  type CoverageCell,
  type CoverageLayout,
} from './coverage-grid';
import { useCoverageOpen } from './coverage-open';

const STATES = ['synced', 'missing', 'failed', 'pending'] as const;

/** The history window period by period, and the backfill of what is missing. */
export function CoveragePanel({
  chartId,
  scheduleId,
  coverage,
  onStarted,
}: {
  chartId: number;
  scheduleId: number;
  coverage: CoverageView;
  onStarted(): void;
}) {
  const { open, note } = useCoverageOpen({ chartId, scheduleId, coverage, onStarted });
  return (
    <section className="card" aria-labelledby="coverage-heading">
      <div className="card-header">
        <h3 id="coverage-heading">Coverage</h3>
        <span className="muted">
          {formatDay(coverage.from)} – {formatDay(coverage.to)}, one cell per {periodNoun(coverage.frequency)}
        </span>
      </div>
      <ul className="coverage-legend" aria-label="Legend">
        {STATES.map((state) => (
          <li key={state}>
            <span className={`coverage-swatch coverage-${state}`} aria-hidden="true" />
            {COVERAGE_STATE_LABEL[state]}:{' '}
            <strong data-testid={`coverage-${state}`}>{formatCount(coverage[state])}</strong>
          </li>
        ))}
      </ul>
      <CoverageGrid coverage={coverage} onOpen={(cell) => void open(cell)} />
      <p className="muted coverage-hint">
        Select a period: a synced one opens its ranking, a missing or failed one offers to fetch it.
      </p>
      {note && (
        <p className="callout coverage-note" role="status">
          {note}
        </p>
      )}
      <Backfill scheduleId={scheduleId} gaps={coverage.missing + coverage.failed} onStarted={onStarted} />
    </section>
  );
}

function periodNoun(frequency: CoverageView['frequency']): string {
  return frequency === 'daily' ? 'day' : frequency === 'weekly' ? 'week' : 'month';
}

function CoverageGrid({ coverage, onOpen }: { coverage: CoverageView; onOpen(cell: CoverageCell): void }) {
  const layout = useMemo(() => coverageLayout(coverage.frequency, coverage.periods), [coverage]);
  const order = useMemo(() => layout.rows.flatMap((row) => row.cells), [layout]);
  // One tab stop for the whole grid (the newest period by default); arrows move between cells, so a year of
  // days is not 365 Tab presses.
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const active = order.find((cell) => cell.key === activeKey) ?? order.at(-1);
  if (layout.rows.length === 0) return <p className="muted">The history window holds no period yet.</p>;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const key = (event.target as HTMLElement).dataset.period;
    if (key === undefined) return;
    const next = neighbourCell(layout, order, key, event.key);
    if (!next) return;
    event.preventDefault();
    setActiveKey(next.key);
    event.currentTarget.querySelector<HTMLElement>(`[data-period="${next.key}"]`)?.focus();
  };
  return (
    <div
      className={`coverage-grid coverage-${coverage.frequency}`}
      role="group"
      aria-label={`Coverage: ${coverage.synced} synced, ${coverage.missing} missing, ${coverage.failed} failed${
        coverage.pending > 0 ? `, ${coverage.pending} pending` : ''
      }`}
      onKeyDown={onKeyDown}
    >
      {layout.rows.map((row) => (
        <div key={row.key} className="coverage-row">
          <span className="coverage-row-label">{row.label}</span>
          <div
            className="coverage-cells"
            style={{ gridTemplateColumns: `repeat(${layout.columns}, var(--cell))` }}
          >
            {row.cells.map((cell) => (
              <button
                key={cell.key}
                type="button"
                className={`coverage-cell coverage-${cell.state}`}
                data-period={cell.key}
                data-state={cell.state}
                style={{ gridColumn: cell.column + 1 }}
                title={cellDescription(cell)}
                aria-label={cellDescription(cell)}
                tabIndex={cell === active ? 0 : -1}
                onFocus={() => setActiveKey(cell.key)}
                onClick={() => onOpen(cell)}
              />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

/** The cell an arrow key (or Home / End) leads to from `key`: left/right in time, up/down to the same column. */
function neighbourCell(
  layout: CoverageLayout,
  order: readonly CoverageCell[],
  key: string,
  pressed: string,
): CoverageCell | undefined {
  const index = order.findIndex((cell) => cell.key === key);
  if (index < 0) return undefined;
  switch (pressed) {
    case 'ArrowLeft':
      return order[index - 1];
    case 'ArrowRight':
      return order[index + 1];
    case 'Home':
      return order[0];
    case 'End':
      return order.at(-1);
    case 'ArrowUp':
    case 'ArrowDown': {
      const rowIndex = layout.rows.findIndex((row) => row.cells.some((cell) => cell.key === key));
      const row = layout.rows[rowIndex + (pressed === 'ArrowUp' ? -1 : 1)];
      const column = order[index]!.column;
      if (!row) return undefined;
      // The same column, or the nearest one the row has (a short month, a partial first or last row).
      return row.cells.reduce((best, cell) =>
        Math.abs(cell.column - column) < Math.abs(best.column - column) ? cell : best,
      );
    }
    default:
      return undefined;
  }
}
