import { useId } from 'react';
import { useNow } from '../../components/use-now';
import type { TimingValues } from './editor-form';
import { previewNextRuns } from './next-runs-preview';

/** The next runs of the timing being typed, recomputed on every keystroke from the shared domain rule. */
export function NextRunsList({
  timing,
  anchorAt,
  operatorZone,
  note,
}: {
  timing: TimingValues;
  /** Where the schedule's grid starts; null: at the moment of saving. */
  anchorAt: number | null;
  operatorZone: string;
  note: string;
}) {
  const headingId = useId();
  const now = useNow();
  const preview = previewNextRuns(timing, anchorAt ?? now, now, operatorZone);
  const zoneSaid =
    preview.ok && timing.syncFrequency === 'cron'
      ? `the schedule's zone, ${preview.zone}`
      : `your time zone, ${operatorZone}`;
  return (
    <section className="next-runs" aria-labelledby={headingId}>
      <h4 id={headingId}>Next runs</h4>
      {preview.ok ? (
        <>
          <ol className="next-runs-list" data-testid="next-runs">
            {preview.runs.map((run) => (
              <li key={run.at}>
                <time dateTime={new Date(run.at).toISOString()}>{run.when}</time>{' '}
                <span className="muted">({run.relative})</span>
              </li>
            ))}
          </ol>
          <p className="field-hint muted">
            Times in {zoneSaid}. {note}
          </p>
        </>
      ) : (
        <p className="muted next-runs-problem">No runs to show yet: {preview.problem}</p>
      )}
    </section>
  );
}
