import { detectSyncFrequency, type SyncFrequency } from '../../../../shared/domain/frequency';
import { DEFAULT_HISTORY_WINDOW_DAYS } from '../../../../shared/domain/policies';
import {
  createScheduleInput,
  scheduleTimingInput,
  updateScheduleInput,
  type CreateScheduleInput,
  type UpdateScheduleInput,
} from '../../../../shared/schemas/schedule-input';
import type { ScheduleView } from '../../../../shared/views/schedule-view';

/** The editor's state: numbers stay the text the operator typed, so a half-typed value is never lost. */
export type EditorForm = {
  chartId: number | null;
  syncFrequency: SyncFrequency;
  customIntervalHours: string;
  cronExpression: string;
  timeZone: string;
  historyWindowDays: string;
  syncImmediately: boolean;
  syncHistoricalData: boolean;
  fetchTrackMetadata: boolean;
  isActive: boolean;
};

/** Fields that can be wrong, in the order they appear: the first problem is the first in this list. */
export const EDITOR_FIELDS = [
  'chartId',
  'syncFrequency',
  'customIntervalHours',
  'cronExpression',
  'timeZone',
  'historyWindowDays',
] as const;
export type EditorField = (typeof EDITOR_FIELDS)[number];
export type FieldErrors = Partial<Record<EditorField, string>>;

/** Each field's control id: where a label points, and where the focus goes to show the field's problem. */
export const EDITOR_FIELD_ID: Record<EditorField, string> = {
  chartId: 'schedule-chart',
  syncFrequency: 'schedule-frequency',
  customIntervalHours: 'schedule-custom-hours',
  cronExpression: 'schedule-cron',
  timeZone: 'schedule-time-zone',
  historyWindowDays: 'schedule-history-window',
};

export function isEditorField(name: string): name is EditorField {
  return (EDITOR_FIELDS as readonly string[]).includes(name);
}

/**
 * A new schedule's form: the defaults of `schedules/create` (the history window from the operator's setting),
 * and the chart's own frequency.
 */
export function newScheduleForm(
  chart: { id: number; frequency: string } | null,
  operatorZone: string,
  historyWindowDays: number = DEFAULT_HISTORY_WINDOW_DAYS,
): EditorForm {
  return {
    chartId: chart?.id ?? null,
    syncFrequency: detectSyncFrequency(chart?.frequency),
    customIntervalHours: '',
    cronExpression: '',
    timeZone: operatorZone,
    historyWindowDays: String(historyWindowDays),
    syncImmediately: false,
    syncHistoricalData: true,
    fetchTrackMetadata: true,
    isActive: true,
  };
}

export function formOfSchedule(schedule: ScheduleView, operatorZone: string): EditorForm {
  return {
    chartId: schedule.chart.id,
    syncFrequency: schedule.syncFrequency,
    customIntervalHours: schedule.customIntervalHours === null ? '' : String(schedule.customIntervalHours),
    cronExpression: schedule.cronExpression ?? '',
    timeZone: schedule.timeZone ?? operatorZone,
    historyWindowDays: String(schedule.historyWindowDays),
    syncImmediately: schedule.syncImmediately,
    syncHistoricalData: schedule.syncHistoricalData,
    fetchTrackMetadata: schedule.fetchTrackMetadata,
    isActive: schedule.isActive,
  };
}

/** '' is "not given" (null); anything that is not a plain decimal number is NaN, which validation names. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^[+-]?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export type TimingValues = {
  syncFrequency: SyncFrequency;
  customIntervalHours: number | null;
  cronExpression: string | null;
  timeZone: string | null;
};

/**
 * The timing the form describes. Fields of other frequencies are not part of it (the engine clears them too),
 * so a cron expression typed and then abandoned for "daily" is neither validated nor saved.
 */
export function timingOf(form: EditorForm): TimingValues {
  const frequency = form.syncFrequency;
  return {
    syncFrequency: frequency,
    customIntervalHours: frequency === 'custom' ? parseNumber(form.customIntervalHours) : null,
    cronExpression: frequency === 'cron' ? form.cronExpression.trim() : null,
    timeZone: frequency === 'cron' ? form.timeZone.trim() : null,
  };
}

type Issue = { readonly path: readonly PropertyKey[]; readonly message: string };

/** Keeps the first message per field: the most basic problem is the one to fix first. */
function collect(errors: FieldErrors, issues: readonly Issue[] | undefined): void {
  for (const issue of issues ?? []) {
    const field = String(issue.path[0] ?? '');
    if (isEditorField(field) && errors[field] === undefined) errors[field] = issue.message;
  }
}

/** Messages for text that is not a number at all, which the schemas could only call "NaN". */
function numberProblems(form: EditorForm, timing: TimingValues): FieldErrors {
  const errors: FieldErrors = {};
  if (Number.isNaN(timing.customIntervalHours)) {
    errors.customIntervalHours = 'Enter the interval as a whole number of hours, such as 6.';
  }
  const days = parseNumber(form.historyWindowDays);
  if (days === null) errors.historyWindowDays = 'Enter how many days of history to keep, such as 365.';
  else if (Number.isNaN(days)) {
    errors.historyWindowDays = 'Enter the history window as a whole number of days, such as 365.';
  }
  return errors;
}

/** The timing with NaN turned into "not given", for the schemas (whose message for NaN says nothing useful). */
function checkableTiming(timing: TimingValues): TimingValues {
  const hours = timing.customIntervalHours;
  return { ...timing, customIntervalHours: hours === null || Number.isNaN(hours) ? null : hours };
}

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

function finish<T>(errors: FieldErrors, value: T): Validation<T> {
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** The form as `schedules/create` input, checked by the very schemas the engine applies. */
export function validateCreate(form: EditorForm): Validation<CreateScheduleInput> {
  const timing = timingOf(form);
  const errors: FieldErrors = {};
  if (form.chartId === null) errors.chartId = 'Choose the chart to schedule.';
  Object.assign(errors, numberProblems(form, timing));
  const checkable = checkableTiming(timing);
  const input: CreateScheduleInput = {
    chartId: form.chartId ?? 0,
    syncFrequency: timing.syncFrequency,
    ...(timing.syncFrequency === 'custom' ? { customIntervalHours: checkable.customIntervalHours } : {}),
    ...(timing.syncFrequency === 'cron'
      ? { cronExpression: timing.cronExpression, timeZone: timing.timeZone }
      : {}),
    isActive: form.isActive,
    syncImmediately: form.syncImmediately,
    syncHistoricalData: form.syncHistoricalData,
    fetchTrackMetadata: form.fetchTrackMetadata,
    historyWindowDays: parseNumber(form.historyWindowDays) ?? Number.NaN,
  };
  collect(errors, createScheduleInput.safeParse(input).error?.issues);
  // The object schema skips its cross-field check while any field is wrong; the timing is checked on its own so
  // that every problem shows at once.
  collect(errors, scheduleTimingInput.safeParse(checkable).error?.issues);
  return finish(errors, input);
}

/** The form as a `schedules/update` change: only what differs from the stored schedule. */
export function validateEdit(form: EditorForm, original: ScheduleView): Validation<UpdateScheduleInput> {
  const timing = timingOf(form);
  const errors = numberProblems(form, timing);
  const checkable = checkableTiming(timing);
  const historyWindowDays = parseNumber(form.historyWindowDays) ?? Number.NaN;
  const full: UpdateScheduleInput = {
    ...checkable,
    isActive: form.isActive,
    syncHistoricalData: form.syncHistoricalData,
    fetchTrackMetadata: form.fetchTrackMetadata,
    historyWindowDays,
  };
  collect(errors, updateScheduleInput.safeParse(full).error?.issues);
  collect(errors, scheduleTimingInput.safeParse(checkable).error?.issues);

  const changes: UpdateScheduleInput = {};
  const frequency = timing.syncFrequency;
  if (frequency !== original.syncFrequency) changes.syncFrequency = frequency;
  if (frequency === 'custom' && checkable.customIntervalHours !== original.customIntervalHours) {
    changes.customIntervalHours = checkable.customIntervalHours;
  }
  if (frequency === 'cron') {
    if (timing.cronExpression !== original.cronExpression) changes.cronExpression = timing.cronExpression;
    if (timing.timeZone !== original.timeZone) changes.timeZone = timing.timeZone;
  }
  if (form.isActive !== original.isActive) changes.isActive = form.isActive;
  if (form.syncHistoricalData !== original.syncHistoricalData) {
    changes.syncHistoricalData = form.syncHistoricalData;
  }
  if (form.fetchTrackMetadata !== original.fetchTrackMetadata) {
    changes.fetchTrackMetadata = form.fetchTrackMetadata;
  }
  if (historyWindowDays !== original.historyWindowDays) changes.historyWindowDays = historyWindowDays;
  return finish(errors, changes);
}

/** Whether the saved timing would differ from the schedule's: the engine then restarts its grid at save time. */
export function timingChanged(form: EditorForm, original: ScheduleView): boolean {
  const timing = checkableTiming(timingOf(form));
  return (
    timing.syncFrequency !== original.syncFrequency ||
    timing.customIntervalHours !== original.customIntervalHours ||
    timing.cronExpression !== original.cronExpression ||
    timing.timeZone !== original.timeZone
  );
}

export function firstProblem(errors: FieldErrors): { field: EditorField; message: string } | null {
  for (const field of EDITOR_FIELDS) {
    const message = errors[field];
    if (message !== undefined) return { field, message };
  }
  return null;
}

/**
 * The engine's per-field messages, keyed by input path: "changes.cronExpression" for an update. Messages about
 * anything the form has no field for are returned apart, to be shown by the Save button.
 */
export function serverFieldErrors(fields: Record<string, string> | undefined): {
  errors: FieldErrors;
  other: string[];
} {
  const errors: FieldErrors = {};
  const other: string[] = [];
  for (const [path, message] of Object.entries(fields ?? {})) {
    const name = path.replace(/^changes\./, '').split('.')[0] ?? '';
    if (isEditorField(name)) errors[name] ??= message;
    else other.push(message);
  }
  return { errors, other };
}

export function sameForm(a: EditorForm, b: EditorForm): boolean {
  return (Object.keys(a) as (keyof EditorForm)[]).every((key) => a[key] === b[key]);
}
