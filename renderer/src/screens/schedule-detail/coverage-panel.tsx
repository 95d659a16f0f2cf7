import { useState } from 'react';
import { calendarDateOf } from '../../../../shared/domain/periods';
import type { ErrorShape } from '../../../../shared/errors';
import type { BackfillPreview, CoverageView } from '../../../../shared/views/schedule-detail';
import { runAction } from '../../actions/run-action';
import { formatCount } from '../../format/numbers';
import { call } from '../../transport/api';
import { summarizeBackfill } from './backfill-summary';
import { COVERAGE_STATE_LABEL, coverageLayout, formatDay } from './coverage-grid';

const STATES = ['synced', 'missing', 'failed'] as const;

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
      aria-label={`Coverage: ${coverage.synced} synced, ${coverage.missing} missing, ${coverage.failed} failed`}
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
                title={`${cell.label}: ${COVERAGE_STATE_LABEL[cell.state].toLowerCase()}`}
                aria-label={`${cell.label}: ${COVERAGE_STATE_LABEL[cell.state].toLowerCase()}`}
              />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

type BackfillState =
  | { phase: 'idle' }
  | { phase: 'loading' }
  | { phase: 'error'; error: ErrorShape }
  | { phase: 'preview'; preview: BackfillPreview; starting: boolean };

/**
 * "Backfill missing" asks Soundcharts what it would fetch before anything is committed: quota is money, so the
 * operator sees the periods and the request cost and confirms.
 */
function Backfill({ scheduleId, gaps, onStarted }: { scheduleId: number; gaps: number; onStarted(): void }) {
  const [state, setState] = useState<BackfillState>({ phase: 'idle' });

  const preview = async () => {
    setState({ phase: 'loading' });
    const result = await call('schedules/backfill-preview', { id: scheduleId });
    setState(
      result.ok
        ? { phase: 'preview', preview: result.value, starting: false }
        : { phase: 'error', error: result.error },
    );
  };

  const start = async (plan: BackfillPreview) => {
    setState({ phase: 'preview', preview: plan, starting: true });
    const execution = await runAction(call('schedules/backfill', { id: scheduleId }), {
      success: (started) => `Backfill started: execution #${started.id}`,
      failure: 'The backfill did not start',
    });
    if (execution) {
      setState({ phase: 'idle' });
      onStarted();
    } else {
      setState({ phase: 'preview', preview: plan, starting: false });
    }
  };

  return (
    <div className="backfill">
      {state.phase !== 'preview' && (
        <div className="toolbar">
          <button type="button" onClick={() => void preview()} disabled={state.phase === 'loading'}>
            {state.phase === 'loading' ? 'Asking Soundcharts…' : 'Backfill missing'}
          </button>
          <span className="muted">
            {gaps > 0
              ? `${formatCount(gaps)} period${gaps === 1 ? '' : 's'} not stored. You see what would be fetched before anything starts.`
              : 'Every period is stored; a backfill would only refetch incomplete ones.'}
          </span>
        </div>
      )}
      {state.phase === 'error' && (
        <p className="field-error" role="alert">
          Could not prepare the backfill: {state.error.message}
        </p>
      )}
      {state.phase === 'preview' && (
        <BackfillConfirm
          preview={state.preview}
          starting={state.starting}
          onConfirm={() => void start(state.preview)}
          onClose={() => setState({ phase: 'idle' })}
        />
      )}
    </div>
  );
}

function BackfillConfirm({
  preview,
  starting,
  onConfirm,
  onClose,
}: {
  preview: BackfillPreview;
  starting: boolean;
  onConfirm(): void;
  onClose(): void;
}) {
  const summary = summarizeBackfill(preview);
  const plural = (n: number, noun: string) => `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
  return (
    <div className="backfill-confirm" role="region" aria-labelledby="backfill-heading">
      <h4 id="backfill-heading">Backfill preview</h4>
      {summary.count === 0 ? (
        <>
          <p>Nothing to backfill: every period Soundcharts has for this window is stored in full.</p>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </>
      ) : (
        <>
          <p data-testid="backfill-summary">
            {plural(summary.count, 'period')} to fetch, from {formatDay(summary.first!)} to{' '}
            {formatDay(summary.last!)}
            {summary.incomplete > 0 && (
              <>
                ; {formatCount(summary.incomplete)} of them <strong>incomplete</strong> (stored without all
                their entries, fetched again in place)
              </>
            )}
            . This costs about <strong>{plural(preview.requestCost, 'request')}</strong> of the Soundcharts
            quota.
          </p>
          {!preview.listed && (
            <p className="callout callout-warn">
              Soundcharts could not list this chart&apos;s dates, so these are the dates its calendar should
              have; some may not exist and will fail.
            </p>
          )}
          <ol className="backfill-periods" aria-label="Periods to fetch">
            {summary.periods.map((period) => (
              <li key={period.key}>
                <span>{formatDay(calendarDateOf(period.datetime))}</span>{' '}
                <span className="muted">{period.key}</span>
                {period.reason === 'incomplete' && <span className="badge incomplete-badge">incomplete</span>}
              </li>
            ))}
          </ol>
          <div className="toolbar">
            <button type="button" className="primary" onClick={onConfirm} disabled={starting}>
              {starting ? 'Starting…' : `Backfill ${plural(summary.count, 'period')}`}
            </button>
            <button type="button" onClick={onClose} disabled={starting}>
              Cancel
            </button>
          </div>
        </>
      )}
    </div>
  );
}
