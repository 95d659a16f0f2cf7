import type { CoverageView } from '../../../../shared/views/schedule-detail';
import { formatCount } from '../../format/numbers';
import { Backfill } from './backfill';
import { cellDescription, COVERAGE_STATE_LABEL, coverageLayout, formatDay } from './coverage-grid';

const STATES = ['synced', 'missing', 'failed', 'pending'] as const;

/** The history window period by period, and the backfill of what is missing. */
export function CoveragePanel({
  scheduleId,
  coverage,
  onStarted,
}: {
  scheduleId: number;
  coverage: CoverageView;
  onStarted(): void;
}) {
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
      <CoverageGrid coverage={coverage} />
      <Backfill scheduleId={scheduleId} gaps={coverage.missing + coverage.failed} onStarted={onStarted} />
    </section>
  );
}

function periodNoun(frequency: CoverageView['frequency']): string {
  return frequency === 'daily' ? 'day' : frequency === 'weekly' ? 'week' : 'month';
}

function CoverageGrid({ coverage }: { coverage: CoverageView }) {
  const layout = coverageLayout(coverage.frequency, coverage.periods);
  if (layout.rows.length === 0) return <p className="muted">The history window holds no period yet.</p>;
  return (
    <div
      className={`coverage-grid coverage-${coverage.frequency}`}
      role="group"
      aria-label={`Coverage: ${coverage.synced} synced, ${coverage.missing} missing, ${coverage.failed} failed${
        coverage.pending > 0 ? `, ${coverage.pending} pending` : ''
      }`}
    >
      {layout.rows.map((row) => (
        <div key={row.key} className="coverage-row">
          <span className="coverage-row-label">{row.label}</span>
          <div
            className="coverage-cells"
            style={{ gridTemplateColumns: `repeat(${layout.columns}, var(--cell))` }}
          >
            {row.cells.map((cell) => (
              <span
                key={cell.key}
                role="img"
                className={`coverage-cell coverage-${cell.state}`}
                data-period={cell.key}
                data-state={cell.state}
                style={{ gridColumn: cell.column + 1 }}
                title={cellDescription(cell)}
                aria-label={cellDescription(cell)}
              />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
