import { useRef, useState } from 'react';
import { chartLabel } from '../../../../shared/domain/chart-label';
import { wasAlreadyUpToDate } from '../../../../shared/domain/execution';
import { requestSummary } from '../../../../shared/domain/request-failures';
import type { ExecutionDetail } from '../../../../shared/views/execution-list';
import { ExecutionStatusBadge, ProgressBar } from '../../components/execution-status';
import type { ErrorShape } from '../../../../shared/errors';
import { EmptyState, ErrorState, Loading, RefreshError } from '../../components/states';
import { TimeText } from '../../components/time-text';
import { useFocusRescue } from '../../components/use-focus-rescue';
import { useCallResult } from '../../components/use-call-result';
import { LIVE_REFETCH_DEBOUNCE_MS, useDebouncedCallback } from '../../components/use-debounced-callback';
import { formatCount } from '../../format/numbers';
import { chartExecutionsHref, executionHomeHref, hrefOf } from '../../routing/routes';
import { call, useEvent } from '../../transport/api';
import { isActive, liveCounts, TRIGGER_LABEL } from './execution-labels';
import { PeriodList, Timeline } from './execution-timeline';
import { DurationText, ExecutionActions, RetriesText } from './executions-table';
import { useExecutionProgress } from './use-execution-progress';
import './executions.css';

/** One execution in full: what it planned, stored and failed, its errors, retries and timeline. */
export function ExecutionDetailScreen({ id }: { id: number }) {
  const { data, reload, refresh, refreshError } = useCallResult(() => call('executions/get', { id }), [id]);
  const progress = useExecutionProgress((p) => p.executionId === id);
  const refetch = useDebouncedCallback(refresh, LIVE_REFETCH_DEBOUNCE_MS);
  useEvent('execution/updated', (execution) => {
    if (execution.id === id) refetch();
  });
  // Deleting its schedule keeps the execution: the refetch shows it as history of its chart.
  useEvent('schedule/removed', (event) => {
    if (data.state === 'ready' && data.value.scheduleId === event.scheduleId) refetch();
  });
  // Each period stored while it runs, from the progress events: the list grows as the bar moves.
  const [storedLive, setStoredLive] = useState<ReadonlySet<string>>(() => new Set());
  useEvent('execution/progress', (event) => {
    const period = event.lastPeriod;
    if (event.executionId !== id || period === null) return;
    setStoredLive((current) => (current.has(period) ? current : new Set(current).add(period)));
  });

  if (data.state === 'loading') return <Loading what={`execution ${id}`} />;
  if (data.state === 'error') {
    if (data.error.code === 'not_found') {
      return (
        <EmptyState title={`Execution ${id} does not exist`}>
          <p>
            It may have been pruned as older than the history retention.{' '}
            <a href={hrefOf({ screen: 'executions', filter: {} })}>Back to the executions</a>
          </p>
        </EmptyState>
      );
    }
    return <ErrorState error={data.error} onRetry={reload} />;
  }
  return (
    <Detail
      execution={data.value}
      progress={progress.get(id)}
      storedLive={storedLive}
      refreshError={refreshError}
      onChanged={refresh}
    />
  );
}

function Detail({
  execution,
  progress,
  storedLive,
  refreshError,
  onChanged,
}: {
  execution: ExecutionDetail;
  progress: Parameters<typeof liveCounts>[1];
  storedLive: ReadonlySet<string>;
  refreshError: ErrorShape | null;
  onChanged(): void;
}) {
  const counts = liveCounts(execution, progress);
  const syncedPeriods = isActive(execution.status)
    ? [...new Set([...execution.syncedPeriods, ...storedLive])]
    : execution.syncedPeriods;
  const active = isActive(execution.status);
  const chartHref = executionHomeHref(execution);
  return (
    <>
      <header className="screen-header">
        <a href={hrefOf({ screen: 'executions', filter: {} })}>← Executions</a>
        <h2>Execution #{execution.id}</h2>
        <ExecutionStatusBadge status={execution.status} />
        <HeaderActions execution={execution} onChanged={onChanged} />
      </header>
      <p className="muted">
        <a href={chartHref}>{execution.chart.name}</a> · {execution.chart.platform} ·{' '}
        {execution.chart.countryName} · {TRIGGER_LABEL[execution.trigger]} run
      </p>
      {refreshError && <RefreshError what="the execution" error={refreshError} onRetry={onChanged} />}

      {execution.status === 'running' && (
        // A live region: screen readers hear the periods count move, as sighted operators see the bar move.
        <div className="card" aria-live="polite">
          <ProgressBar
            done={counts.synced + counts.failed}
            total={counts.planned}
            label={`Progress of execution ${execution.id}`}
          />
          {progress?.lastPeriod && <p className="muted">Last period stored: {progress.lastPeriod}</p>}
        </div>
      )}

      {wasAlreadyUpToDate(execution) && (
        <div className="callout callout-good" role="note">
          <strong>Already up to date</strong>
          <p>Every period of the history window was stored already: there was nothing to fetch.</p>
        </div>
      )}

      {(execution.errorMessage || execution.errorCode) && (
        <div
          className={`callout ${execution.status === 'cancelled' ? 'callout-warn' : 'callout-bad'}`}
          role="note"
        >
          <strong>{outcomeTitle(execution)}</strong>
          {execution.errorMessage && <p>{execution.errorMessage}</p>}
        </div>
      )}

      <div className="detail-grid">
        <section className="card" aria-labelledby="execution-run">
          <h3 id="execution-run">Run</h3>
          <dl className="facts">
            <dt>Schedule</dt>
            <dd>
              {execution.scheduleId === null ? (
                <>
                  {chartLabel(execution.chart)} <span className="muted">(schedule deleted)</span> ·{' '}
                  <a href={chartExecutionsHref(execution.chartId)}>the chart’s executions</a>
                </>
              ) : (
                <a href={chartHref}>{chartLabel(execution.chart)}</a>
              )}
            </dd>
            <dt>Trigger</dt>
            <dd>{TRIGGER_LABEL[execution.trigger]}</dd>
            <dt>Created</dt>
            <dd>
              <TimeText at={execution.createdAt} />
            </dd>
            <dt>Started</dt>
            <dd>
              <TimeText at={execution.startedAt} never="Not yet" />
            </dd>
            <dt>Completed</dt>
            <dd>
              <TimeText at={execution.completedAt} never={active ? 'Not yet' : '—'} />
            </dd>
            <dt>Duration</dt>
            <dd>
              <DurationText execution={execution} />
            </dd>
            <dt>Retries</dt>
            <dd>
              <RetriesText execution={execution} />
            </dd>
            {execution.workerTaskId && (
              <>
                <dt>Worker task</dt>
                <dd>
                  <code>{execution.workerTaskId}</code>
                </dd>
              </>
            )}
          </dl>
        </section>

        <section className="card" aria-labelledby="execution-results">
          <h3 id="execution-results">Results</h3>
          <dl className="facts">
            <dt>Periods planned</dt>
            <dd>{formatCount(counts.planned)}</dd>
            <dt>Periods synced</dt>
            <dd>{formatCount(counts.synced)}</dd>
            <dt>Periods failed</dt>
            <dd className={counts.failed > 0 ? 'bad' : undefined}>{formatCount(counts.failed)}</dd>
            <dt>Rankings created</dt>
            <dd>{formatCount(counts.rankingsCreated)}</dd>
            <dt>Rankings updated</dt>
            <dd>{formatCount(counts.rankingsUpdated)}</dd>
            <dt>Tracks created</dt>
            <dd>{formatCount(counts.tracksCreated)}</dd>
            <dt>Tracks updated</dt>
            <dd>{formatCount(counts.tracksUpdated)}</dd>
            <dt>Requests</dt>
            <dd>{requestSummary(execution)}</dd>
          </dl>
        </section>
      </div>

      <section className="card" aria-labelledby="execution-periods">
        <h3 id="execution-periods">Periods</h3>
        <PeriodList
          title={`Synced (${formatCount(syncedPeriods.length)})`}
          periods={syncedPeriods}
          none={active ? 'None stored yet.' : 'None.'}
        />
        <PeriodList
          title={`Failed (${formatCount(execution.failedPeriods.length)})`}
          periods={execution.failedPeriods}
          none="None."
          failed
        />
      </section>

      <section className="card" aria-labelledby="execution-timeline">
        <h3 id="execution-timeline">Timeline</h3>
        <Timeline entries={execution.timeline} />
      </section>
    </>
  );
}

/** Retry or Cancel; when one replaces the other (a cancelled run can be retried), the focus moves to it. */
function HeaderActions({ execution, onChanged }: { execution: ExecutionDetail; onChanged(): void }) {
  const box = useRef<HTMLDivElement>(null);
  const focusRescue = useFocusRescue(() => box.current?.querySelector<HTMLElement>('button'));
  return (
    <div ref={box} className="toolbar header-actions" {...focusRescue}>
      <ExecutionActions execution={execution} onChanged={onChanged} />
    </div>
  );
}

/** A cancel or an interruption is an outcome, not an error: the callout says which. */
function outcomeTitle(execution: { status: string; errorCode: string | null }): string {
  if (execution.status === 'cancelled') return 'Cancelled';
  if (execution.status === 'interrupted') return 'Interrupted';
  return execution.errorCode ? `Error: ${execution.errorCode}` : 'Error';
}
