import { useState, type FormEvent } from 'react';
import { EXPORT_DATASETS, EXPORT_FORMATS } from '../../../../shared/domain/export-kinds';
import { DateFilter } from '../../components/date-filter';
import { useCallResult } from '../../components/use-call-result';
import { useModalDialog } from '../../components/use-modal-dialog';
import { hrefOf } from '../../routing/routes';
import { navigate } from '../../routing/use-route';
import { useApp } from '../../store/app-store';
import { toast } from '../../store/toast-store';
import { call } from '../../transport/api';
import { host } from '../../transport/host';
import { ChartChips } from './chart-chips';
import {
  engineProblems,
  exportInput,
  formFromPreset,
  formProblems,
  takesBom,
  takesFilters,
  type ExportField,
  type ExportFieldErrors,
  type ExportForm,
  type ExportPreset,
} from './export-form';
import {
  allChartsText,
  DATASET_HINT,
  DATASET_LABEL,
  exportsFolderOf,
  exportTitle,
  FORMAT_LABEL,
} from './export-labels';
import { useExportDialog } from './export-dialog-store';
import './exports.css';

const FIELD_ID: Record<ExportField, string> = {
  dataset: 'export-dataset',
  format: 'export-format-csv',
  charts: 'export-charts',
  from: 'export-from',
  to: 'export-to',
  sinceLast: 'export-since-last',
  bom: 'export-bom',
  out: 'export-out',
};

/** What the date range filters, per dataset. */
const DATES_HINT: Record<string, string> = {
  rankings: 'Ranking dates, both included.',
  songs: 'Songs on a chart between these dates, both included.',
  audience: 'Audience dates, both included.',
  executions: 'The day each sync was created, both included.',
};

/** The New export dialog, mounted once beside the app's screens (a native modal <dialog>, Escape closes it). */
export function ExportDialog() {
  const preset = useExportDialog((s) => s.preset);
  const opening = useExportDialog((s) => s.opening);
  const close = useExportDialog((s) => s.close);
  const { ref } = useModalDialog(preset !== null);

  return (
    <dialog
      ref={ref}
      className="export-dialog"
      aria-labelledby="export-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      {preset && <ExportDialogForm key={opening} preset={preset} onClose={close} />}
    </dialog>
  );
}

function ExportDialogForm({ preset, onClose }: { preset: ExportPreset; onClose(): void }) {
  const [form, setForm] = useState<ExportForm>(() => formFromPreset(preset));
  const [submitted, setSubmitted] = useState(false);
  const [engineErrors, setEngineErrors] = useState<ExportFieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const charts = useCallResult(() => call('charts/list', {}), []);
  const databaseFile = useApp((s) => s.status?.databaseFile ?? null);
  const browser = host().exportFileUrl !== null;
  const chooseSaveFile = host().chooseSaveFile;

  const problems = formProblems(form);
  const shown = (field: ExportField) => engineErrors[field] ?? (submitted ? problems[field] : undefined);
  const change = (patch: Partial<ExportForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setEngineErrors({});
    setGeneral(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const first = (Object.keys(FIELD_ID) as ExportField[]).find((field) => problems[field]);
    if (first) {
      document.getElementById(FIELD_ID[first])?.focus();
      return;
    }
    setStarting(true);
    const result = await call('exports/start', exportInput(form));
    setStarting(false);
    if (!result.ok) {
      const { fields, general: rest } = engineProblems(result.error);
      setEngineErrors(fields);
      setGeneral(rest);
      const field = (Object.keys(FIELD_ID) as ExportField[]).find((f) => fields[f]);
      if (field) document.getElementById(FIELD_ID[field])?.focus();
      return;
    }
    onClose();
    toast.success(`Export #${result.value.id} started`, `${exportTitle(result.value)}: it shows in Exports.`);
    navigate(hrefOf({ screen: 'exports' }));
  };

  const chooseFile = async () => {
    if (!chooseSaveFile) return;
    const path = await chooseSaveFile(`${form.dataset}.${form.format}`);
    if (path !== null) change({ destination: 'path', out: path });
  };

  const filtered = takesFilters(form.dataset);
  const error = (field: ExportField) => {
    const message = shown(field);
    return message ? (
      <p id={`${FIELD_ID[field]}-error`} className="field-error">
        {message}
      </p>
    ) : null;
  };
  const invalid = (field: ExportField) => (shown(field) ? true : undefined);
  const described = (field: ExportField, hint?: string) =>
    [shown(field) ? `${FIELD_ID[field]}-error` : null, hint ?? null].filter(Boolean).join(' ') || undefined;
  const folder = databaseFile ? exportsFolderOf(databaseFile) : null;

  return (
    <form className="export-form" noValidate onSubmit={(event) => void submit(event)}>
      <h2 id="export-dialog-title">New export</h2>
      <div className="export-form-body">
        <div className="export-field">
          <label htmlFor={FIELD_ID.dataset}>Dataset</label>
          <select
            id={FIELD_ID.dataset}
            value={form.dataset}
            aria-invalid={invalid('dataset')}
            aria-describedby={described('dataset', 'export-dataset-hint')}
            onChange={(event) => change({ dataset: event.target.value as ExportForm['dataset'] })}
          >
            {EXPORT_DATASETS.map((dataset) => (
              <option key={dataset} value={dataset}>
                {DATASET_LABEL[dataset]}
              </option>
            ))}
          </select>
          {error('dataset')}
          <p id="export-dataset-hint" className="field-hint muted">
            {DATASET_HINT[form.dataset]}
          </p>
        </div>

        {filtered && (
          <fieldset className="export-field export-formats" aria-describedby={described('format')}>
            <legend>Format</legend>
            <div className="export-choices">
              {EXPORT_FORMATS.map((format) => (
                <label key={format} className="export-choice">
                  <input
                    type="radio"
                    name="export-format"
                    id={`export-format-${format}`}
                    value={format}
                    checked={form.format === format}
                    onChange={() => change({ format })}
                  />
                  {FORMAT_LABEL[format]}
                </label>
              ))}
            </div>
            {error('format')}
          </fieldset>
        )}

        {filtered && (
          <div className="export-field">
            <label htmlFor={FIELD_ID.charts}>Charts</label>
            {charts.data.state === 'error' ? (
              <p className="field-error">Could not load the charts: {charts.data.error.message}</p>
            ) : (
              <ChartChips
                id={FIELD_ID.charts}
                charts={charts.data.state === 'ready' ? charts.data.value : []}
                value={form.charts}
                invalid={invalid('charts')}
                describedBy={described('charts', 'export-charts-hint')}
                onChange={(slugs) => change({ charts: slugs })}
              />
            )}
            {error('charts')}
            <p id="export-charts-hint" className="field-hint muted">
              None chosen: {allChartsText(form.dataset)}.
            </p>
          </div>
        )}

        {filtered && (
          <div className="export-field">
            <div className="export-dates">
              <DateFilter
                id={FIELD_ID.from}
                label="From"
                value={form.from}
                rangeProblem={shown('from') ?? null}
                rangeProblemId={`${FIELD_ID.from}-error`}
                onChange={(from) => change({ from })}
              />
              <DateFilter
                id={FIELD_ID.to}
                label="To"
                value={form.to}
                rangeProblem={shown('to') ?? null}
                rangeProblemId={`${FIELD_ID.to}-error`}
                onChange={(to) => change({ to })}
              />
            </div>
            {error('from')}
            {error('to')}
            <p className="field-hint muted">{DATES_HINT[form.dataset]} Empty: no limit.</p>
          </div>
        )}

        {filtered && (
          <div className="export-field export-toggles">
            <label>
              <input
                id={FIELD_ID.sinceLast}
                type="checkbox"
                checked={form.sinceLast}
                aria-describedby="export-since-last-hint"
                onChange={(event) => change({ sinceLast: event.target.checked })}
              />{' '}
              Only rows since the last export
            </label>
            <p id="export-since-last-hint" className="field-hint muted">
              Rows added since the last completed export of this dataset to the same place.
            </p>
            {error('sinceLast')}
            {takesBom(form) && (
              <>
                <label>
                  <input
                    id={FIELD_ID.bom}
                    type="checkbox"
                    checked={form.bom}
                    aria-describedby="export-bom-hint"
                    onChange={(event) => change({ bom: event.target.checked })}
                  />{' '}
                  BOM for Excel
                </label>
                <p id="export-bom-hint" className="field-hint muted">
                  Starts the file with a UTF-8 byte-order mark, so Excel reads accents and CJK titles right.
                </p>
                {error('bom')}
              </>
            )}
          </div>
        )}

        <fieldset className="export-field export-where">
          <legend>Where the file goes</legend>
          <label className="export-choice">
            <input
              type="radio"
              name="export-destination"
              checked={form.destination === 'default'}
              onChange={() => change({ destination: 'default' })}
            />
            <span>
              The exports folder beside the database
              {folder && <code className="export-path">{folder}</code>}
            </span>
          </label>
          <label className="export-choice">
            <input
              type="radio"
              name="export-destination"
              checked={form.destination === 'path'}
              onChange={() => change({ destination: 'path' })}
            />
            Another file
          </label>
          {form.destination === 'path' && (
            <div className="export-out">
              <label htmlFor={FIELD_ID.out} className="visually-hidden">
                Path of the file
              </label>
              <input
                id={FIELD_ID.out}
                type="text"
                spellCheck={false}
                autoComplete="off"
                placeholder="/home/me/exports/rankings.csv"
                value={form.out}
                aria-invalid={invalid('out')}
                aria-describedby={described('out', 'export-out-hint')}
                onChange={(event) => change({ out: event.target.value })}
              />
              {chooseSaveFile && (
                <button type="button" onClick={() => void chooseFile()}>
                  Choose…
                </button>
              )}
            </div>
          )}
          {error('out')}
          <p id="export-out-hint" className="field-hint muted">
            {form.destination === 'path'
              ? 'The full path of a new file on the machine running Chart Sync; its folder must exist.'
              : 'A new file named after the dataset and the time.'}
            {browser && ' When it is done, download it from the Exports list.'}
          </p>
        </fieldset>
      </div>
      {general && (
        <p className="export-form-error field-error" role="alert">
          {general}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={starting}>
          {starting ? 'Starting…' : 'Start export'}
        </button>
      </div>
    </form>
  );
}
