import type { AuditEntryView } from '../../../../shared/views/audit-entry';
import type { ExecutionDetail } from '../../../../shared/views/execution-list';
import { ExecutionStatusBadge, ProgressBar } from '../../components/execution-status';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { TimeText } from '../../components/time-text';
import { useCallResult } from '../../components/use-call-result';
import { LIVE_REFETCH_DEBOUNCE_MS, useDebouncedCallback } from '../../components/use-debounced-callback';
import { formatCount } from '../../format/numbers';
import { hrefOf } from '../../routing/routes';
import { call, useEvent } from '../../transport/api';
import { isActive, liveCounts, TRIGGER_LABEL } from './execution-labels';
import { DurationText, ExecutionActions, RetriesText } from './executions-table';
import { useExecutionProgress } from './use-execution-progress';
import './executions.css';

/** One execution in full: what it planned, stored and failed, its errors, retries and timeline. */
export function ExecutionDetailScreen({ id }: { id: number }) {
  const { data, reload, refresh } = useCallResult(() => call('executions/get', { id }), [id]);
  const progress = useExecutionProgress((p) => p.executionId === id);
  const refetch = useDebouncedCallback(refresh, LIVE_REFETCH_DEBOUNCE_MS);
  useEvent('execution/updated', (execution) => {
    if (execution.id === id) refetch();
  });

  if (data.state === 'loading') return <Loading what={`execution ${id}`} />;
  if (data.state === 'error') {
    if (data.error.code === 'not_found') {
      return (
        <EmptyState title={`Execution ${id} does not exist`}>
          <p>
            Its schedule may have been deleted with its history.{' '}
            <a href={hrefOf({ screen: 'executions', filter: {} })}>Back to the executions</a>
          </p>
        </EmptyState>
      );
    }
    return <ErrorState error={data.error} onRetry={reload} />;
  }
  return <Detail execution={data.value} progress={progress.get(id)} onChanged={refresh} />;
}

function Detail({
  execution,
  progress,
  onChanged,
}: {
  execution: ExecutionDetail;
  progress: Parameters<typeof liveCounts>[1];
  onChanged(): void;
}) {
  const counts = liveCounts(execution, progress);
  const active = isActive(execution.status);
  const scheduleHref = hrefOf({ screen: 'schedule-detail', id: execution.scheduleId });
  return (
    <>
      <header className="screen-header">
        <a href={hrefOf({ screen: 'executions', filter: {} })}>← Executions</a>
        <h2>Execution #{execution.id}</h2>
        <ExecutionStatusBadge status={execution.status} />
        <div className="toolbar header-actions">
          <ExecutionActions execution={execution} onChanged={onChanged} />
        </div>
      </header>
      <p className="muted">
        <a href={scheduleHref}>{execution.chart.name}</a> · {execution.chart.platform} ·{' '}
        {execution.chart.countryName} · {TRIGGER_LABEL[execution.trigger]} run
      </p>

      {execution.status === 'running' && (
        <div className="card">
          <ProgressBar
            done={counts.synced + counts.failed}
            total={counts.planned}
            label={`Progress of execution ${execution.id}`}
          />
          {progress?.lastPeriod && <p className="muted">Last period stored: {progress.lastPeriod}</p>}
        </div>
      )}

      {(execution.errorMessage || execution.errorCode) && (
        <div
          className={`callout ${execution.status === 'cancelled' ? 'callout-warn' : 'callout-bad'}`}
          role="note"
        >
          <strong>{execution.errorCode ? `Error: ${execution.errorCode}` : 'Error'}</strong>
          {execution.errorMessage && <p>{execution.errorMessage}</p>}
        </div>
      )}

      <div className="detail-grid">
        <section className="card" aria-labelledby="execution-run">
          <h3 id="execution-run">Run</h3>
          <dl className="facts">
            <dt>Schedule</dt>
            <dd>
              <a href={scheduleHref}>Schedule {execution.scheduleId}</a>
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
            <dd>{formatCount(execution.rankingsCreated)}</dd>
            <dt>Rankings updated</dt>
            <dd>{formatCount(execution.rankingsUpdated)}</dd>
            <dt>Tracks created</dt>
            <dd>{formatCount(execution.tracksCreated)}</dd>
            <dt>Tracks updated</dt>
            <dd>{formatCount(execution.tracksUpdated)}</dd>
          </dl>
        </section>
      </div>

      <section className="card" aria-labelledby="execution-periods">
        <h3 id="execution-periods">Periods</h3>
        <PeriodList
          title={`Synced (${formatCount(execution.syncedPeriods.length)})`}
          periods={execution.syncedPeriods}
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

function PeriodList({
  title,
  periods,
  none,
  failed,
}: {
  title: string;
  periods: readonly string[];
  none: string;
  failed?: boolean;
}) {
  return (
    <div className="period-group">
      <h4>{title}</h4>
      {periods.length === 0 ? (
        <p className="muted">{none}</p>
      ) : (
        <ul className={`period-list${failed ? ' failed' : ''}`} aria-label={title}>
          {[...periods].sort().map((period) => (
            <li key={period}>{period}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Timeline steps are often seconds apart, so they show seconds, unlike the rest of the app. */
const timelineTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const ACTION_LABEL: Record<string, string> = {
  'execution.started': 'Started',
  'execution.completed': 'Completed',
  'execution.failed': 'Failed',
  'execution.retrying': 'Retrying',
  'execution.cancelled': 'Cancelled',
  'execution.interrupted': 'Interrupted',
};

function Timeline({ entries }: { entries: readonly AuditEntryView[] }) {
  if (entries.length === 0)
    return <p className="muted">Nothing recorded yet: the execution is waiting to start.</p>;
  return (
    <table className="timeline">
      <caption className="visually-hidden">What happened to this execution, oldest first</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Action</th>
          <th scope="col">Result</th>
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td>
              <time dateTime={new Date(entry.at).toISOString()}>{timelineTime.format(entry.at)}</time>
            </td>
            <td>{ACTION_LABEL[entry.action] ?? entry.action}</td>
            <td className={`result-${entry.result}`}>{entry.result}</td>
            <td>{entry.message ?? <span className="muted">—</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
