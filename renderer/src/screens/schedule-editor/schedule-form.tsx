import { useMemo, useState, type FormEvent } from 'react';
import { detectSyncFrequency } from '../../../../shared/domain/frequency';
import {
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
import { hrefOf } from '../../routing/routes';
import { navigate } from '../../routing/use-route';
import { confirm } from '../../store/confirm-store';
import { toast } from '../../store/toast-store';
import { call } from '../../transport/api';
import {
  EDITOR_FIELD_ID,
  EDITOR_FIELDS,
  firstProblem,
  formOfSchedule,
  newScheduleForm,
  sameForm,
  serverFieldErrors,
  timingChanged,
  validateCreate,
  validateEdit,
  type EditorField,
  type EditorForm,
  type FieldErrors,
} from './editor-form';
import { PreselectionNotice } from './editor-notices';
import { quotaImpactRequest, quotaWarning, quotaWarningNeeded } from './quota-impact';
import { QuotaImpactLine, useQuotaImpact } from './quota-impact-line';
import { FormField, ToggleField, WholeNumberField } from './form-field';
import { TimingFields } from './timing-fields';
import { operatorTimeZone } from './time-zones';

const METADATA_MAX_AGE_DAYS = METADATA_MAX_AGE_MS / DAY_MS;

export type FormProps =
  | {
      mode: 'create';
      charts: ChartListItem[];
      chartId: number | null;
      /** The operator's defaultHistoryWindowDays setting: what a new schedule gets unless changed here. */
      historyWindowDays?: number;
    }
  | { mode: 'edit'; schedule: ScheduleView };

export function ScheduleForm(props: FormProps) {
  const operatorZone = useMemo(operatorTimeZone, []);
  const charts = props.mode === 'create' ? props.charts : null;
  // Only charts without a schedule can get one; a chart has at most one.
  const offered = useMemo(() => charts?.filter((c) => c.scheduleId === null) ?? [], [charts]);
  const preselected = props.mode === 'create' ? (charts?.find((c) => c.id === props.chartId) ?? null) : null;
  const [initial] = useState<EditorForm>(() =>
    props.mode === 'edit'
      ? formOfSchedule(props.schedule, operatorZone)
      : newScheduleForm(
          preselected && preselected.scheduleId === null ? preselected : null,
          operatorZone,
          props.historyWindowDays,
        ),
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
  const original = props.mode === 'edit' ? props.schedule : null;
  const impactRequest = quotaImpactRequest(form, original);
  const impact = useQuotaImpact(impactRequest);
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

  const focusField = (field: EditorField) => document.getElementById(EDITOR_FIELD_ID[field])?.focus();

  /** Says the first problem by the Save button (and how many more there are), then focuses its field. */
  const reportProblems = (errors: FieldErrors, unplaced: readonly string[] = []) => {
    const first = firstProblem(errors);
    if (!first) return;
    const count = EDITOR_FIELDS.filter((f) => errors[f] !== undefined).length;
    const said = count > 1 ? `${first.message} (${count - 1} more below.)` : first.message;
    setSaveProblem([said, ...unplaced].join(' '));
    focusField(first.field);
  };

  // Problems with no field of the form to stand under are said by the Save button, with or without field errors.
  const onServerError = (error: ErrorShape) => {
    const mapped = serverFieldErrors(error.fields);
    setServerErrors(mapped.errors);
    if (firstProblem(mapped.errors)) reportProblems(mapped.errors, mapped.other);
    else {
      setSaveProblem([error.message, ...mapped.other].join(' '));
      toast.error('The schedule was not saved', error);
    }
  };

  /**
   * Asks once more, with the form exactly as it will be saved, whether it would exhaust the quota before the
   * cycle ends; if so the operator decides. A projection that cannot be made never blocks a save.
   */
  const quotaAllows = async (edit: Parameters<typeof quotaWarningNeeded>[1]): Promise<boolean> => {
    if (impactRequest === null) return true;
    const answer = await call('analytics/quota-impact', impactRequest);
    if (!answer.ok || !quotaWarningNeeded(answer.value, edit)) return true;
    return confirm(quotaWarning(answer.value, edit === null));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSubmitted(true);
    if (!validation.ok) {
      reportProblems(validation.errors);
      return;
    }
    setSaving(true);
    try {
      if (props.mode === 'create') {
        const input = validateCreate(form);
        if (!input.ok) return;
        if (!(await quotaAllows(null))) return;
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
        if (!(await quotaAllows({ original: props.schedule, changes: changes.value }))) return;
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
              id={EDITOR_FIELD_ID.chartId}
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

      <TimingFields
        form={form}
        chart={chart}
        errorOf={errorOf}
        update={update}
        onFrequencyChosen={() => setFrequencyChosen(true)}
        operatorZone={operatorZone}
        anchorAt={keepsGrid && props.mode === 'edit' ? props.schedule.anchorAt : null}
        keepsGrid={keepsGrid}
      />

      <fieldset className="card">
        <legend>What to sync</legend>
        <WholeNumberField
          id={EDITOR_FIELD_ID.historyWindowDays}
          label="History window (days)"
          error={errorOf('historyWindowDays')}
          hint={`How far back missing rankings are looked for: ${HISTORY_WINDOW_DAYS_MIN} to ${HISTORY_WINDOW_DAYS_MAX.toLocaleString('en')} days; ${DEFAULT_HISTORY_WINDOW_DAYS} is one year.`}
          min={HISTORY_WINDOW_DAYS_MIN}
          max={HISTORY_WINDOW_DAYS_MAX}
          value={form.historyWindowDays}
          onChange={(value) => update('historyWindowDays', value, 'historyWindowDays')}
        />
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

      <QuotaImpactLine impact={impact} />

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
