import { DEFAULT_HISTORY_WINDOW_DAYS } from '../../../../shared/domain/policies';
import type { Result } from '../../../../shared/errors';
import type { ChartListItem } from '../../../../shared/views/chart-list-item';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useCallResult } from '../../components/use-call-result';
import { LIVE_REFETCH_DEBOUNCE_MS, useDebouncedCallback } from '../../components/use-debounced-callback';
import { hrefOf } from '../../routing/routes';
import { call, useEvent } from '../../transport/api';
import { ScheduleForm } from './schedule-form';
import './schedule-editor.css';

export type ScheduleEditorProps =
  { mode: 'create'; chartId: number | null } | { mode: 'edit'; scheduleId: number };

/** Creates a schedule for a chart, or edits one: the Django admin's add/change form for ChartSyncSchedule. */
export function ScheduleEditorScreen(props: ScheduleEditorProps) {
  return props.mode === 'create' ? (
    <CreateSchedule chartId={props.chartId} />
  ) : (
    <EditSchedule scheduleId={props.scheduleId} />
  );
}

/**
 * The charts, and the operator's default history window (Settings) to prefill the form with; the settings are
 * only a prefill, so failing to read them leaves the built-in default rather than blocking the screen.
 */
async function loadCreate(): Promise<Result<{ charts: ChartListItem[]; historyWindowDays: number }>> {
  const [charts, settings] = await Promise.all([call('charts/list', {}), call('settings/get', {})]);
  if (!charts.ok) return charts;
  const historyWindowDays = settings.ok
    ? settings.value.defaultHistoryWindowDays
    : DEFAULT_HISTORY_WINDOW_DAYS;
  return { ok: true, value: { charts: charts.value, historyWindowDays } };
}

function CreateSchedule({ chartId }: { chartId: number | null }) {
  const { data, reload, refresh } = useCallResult(loadCreate, []);
  // Which charts can get a schedule changes with discovery and with schedules made or deleted elsewhere.
  const refetch = useDebouncedCallback(refresh, LIVE_REFETCH_DEBOUNCE_MS);
  useEvent('charts/updated', refetch);
  useEvent('schedule/updated', refetch);
  useEvent('schedule/removed', refetch);
  return (
    <>
      <header className="screen-header">
        <h2>New sync schedule</h2>
      </header>
      {data.state === 'loading' && <Loading what="charts" />}
      {data.state === 'error' && <ErrorState error={data.error} onRetry={reload} />}
      {data.state === 'ready' && (
        <ScheduleForm
          mode="create"
          charts={data.value.charts}
          chartId={chartId}
          historyWindowDays={data.value.historyWindowDays}
        />
      )}
    </>
  );
}

function EditSchedule({ scheduleId }: { scheduleId: number }) {
  const { data, reload } = useCallResult(() => call('schedules/get', { id: scheduleId }), [scheduleId]);
  if (data.state === 'error' && data.error.code === 'not_found') {
    return (
      <EmptyState title={`Schedule ${scheduleId} does not exist`}>
        <p>
          It may have been deleted. <a href={hrefOf({ screen: 'schedules' })}>Back to the schedules</a>
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      <header className="screen-header">
        <h2>
          {data.state === 'ready' ? `Edit schedule: ${data.value.schedule.chart.name}` : 'Edit schedule'}
        </h2>
      </header>
      {data.state === 'loading' && <Loading what="the schedule" />}
      {data.state === 'error' && <ErrorState error={data.error} onRetry={reload} />}
      {data.state === 'ready' && <ScheduleForm mode="edit" schedule={data.value.schedule} />}
    </>
  );
}
