import { useState } from 'react';
import type { ScheduleDetail, ScheduleStats } from '../../../../shared/views/schedule-detail';
import type { ScheduleView } from '../../../../shared/views/schedule-view';
import { reportBulk } from '../../actions/run-action';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { StatusIcon } from '../../components/status-icon';
import { SuccessRate } from '../../components/success-rate';
import { TimeText } from '../../components/time-text';
import { useCallResult } from '../../components/use-call-result';
import { LIVE_REFETCH_DEBOUNCE_MS, useDebouncedCallback } from '../../components/use-debounced-callback';
import { formatCount } from '../../format/numbers';
import { formatDuration } from '../../format/time';
import { hrefOf } from '../../routing/routes';
import { navigate } from '../../routing/use-route';
import { confirm } from '../../store/confirm-store';
import { call, useEvent } from '../../transport/api';
import type { ExecutionProgress } from '../../../../shared/contract/events';
import { ExecutionsTable } from '../executions/executions-table';
import { useExecutionProgress } from '../executions/use-execution-progress';
import { formatDay } from './coverage-grid';
import { CoveragePanel } from './coverage-panel';
import { describeTiming, describeWindow } from './describe-schedule';
import './schedule-detail.css';

/** One schedule: configuration, statistics, coverage of its history window and its executions, all live. */
export function ScheduleDetailScreen({ id }: { id: number }) {
  const { data, reload, refresh } = useCallResult(() => call('schedules/get', { id }), [id]);
  const [removed, setRemoved] = useState(false);
  const progress = useExecutionProgress((p) => p.scheduleId === id);
  const refetch = useDebouncedCallback(refresh, LIVE_REFETCH_DEBOUNCE_MS);
  useEvent('schedule/updated', (event) => {
    if (event.scheduleId === id) refetch();
  });
  useEvent('execution/updated', (execution) => {
    if (execution.scheduleId === id) refetch();
  });
  useEvent('schedule/removed', (event) => {
    if (event.scheduleId === id) setRemoved(true);
  });

  if (removed || (data.state === 'error' && data.error.code === 'not_found')) {
    return (
      <EmptyState title={removed ? 'This schedule was deleted' : `Schedule ${id} does not exist`}>
        <p>
          Its chart is no longer synced. <a href={hrefOf({ screen: 'schedules' })}>Back to the schedules</a>
        </p>
      </EmptyState>
    );
  }
  if (data.state === 'loading') return <Loading what="the schedule" />;
  if (data.state === 'error') return <ErrorState error={data.error} onRetry={reload} />;
  return <Detail detail={data.value} progress={progress} onChanged={refresh} />;
}

function Detail({
  detail,
  progress,
  onChanged,
}: {
  detail: ScheduleDetail;
  progress: ReadonlyMap<number, ExecutionProgress>;
  onChanged(): void;
}) {
  const { schedule, stats, coverage, executions } = detail;
  return (
    <>
      <header className="screen-header">
        <a href={hrefOf({ screen: 'schedules' })}>← Schedules</a>
        <h2>{schedule.chart.name}</h2>
        <StatusIcon status={schedule.status} />
        <ScheduleActions schedule={schedule} onChanged={onChanged} />
      </header>
      <p className="muted schedule-subtitle">
        {schedule.chart.platform} · {schedule.chart.countryName} · published {schedule.chart.frequency} ·{' '}
        <code>{schedule.chart.slug}</code>
      </p>

      {schedule.attentionReason && (
        <div className="callout callout-warn" role="alert">
          <strong>Needs your attention</strong>
          <p>{schedule.attentionReason}</p>
        </div>
      )}
      {schedule.isOverdue && (
        <div className="callout callout-warn" role="status">
          <strong>Overdue</strong>
          <p>
            The sync due <TimeText at={schedule.nextSyncAt} /> has not run: it is{' '}
            {formatDuration(schedule.lateByMs)} late. Sync now runs it at once.
          </p>
        </div>
      )}

      <div className="detail-columns">
        <Configuration schedule={schedule} />
        <Statistics schedule={schedule} stats={stats} />
      </div>

      <CoveragePanel scheduleId={schedule.id} coverage={coverage} onStarted={onChanged} />

      <section className="card" aria-labelledby="history-heading">
        <div className="card-header">
          <h3 id="history-heading">Execution history</h3>
          <a href={hrefOf({ screen: 'executions', filter: { scheduleId: String(schedule.id) } })}>
            All executions of this schedule
          </a>
        </div>
        {executions.length === 0 ? (
          <p className="muted">
            No executions yet: the schedule runs on its own, and Sync now starts one at once.
          </p>
        ) : (
          <ExecutionsTable
            executions={executions}
            progress={progress}
            showChart={false}
            onChanged={onChanged}
            caption={`Executions of ${schedule.chart.name}, newest first`}
          />
        )}
      </section>
    </>
  );
}

function ScheduleActions({ schedule, onChanged }: { schedule: ScheduleView; onChanged(): void }) {
  const [busy, setBusy] = useState(false);
  const ids = [schedule.id];
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  const syncNow = () =>
    run(async () => {
      reportBulk(
        await call('schedules/sync-now', { ids }),
        { done: 'Sync started', failed: 'The sync did not start' },
        'schedule',
      );
      onChanged();
    });

  const toggleActive = () =>
    run(async () => {
      const active = !schedule.isActive;
      reportBulk(
        await call('schedules/set-active', { ids, active }),
        active
          ? { done: 'Activated', failed: 'Could not activate' }
          : { done: 'Deactivated', failed: 'Could not deactivate' },
        'schedule',
      );
      onChanged();
    });

  const remove = () =>
    run(async () => {
      const ok = await confirm({
        title: `Delete the schedule of ${schedule.chart.name}?`,
        message:
          'The chart stops syncing and its execution history is deleted. Rankings already stored are kept.',
        confirmLabel: 'Delete schedule',
        danger: true,
      });
      if (!ok) return;
      const result = await call('schedules/delete', { ids });
      reportBulk(result, { done: 'Deleted', failed: 'Could not delete' }, 'schedule');
      if (result.ok && result.value.succeeded > 0) navigate(hrefOf({ screen: 'schedules' }));
    });

  return (
    <div className="toolbar schedule-actions">
      <button type="button" className="primary" disabled={busy} onClick={() => void syncNow()}>
        Sync now
      </button>
      <button type="button" disabled={busy} onClick={() => void toggleActive()}>
        {schedule.isActive ? 'Deactivate' : 'Activate'}
      </button>
      <a className="button-link" href={hrefOf({ screen: 'schedule-edit', id: schedule.id })}>
        Edit
      </a>
      <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
        Delete
      </button>
    </div>
  );
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

function Configuration({ schedule }: { schedule: ScheduleView }) {
  return (
    <section className="card" aria-labelledby="config-heading">
      <h3 id="config-heading">Configuration</h3>
      <dl className="facts">
        <dt>Frequency</dt>
        <dd>{describeTiming(schedule)}</dd>
        <dt>Active</dt>
        <dd>{schedule.isActive ? 'Yes' : 'No: paused until activated'}</dd>
        <dt>Next sync</dt>
        <dd>
          <TimeText at={schedule.nextSyncAt} never={schedule.isActive ? 'Not planned' : 'Paused'} />
        </dd>
        <dt>Last successful sync</dt>
        <dd>
          <TimeText at={schedule.lastSyncAt} />
        </dd>
        <dt>History window</dt>
        <dd>{describeWindow(schedule.historyWindowDays)}</dd>
        <dt>Sync historical data</dt>
        <dd>
          {schedule.syncHistoricalData
            ? 'Yes: every missing period of the window'
            : 'No: the latest period only'}
        </dd>
        <dt>Fetch track metadata</dt>
        <dd>{yesNo(schedule.fetchTrackMetadata)}</dd>
        <dt>Synced when created</dt>
        <dd>{yesNo(schedule.syncImmediately)}</dd>
        {schedule.createdBy && (
          <>
            <dt>Created by</dt>
            <dd>{schedule.createdBy}</dd>
          </>
        )}
        <dt>Created</dt>
        <dd>
          <TimeText at={schedule.createdAt} />
        </dd>
        <dt>Updated</dt>
        <dd>
          <TimeText at={schedule.updatedAt} />
        </dd>
      </dl>
    </section>
  );
}

function Statistics({ schedule, stats }: { schedule: ScheduleView; stats: ScheduleStats }) {
  return (
    <section className="card" aria-labelledby="stats-heading">
      <h3 id="stats-heading">Statistics</h3>
      <dl className="facts">
        <dt>Success rate</dt>
        <dd>
          <SuccessRate rate={stats.successRate} />
        </dd>
        <dt>Executions</dt>
        <dd>
          {formatCount(schedule.totalExecutions)} in all: {formatCount(schedule.successfulExecutions)}{' '}
          successful,{' '}
          <span className={schedule.failedExecutions > 0 ? 'bad' : undefined}>
            {formatCount(schedule.failedExecutions)} failed
          </span>
        </dd>
        <dt>Average duration</dt>
        <dd>
          {stats.averageDurationMs === null ? (
            <span className="muted">No finished run yet</span>
          ) : (
            formatDuration(stats.averageDurationMs)
          )}
        </dd>
        <dt>Data freshness</dt>
        <dd>
          {stats.latestRankingDate === null ? (
            <span className="muted">No ranking stored yet</span>
          ) : (
            <>
              Ranking of {formatDay(stats.latestRankingDate)}
              {stats.latestFetchedAt !== null && (
                <div className="muted">
                  fetched <TimeText at={stats.latestFetchedAt} />
                </div>
              )}
            </>
          )}
        </dd>
        <dt>Rankings stored</dt>
        <dd>{formatCount(stats.rankingsStored)}</dd>
      </dl>
    </section>
  );
}
