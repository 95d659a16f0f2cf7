import { useEffect, useRef, useState, type RefObject } from 'react';
import type { ErrorShape } from '../../../../shared/errors';
import type { BackfillPreview } from '../../../../shared/views/schedule-detail';
import { runAction } from '../../actions/run-action';
import { errorNextStep } from '../../format/errors';
import { formatCount, formatCountOf } from '../../format/numbers';
import { call } from '../../transport/api';
import { backfillMonths, summarizeBackfill } from './backfill-summary';
import { formatDay } from './coverage-grid';

type BackfillState =
  | { phase: 'idle' }
  | { phase: 'loading' }
  | { phase: 'error'; error: ErrorShape }
  | { phase: 'preview'; preview: BackfillPreview; starting: boolean };

/**
 * "Backfill missing" asks Soundcharts what it would fetch before anything is committed: quota is money, so the
 * operator sees the periods and the request cost and confirms.
 */
export function Backfill({
  scheduleId,
  gaps,
  onStarted,
}: {
  scheduleId: number;
  gaps: number;
  onStarted(): void;
}) {
  const [state, setState] = useState<BackfillState>({ phase: 'idle' });
  // The preview takes the place of the Backfill missing button and gives it back: the focus follows, unless the
  // operator has meanwhile put it somewhere else.
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const shownPhase = useRef(state.phase);
  useEffect(() => {
    if (shownPhase.current === state.phase) return;
    shownPhase.current = state.phase;
    const target =
      state.phase === 'preview' ? heading.current : state.phase === 'loading' ? null : button.current;
    const active = document.activeElement;
    const ours = active === null || active === document.body || box.current?.contains(active);
    if (target && ours && active !== target) target.focus();
  }, [state.phase]);

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
    <div className="backfill" ref={box}>
      {state.phase !== 'preview' && (
        <div className="toolbar">
          <button
            ref={button}
            type="button"
            onClick={() => void preview()}
            disabled={state.phase === 'loading'}
          >
            {state.phase === 'loading' ? 'Asking Soundcharts…' : 'Backfill missing'}
          </button>
          <span className="muted">
            {gaps > 0
              ? `${formatCountOf(gaps, 'period')} not stored. You see what would be fetched before anything starts.`
              : 'Every period is stored; a backfill would only refetch incomplete ones.'}
          </span>
        </div>
      )}
      {state.phase === 'error' && (
        <p className="field-error" role="alert">
          Could not prepare the backfill: {state.error.message}
          {errorNextStep(state.error.code) && <> {errorNextStep(state.error.code)}</>}
        </p>
      )}
      {state.phase === 'preview' && (
        <BackfillConfirm
          headingRef={heading}
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
  headingRef,
  preview,
  starting,
  onConfirm,
  onClose,
}: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  preview: BackfillPreview;
  starting: boolean;
  onConfirm(): void;
  onClose(): void;
}) {
  const summary = summarizeBackfill(preview);
  return (
    <div className="backfill-confirm" role="region" aria-labelledby="backfill-heading">
      <h4 id="backfill-heading" ref={headingRef} tabIndex={-1}>
        Backfill preview
      </h4>
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
            {formatCountOf(summary.count, 'period')} to fetch, from {formatDay(summary.first!)} to{' '}
            {formatDay(summary.last!)}
            {summary.incomplete > 0 && (
              <>
                ; {formatCount(summary.incomplete)} of them <strong>incomplete</strong> (stored without all
                their entries, fetched again in place)
              </>
            )}
            . This costs about <strong>{formatCountOf(preview.requestCost, 'request')}</strong> of the
            Soundcharts quota.
          </p>
          {!preview.listed && (
            <p className="callout callout-warn">
              Soundcharts could not list this chart&apos;s dates, so these are the dates its calendar should
              have; some may not exist and will fail.
            </p>
          )}
          <ol className="backfill-months" aria-label="Periods to fetch, by month">
            {backfillMonths(summary.periods).map((month) => (
              <li key={month.key}>
                <span className="backfill-month">{month.label}</span>
                <span className="backfill-days">{month.days}</span>
                <span className="muted">
                  {formatCountOf(month.count, 'period')}
                  {month.incomplete > 0 && (
                    <span className="badge incomplete-badge">{formatCount(month.incomplete)} incomplete</span>
                  )}
                </span>
              </li>
            ))}
          </ol>
          <div className="toolbar">
            <button type="button" className="primary" onClick={onConfirm} disabled={starting}>
              {starting ? 'Starting…' : `Backfill ${formatCountOf(summary.count, 'period')}`}
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
