import { useState } from 'react';
import type { ExecutionProgress } from '../../../../shared/contract/events';
import type { ErrorShape } from '../../../../shared/errors';
import type { ScheduleDetail } from '../../../../shared/views/schedule-detail';
import { EmptyState, ErrorState, Loading, RefreshError } from '../../components/states';
import { StatusIcon } from '../../components/status-icon';
import { useCallResult } from '../../components/use-call-result';
import { LIVE_REFETCH_DEBOUNCE_MS, useDebouncedCallback } from '../../components/use-debounced-callback';
import { hrefOf, rankingHref } from '../../routing/routes';
import { call, useEvent } from '../../transport/api';
import { ExecutionsTable } from '../executions/executions-table';
import { useExecutionProgress } from '../executions/use-execution-progress';
import { CoveragePanel } from './coverage-panel';
import { HealthCallout } from './health-callout';
import { ScheduleActions } from './schedule-actions';
import { Configuration, Statistics } from './schedule-facts';
import './schedule-detail.css';

/** One schedule: configuration, statistics, coverage of its history window and its executions, all live. */
export function ScheduleDetailScreen({ id }: { id: number }) {
  const { data, reload, refresh, refreshError } = useCallResult(() => call('schedules/get', { id }), [id]);
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
  return <Detail detail={data.value} progress={progress} refreshError={refreshError} onChanged={refresh} />;
}

function Detail({
  detail,
  progress,
  refreshError,
  onChanged,
}: {
  detail: ScheduleDetail;
  progress: ReadonlyMap<number, ExecutionProgress>;
  refreshError: ErrorShape | null;
  onChanged(): void;
}) {
  const { schedule, stats, coverage, executions } = detail;
  return (
    <>
      <header className="screen-header">
        <a href={hrefOf({ screen: 'schedules' })}>← Schedules</a>
        <h2>{schedule.chart.name}</h2>
        <StatusIcon health={schedule.health} reason={schedule.healthReason} />
        <ScheduleActions schedule={schedule} onChanged={onChanged} />
      </header>
      <p className="muted schedule-subtitle">
        {schedule.chart.platform} · {schedule.chart.countryName} · published {schedule.chart.frequency} ·{' '}
        <code>{schedule.chart.slug}</code> ·{' '}
        <a href={rankingHref(schedule.chart.id)} aria-label={`Ranking of ${schedule.chart.name}`}>
          Ranking
        </a>
      </p>
      {refreshError && <RefreshError what="the schedule" error={refreshError} onRetry={onChanged} />}

      <HealthCallout schedule={schedule} />

      <div className="detail-columns">
        <Configuration schedule={schedule} />
        <Statistics schedule={schedule} stats={stats} />
      </div>

      <CoveragePanel
        chartId={schedule.chart.id}
        scheduleId={schedule.id}
        coverage={coverage}
        onStarted={onChanged}
      />

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
