import { useMemo, useState, type FormEvent } from 'react';
import {
  detectSyncFrequency,
  SYNC_FREQUENCIES,
  type SyncFrequency,
} from '../../../../shared/domain/frequency';
import {
  CUSTOM_INTERVAL_HOURS_MAX,
  CUSTOM_INTERVAL_HOURS_MIN,
  DAY_MS,
  DEFAULT_HISTORY_WINDOW_DAYS,
  HISTORY_WINDOW_DAYS_MAX,
  HISTORY_WINDOW_DAYS_MIN,
  METADATA_MAX_AGE_MS,
} from '../../../../shared/domain/policies';
import type { ErrorShape } from '../../../../shared/errors';
import type { ChartListItem } from '../../../../shared/views/chart-list-item';
import type { ChartSummary, ScheduleView } from '../../../../shared/views/schedule-view';
import { ChartCombobox } from '../../components/chart-combobox';
import { chartLabel } from '../../components/chart-search';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useCallResult } from '../../components/use-call-result';
import { hrefOf } from '../../routing/routes';
import { navigate } from '../../routing/use-route';
import { confirm } from '../../store/confirm-store';
import { toast } from '../../store/toast-store';
import { call } from '../../transport/api';
import {
  EDITOR_FIELDS,
  FREQUENCY_LABEL,
  firstProblem,
  formOfSchedule,
  newScheduleForm,
  sameForm,
  serverFieldErrors,
  timingChanged,
  timingOf,
  validateCreate,
  validateEdit,
  type EditorField,
  type EditorForm,
  type FieldErrors,
} from './editor-form';
import { FormField, ToggleField } from './form-field';
import { NextRunsList } from './next-runs-list';
import { operatorTimeZone, timeZoneNames } from './time-zones';
import './schedule-editor.css';

export type ScheduleEditorProps =
  { mode: 'create'; chartId: number | null } | { mode: 'edit'; scheduleId: number };

/** The element each field's problem sends the focus to. */
const FIELD_ID: Record<EditorField, string> = {
  chartId: 'schedule-chart',
  syncFrequency: 'schedule-frequency',
  customIntervalHours: 'schedule-custom-hours',
  cronExpression: 'schedule-cron',
  timeZone: 'schedule-time-zone',
  historyWindowDays: 'schedule-history-window',
};

const TIME_ZONE_LIST_ID = 'schedule-time-zones';
const METADATA_MAX_AGE_DAYS = METADATA_MAX_AGE_MS / DAY_MS;

/** Creates a schedule for a chart, or edits one: the Django admin's add/change form for ChartSyncSchedule. */
export function ScheduleEditorScreen(props: ScheduleEditorProps) {
  return props.mode === 'create' ? (
    <CreateSchedule chartId={props.chartId} />
  ) : (
    <EditSchedule scheduleId={props.scheduleId} />
  );
}

function CreateSchedule({ chartId }: { chartId: number | null }) {
  const { data, reload } = useCallResult(() => call('charts/list', {}), []);
  return (
    <>
      <header className="screen-header">
        <h2>New sync schedule</h2>
      </header>
      {data.state === 'loading' && <Loading what="charts" />}
      {data.state === 'error' && <ErrorState error={data.error} onRetry={reload} />}
      {data.state === 'ready' && <ScheduleForm mode="create" charts={data.value} chartId={chartId} />}
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

type FormProps =
  | { mode: 'create'; charts: ChartListItem[]; chartId: number | null }
  | { mode: 'edit'; schedule: ScheduleView };

function ScheduleForm(props: FormProps) {
  const operatorZone = useMemo(operatorTimeZone, []);
  const charts = props.mode === 'create' ? props.charts : null;
  // Only charts without a schedule can get one; a chart has at most one.
  const offered = useMemo(() => charts?.filter((c) => c.scheduleId === null) ?? [], [charts]);
  const preselected = props.mode === 'create' ? (charts?.find((c) => c.id === props.chartId) ?? null) : null;
  const [initial] = useState<EditorForm>(() =>
    props.mode === 'edit'
      ? formOfSchedule(props.schedule, operatorZone)
      : newScheduleForm(preselected && preselected.scheduleId === null ? preselected : null, operatorZone),
  );
  const [form, setForm] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<EditorField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [frequencyChosen, setFrequencyChosen] = useState(props.mode === 'edit');

  const chart: ChartSummary | null =
    props.mode === 'edit' ? props.schedule.chart : (offered.find((c) => c.id === form.chartId) ?? null);
  const validation = props.mode === 'create' ? validateCreate(form) : validateEdit(form, props.schedule);
  const clientErrors: FieldErrors = validation.ok ? {} : validation.errors;
  const errorOf = (field: EditorField): string | undefined =>
    serverErrors[field] ?? (submitted || touched.has(field) ? clientErrors[field] : undefined);

  const touch = (field: EditorField) => setTouched((t) => (t.has(field) ? t : new Set(t).add(field)));
  const update = <K extends keyof EditorForm>(key: K, value: EditorForm[K], field?: EditorField) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (field) {
      touch(field);
      setServerErrors(({ [field]: _cleared, ...rest }) => rest);
    }
    setSaveProblem(null);
  };

  const chooseChart = (chartId: number | null) => {
    const next = offered.find((c) => c.id === chartId) ?? null;
    setForm((f) => ({
      ...f,
      chartId,
      // Until the operator picks a frequency, it follows the chart, as the original admin's detection did.
      syncFrequency: next && !frequencyChosen ? detectSyncFrequency(next.frequency) : f.syncFrequency,
    }));
    touch('chartId');
    setServerErrors(({ chartId: _cleared, ...rest }) => rest);
    setSaveProblem(null);
  };

  const focusField = (field: EditorField) => document.getElementById(FIELD_ID[field])?.focus();

  const reportProblems = (errors: FieldErrors, fallback: string | null) => {
    const first = firstProblem(errors);
    const count = EDITOR_FIELDS.filter((f) => errors[f] !== undefined).length;
    if (first) {
      setSaveProblem(count > 1 ? `${first.message} (${count - 1} more below.)` : first.message);
      focusField(first.field);
    } else {
      setSaveProblem(fallback);
    }
  };

  const onServerError = (error: ErrorShape) => {
    const mapped = serverFieldErrors(error.fields);
    setServerErrors(mapped.errors);
    if (firstProblem(mapped.errors)) reportProblems(mapped.errors, null);
    else {
      setSaveProblem([error.message, ...mapped.other].join(' '));
      toast.error('The schedule was not saved', error);
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSubmitted(true);
    if (!validation.ok) {
      reportProblems(validation.errors, null);
      return;
    }
    setSaving(true);
    try {
      if (props.mode === 'create') {
        const input = validateCreate(form);
        if (!input.ok) return;
        const result = await call('schedules/create', input.value);
        if (!result.ok) return onServerError(result.error);
        const { schedule, execution } = result.value;
        toast.success(
          `Schedule created for ${schedule.chart.name}`,
          execution ? `Sync started (execution #${execution.id}).` : undefined,
        );
        navigate(hrefOf({ screen: 'schedule-detail', id: schedule.id }));
      } else {
        const changes = validateEdit(form, props.schedule);
        if (!changes.ok) return;
        if (Object.keys(changes.value).length === 0) {
          toast.info('Nothing to save', 'No setting was changed.');
          navigate(hrefOf({ screen: 'schedule-detail', id: props.schedule.id }));
          return;
        }
        const result = await call('schedules/update', { id: props.schedule.id, changes: changes.value });
        if (!result.ok) return onServerError(result.error);
        toast.success(`Schedule saved for ${result.value.chart.name}`);
        navigate(hrefOf({ screen: 'schedule-detail', id: result.value.id }));
      }
    } finally {
      setSaving(false);
    }
  };

  const cancel = async () => {
    if (!sameForm(form, initial)) {
      const discard = await confirm({
        title: 'Discard your changes?',
        message: 'The schedule keeps its saved settings; what you changed here is lost.',
        confirmLabel: 'Discard changes',
        danger: true,
      });
      if (!discard) return;
    }
    if (props.mode === 'edit') navigate(hrefOf({ screen: 'schedule-detail', id: props.schedule.id }));
    else if (window.history.length > 1) window.history.back();
    else navigate(hrefOf({ screen: 'schedules' }));
  };

  const ownFrequency = chart ? detectSyncFrequency(chart.frequency) : null;
  const timing = timingOf(form);
  const keepsGrid = props.mode === 'edit' && !timingChanged(form, props.schedule);

  return (
    <form className="schedule-editor" noValidate onSubmit={(event) => void save(event)} aria-busy={saving}>
      <div className="card editor-chart-card">
        {props.mode === 'edit' ? (
          <p className="editor-chart">
            <span className="editor-chart-label">Chart</span>
            <strong>{props.schedule.chart.name}</strong>{' '}
            <span className="muted">
              {props.schedule.chart.platform} · {props.schedule.chart.countryName} · published{' '}
              {props.schedule.chart.frequency}
            </span>
          </p>
        ) : (
          <>
            <PreselectionNotice chartId={props.chartId} chart={preselected} />
            <FormField
              id={FIELD_ID.chartId}
              label="Chart"
              error={errorOf('chartId')}
              hint={`Charts that have no schedule yet: ${offered.length.toLocaleString('en')} of ${props.charts.length.toLocaleString('en')}.`}
            >
              {(control) => (
                <ChartCombobox
                  id={control.id}
                  charts={offered}
                  value={form.chartId}
                  onChange={chooseChart}
                  onBlur={() => touch('chartId')}
                  invalid={control['aria-invalid']}
                  describedBy={control['aria-describedby']}
                  placeholder="Search by name, platform or country"
                  disabled={offered.length === 0}
                />
              )}
            </FormField>
          </>
        )}
      </div>

      <fieldset className="card">
        <legend>When to sync</legend>
        <FormField
          id={FIELD_ID.syncFrequency}
          label="Frequency"
          error={errorOf('syncFrequency')}
          hint={<FrequencyHint chart={chart} frequency={form.syncFrequency} />}
        >
          {(control) => (
            <select
              {...control}
              value={form.syncFrequency}
              onChange={(event) => {
                setFrequencyChosen(true);
                update('syncFrequency', event.target.value as SyncFrequency, 'syncFrequency');
              }}
            >
              {SYNC_FREQUENCIES.map((f) => (
                <option key={f} value={f}>
                  {FREQUENCY_LABEL[f]}
                  {f === ownFrequency ? " — chart's own frequency" : ''}
                </option>
              ))}
            </select>
          )}
        </FormField>

        {form.syncFrequency === 'custom' && (
          <FormField
            id={FIELD_ID.customIntervalHours}
            label="Interval in hours"
            error={errorOf('customIntervalHours')}
            hint={`A whole number of hours from ${CUSTOM_INTERVAL_HOURS_MIN} to ${CUSTOM_INTERVAL_HOURS_MAX.toLocaleString('en')}.`}
          >
            {(control) => (
              <input
                {...control}
                type="number"
                inputMode="numeric"
                min={CUSTOM_INTERVAL_HOURS_MIN}
                max={CUSTOM_INTERVAL_HOURS_MAX}
                step={1}
                value={form.customIntervalHours}
                onChange={(event) => update('customIntervalHours', event.target.value, 'customIntervalHours')}
              />
            )}
          </FormField>
        )}

        {form.syncFrequency === 'cron' && (
          <div className="cron-fields">
            <FormField
              id={FIELD_ID.cronExpression}
              label="Cron expression"
              error={errorOf('cronExpression')}
              hint={
                <>
                  Five fields: minute, hour, day of month, month, day of week. <code>0 6 * * *</code> runs
                  every day at 06:00; <code>30 5 * * 1</code> on Mondays at 05:30.
                </>
              }
            >
              {(control) => (
                <input
                  {...control}
                  type="text"
                  className="cron-input"
                  spellCheck={false}
                  autoComplete="off"
                  value={form.cronExpression}
                  onChange={(event) => update('cronExpression', event.target.value, 'cronExpression')}
                />
              )}
            </FormField>
            <FormField
              id={FIELD_ID.timeZone}
              label="Time zone"
              error={errorOf('timeZone')}
              hint={`The runs follow this zone's clock, daylight saving included. Yours is ${operatorZone}.`}
            >
              {(control) => (
                <>
                  <input
                    {...control}
                    type="text"
                    list={TIME_ZONE_LIST_ID}
                    spellCheck={false}
                    autoComplete="off"
                    value={form.timeZone}
                    onChange={(event) => update('timeZone', event.target.value, 'timeZone')}
                  />
                  <datalist id={TIME_ZONE_LIST_ID}>
                    {timeZoneNames().map((zone) => (
                      <option key={zone} value={zone} />
                    ))}
                  </datalist>
                </>
              )}
            </FormField>
          </div>
        )}

        <NextRunsList
          timing={timing}
          anchorAt={keepsGrid && props.mode === 'edit' ? props.schedule.anchorAt : null}
          operatorZone={operatorZone}
          note={
            form.syncFrequency === 'cron'
              ? ''
              : keepsGrid
                ? 'The schedule keeps its current rhythm.'
                : 'Counted from the moment you save.'
          }
        />
      </fieldset>

      <fieldset className="card">
        <legend>What to sync</legend>
        <FormField
          id={FIELD_ID.historyWindowDays}
          label="History window (days)"
          error={errorOf('historyWindowDays')}
          hint={`How far back missing rankings are looked for: ${HISTORY_WINDOW_DAYS_MIN} to ${HISTORY_WINDOW_DAYS_MAX.toLocaleString('en')} days; ${DEFAULT_HISTORY_WINDOW_DAYS} is one year.`}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={HISTORY_WINDOW_DAYS_MIN}
              max={HISTORY_WINDOW_DAYS_MAX}
              step={1}
              value={form.historyWindowDays}
              onChange={(event) => update('historyWindowDays', event.target.value, 'historyWindowDays')}
            />
          )}
        </FormField>
        <ToggleField
          id="schedule-historical"
          label="Sync historical data"
          hint="Fetch every missing ranking of the history window; off, each sync fetches only the latest one."
          checked={form.syncHistoricalData}
          onChange={(checked) => update('syncHistoricalData', checked)}
        />
        <ToggleField
          id="schedule-track-metadata"
          label="Fetch track metadata"
          hint={`Fetch metadata of new tracks, and of tracks whose metadata is older than ${METADATA_MAX_AGE_DAYS} days.`}
          checked={form.fetchTrackMetadata}
          onChange={(checked) => update('fetchTrackMetadata', checked)}
        />
      </fieldset>

      <fieldset className="card">
        <legend>Status</legend>
        <ToggleField
          id="schedule-active"
          label="Active"
          hint="An inactive schedule keeps its settings but does not sync until it is activated."
          checked={form.isActive}
          onChange={(checked) => update('isActive', checked)}
        />
        {props.mode === 'create' && (
          <ToggleField
            id="schedule-sync-immediately"
            label="Sync immediately"
            hint="Start a sync as soon as the schedule is saved, rather than at its first scheduled run."
            checked={form.syncImmediately}
            onChange={(checked) => update('syncImmediately', checked)}
          />
        )}
      </fieldset>

      <div className="editor-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : props.mode === 'create' ? 'Create schedule' : 'Save changes'}
        </button>
        <button type="button" onClick={() => void cancel()} disabled={saving}>
          Cancel
        </button>
        {saveProblem && (
          <p className="field-error save-problem" role="alert">
            {saveProblem}
          </p>
        )}
      </div>
    </form>
  );
}

/** Says what the frequency means for this chart, and whether it is the chart's own. */
function FrequencyHint({ chart, frequency }: { chart: ChartSummary | null; frequency: SyncFrequency }) {
  if (!chart) return <>Choose a chart: its own publishing frequency is suggested.</>;
  const own = detectSyncFrequency(chart.frequency);
  const known = own === chart.frequency.trim().toLowerCase();
  const published = known
    ? `Soundcharts publishes this chart ${own}.`
    : `Soundcharts does not say how often it publishes this chart ("${chart.frequency}"), so ${own} is suggested.`;
  return frequency === own ? (
    <>Chart&apos;s own frequency. {published}</>
  ) : (
    <>
      {published} Its own frequency would be {own}.
    </>
  );
}

/** A link from the Charts screen may name a chart that cannot get a new schedule: say why rather than drop it. */
function PreselectionNotice({ chartId, chart }: { chartId: number | null; chart: ChartListItem | null }) {
  if (chartId === null) return null;
  if (!chart) {
    return (
      <p className="editor-notice" role="status">
        Chart {chartId} does not exist (any more). Choose another chart below.
      </p>
    );
  }
  if (chart.scheduleId !== null) {
    return (
      <p className="editor-notice" role="status">
        {chartLabel(chart)} already has a schedule:{' '}
        <a href={hrefOf({ screen: 'schedule-edit', id: chart.scheduleId })}>edit that one</a> instead, or
        choose another chart below.
      </p>
    );
  }
  return null;
}
