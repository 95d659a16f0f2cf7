import { useRef } from 'react';
import type { ExecutionProgress } from '../../../../shared/contract/events';
import { UP_TO_DATE_TEXT, wasAlreadyUpToDate } from '../../../../shared/domain/execution';
import type { ChartSummary, ExecutionView } from '../../../../shared/views/schedule-view';
import { ExecutionStatusBadge, ProgressBar } from '../../components/execution-status';
import { TimeText } from '../../components/time-text';
import { useFocusRescue } from '../../components/use-focus-rescue';
import { useNow } from '../../components/use-now';
import { formatCount } from '../../format/numbers';
import { formatDuration } from '../../format/time';
import { executionHomeHref, hrefOf } from '../../routing/routes';
import { cancelExecution, retryExecution } from './execution-actions';
import { canCancel, canRetry, liveCounts, TRIGGER_LABEL } from './execution-labels';
import './executions.css';

type Row = ExecutionView & { chart?: ChartSummary };

/**
 * Execution history rows, as the Executions screen and a schedule's detail page show them. `onChanged` runs
 * after a retry or cancel went through, for the owner to refetch.
 */
export function ExecutionsTable({
  executions,
  progress,
  showChart,
  onChanged,
  caption,
}: {
  executions: readonly Row[];
  progress: ReadonlyMap<number, ExecutionProgress>;
  showChart: boolean;
  onChanged(): void;
  caption: string;
}) {
  // Cancel turns into Retry once the execution is cancelled: the focus moves to what the row now offers.
  const body = useRef<HTMLTableSectionElement>(null);
  const focusedRow = useRef<string | null>(null);
  const focusRescue = useFocusRescue(() => {
    const row = body.current?.querySelector(`tr[data-execution="${focusedRow.current}"]`);
    return row?.querySelector<HTMLElement>('.row-actions button') ?? row?.querySelector<HTMLElement>('a');
  });
  return (
    <div className="table-scroll">
      <table className="executions-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">ID</th>
            {showChart && <th scope="col">Chart</th>}
            <th scope="col">Status</th>
            <th scope="col">Trigger</th>
            <th scope="col">Created / started</th>
            <th scope="col">Duration</th>
            <th scope="col" title="Periods synced of planned, and failed">
              Periods
            </th>
            <th scope="col" className="stored-cell" title="Rankings created / updated">
              Rankings
            </th>
            <th scope="col" className="stored-cell" title="Tracks created / updated">
              Tracks
            </th>
            <th scope="col">Retries</th>
            <th scope="col">Error</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody
          ref={body}
          onFocus={(event) => {
            focusRescue.onFocus(event);
            focusedRow.current = event.target.closest('tr')?.dataset.execution ?? null;
          }}
          onBlur={focusRescue.onBlur}
        >
          {executions.map((execution) => (
            <ExecutionRow
              key={execution.id}
              execution={execution}
              progress={progress.get(execution.id)}
              showChart={showChart}
              onChanged={onChanged}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ExecutionRow({
  execution,
  progress,
  showChart,
  onChanged,
}: {
  execution: Row;
  progress: ExecutionProgress | undefined;
  showChart: boolean;
  onChanged(): void;
}) {
  const counts = liveCounts(execution, progress);
  const running = execution.status === 'running';
  return (
    <tr data-execution={execution.id} data-status={execution.status}>
      <td>
        <a
          href={hrefOf({ screen: 'execution-detail', id: execution.id })}
          aria-label={`Execution ${execution.id}`}
        >
          #{execution.id}
        </a>
      </td>
      {showChart && (
        <td className="chart-cell">
          {execution.chart ? (
            <>
              <a href={executionHomeHref(execution)}>{execution.chart.name}</a>
              <div className="muted cell-note">
                {execution.chart.platform} · {execution.chart.countryName}
                {execution.scheduleId === null && ' · schedule deleted'}
              </div>
            </>
          ) : execution.scheduleId === null ? (
            <span className="muted">Schedule deleted</span>
          ) : (
            <a href={executionHomeHref(execution)}>Chart {execution.chartId}</a>
          )}
        </td>
      )}
      <td className="status-cell">
        <ExecutionStatusBadge status={execution.status} />
        {running && (
          <ProgressBar
            done={counts.synced + counts.failed}
            total={counts.planned}
            label={`Progress of execution ${execution.id}`}
          />
        )}
      </td>
      <td>{TRIGGER_LABEL[execution.trigger]}</td>
      <td className="time-cell">
        <TimeText at={execution.createdAt} />
        <div className="cell-note muted">{startDelay(execution)}</div>
      </td>
      <td className="duration-cell">
        <DurationText execution={execution} />
      </td>
      <td className="numeric">
        {wasAlreadyUpToDate(execution) ? (
          // "0 / 0" next to Completed reads as nothing done; nothing was left to do.
          <span className="muted">{UP_TO_DATE_TEXT}</span>
        ) : (
          <>
            {formatCount(counts.synced)} / {formatCount(counts.planned)}
          </>
        )}
        {counts.failed > 0 && <div className="cell-note bad">{formatCount(counts.failed)} failed</div>}
      </td>
      <td className="numeric stored-cell">
        {formatCount(counts.rankingsCreated)} / {formatCount(counts.rankingsUpdated)}
      </td>
      <td className="numeric stored-cell">
        {formatCount(counts.tracksCreated)} / {formatCount(counts.tracksUpdated)}
      </td>
      <td className="retries-cell">
        <RetriesText execution={execution} />
      </td>
      <td className="error-cell">
        {execution.errorMessage ? (
          <span className="truncate" title={execution.errorMessage}>
            {execution.errorMessage}
          </span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="row-actions">
        <ExecutionActions execution={execution} onChanged={onChanged} />
      </td>
    </tr>
  );
}

/** When it started, said relative to its creation: one column for both keeps the table readable. */
function startDelay(execution: ExecutionView): string {
  if (execution.startedAt === null) return 'not started yet';
  const delay = execution.startedAt - execution.createdAt;
  return delay < 1_000 ? 'started at once' : `started ${formatDuration(delay)} later`;
}

/** Finished: how long it took; running: how long so far. */
export function DurationText({ execution }: { execution: ExecutionView }) {
  const now = useNow();
  if (execution.durationMs !== null) return <>{formatDuration(execution.durationMs)}</>;
  if (execution.status === 'running' && execution.startedAt !== null) {
    return <span className="muted">{formatDuration(Math.max(0, now - execution.startedAt))} so far</span>;
  }
  return <span className="muted">—</span>;
}

/** "1 / 3", and when it waits out a backoff, when the next attempt starts. */
export function RetriesText({ execution }: { execution: ExecutionView }) {
  return (
    <>
      {execution.retryCount} / {execution.maxRetries}
      {execution.nextAttemptAt !== null && execution.status === 'pending' && (
        <div className="cell-note">
          next attempt <TimeText at={execution.nextAttemptAt} />
        </div>
      )}
    </>
  );
}

/** Retry and Cancel, as the execution's status allows. */
export function ExecutionActions({ execution, onChanged }: { execution: ExecutionView; onChanged(): void }) {
  return (
    <>
      {canRetry(execution.status) && (
        <button
          type="button"
          aria-label={`Retry execution ${execution.id}`}
          onClick={() => void retryExecution(execution).then((started) => started && onChanged())}
        >
          Retry
        </button>
      )}
      {canCancel(execution.status) && (
        <button
          type="button"
          aria-label={`Cancel execution ${execution.id}`}
          onClick={() => void cancelExecution(execution).then((cancelled) => cancelled && onChanged())}
        >
          Cancel
        </button>
      )}
    </>
  );
}
