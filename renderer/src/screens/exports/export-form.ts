import type { CallInput } from '../../../../shared/contract/calls';
import type { ExportDataset, ExportFormat } from '../../../../shared/domain/export-kinds';
import type { ErrorShape } from '../../../../shared/errors';
import { exportStartInput } from '../../../../shared/schemas/export-input';

/** What the New export dialog holds while the operator fills it in. */
export type ExportForm = {
  dataset: ExportDataset;
  format: ExportFormat;
  /** Chart slugs (ids are accepted too); empty = every scheduled chart. */
  charts: string[];
  /** Calendar dates 'YYYY-MM-DD'. */
  from: string | null;
  to: string | null;
  sinceLast: boolean;
  bom: boolean;
  /** The exports folder beside the database, or a path the operator typed. */
  destination: 'default' | 'path';
  out: string;
};

/** What another screen can fill in when it opens the dialog (the Charts selection: its charts' rankings). */
export type ExportPreset = Partial<Pick<ExportForm, 'dataset' | 'format' | 'charts' | 'from' | 'to'>>;

export const EMPTY_EXPORT_FORM: ExportForm = {
  dataset: 'rankings',
  format: 'csv',
  charts: [],
  from: null,
  to: null,
  sinceLast: false,
  bom: false,
  destination: 'default',
  out: '',
};

export function formFromPreset(preset: ExportPreset = {}): ExportForm {
  return { ...EMPTY_EXPORT_FORM, ...preset, charts: [...(preset.charts ?? [])] };
}

/** A backup is the whole database as a SQLite file: it has no format and no filters. */
export function takesFilters(dataset: ExportDataset): boolean {
  return dataset !== 'backup';
}

/** The byte-order mark is for Excel opening a text file; a workbook or NDJSON has none. */
export function takesBom(form: Pick<ExportForm, 'dataset' | 'format'>): boolean {
  return takesFilters(form.dataset) && (form.format === 'csv' || form.format === 'tsv');
}

/** The contract's input for the form: only what applies to the chosen dataset and format is sent. */
export function exportInput(form: ExportForm): CallInput<'exports/start'> {
  const out = form.destination === 'path' ? { out: form.out.trim() } : {};
  if (!takesFilters(form.dataset)) return { dataset: form.dataset, ...out };
  return {
    dataset: form.dataset,
    format: form.format,
    charts: form.charts,
    ...(form.from !== null ? { from: form.from } : {}),
    ...(form.to !== null ? { to: form.to } : {}),
    sinceLast: form.sinceLast,
    bom: takesBom(form) && form.bom,
    ...out,
  };
}

export type ExportField = 'dataset' | 'format' | 'charts' | 'from' | 'to' | 'sinceLast' | 'bom' | 'out';
export type ExportFieldErrors = Partial<Record<ExportField, string>>;

const FIELDS: readonly ExportField[] = [
  'dataset',
  'format',
  'charts',
  'from',
  'to',
  'sinceLast',
  'bom',
  'out',
];

/** The form field a problem's path names ("charts.2" is the charts field); null for the input as a whole. */
export function fieldOf(path: string): ExportField | null {
  const first = path.split('.')[0] ?? '';
  return (FIELDS as readonly string[]).includes(first) ? (first as ExportField) : null;
}

/**
 * The problems the engine would find, found first with its own schema, each under its field; the first problem
 * of a field is the one shown.
 */
export function formProblems(form: ExportForm): ExportFieldErrors {
  const problems: ExportFieldErrors = {};
  if (form.destination === 'path' && form.out.trim() === '') {
    problems.out = 'Write the path of the file to create, or choose the exports folder.';
  }
  const parsed = exportStartInput.safeParse(exportInput(form));
  if (parsed.success) return problems;
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path.join('.'));
    if (field && problems[field] === undefined) problems[field] = issue.message;
  }
  return problems;
}

/**
 * The engine's refusal split into what belongs under a field and what does not (the dialog shows that above
 * its buttons, as it does a refusal that names no field: a folder that does not exist, a busy database).
 */
export function engineProblems(error: ErrorShape): { fields: ExportFieldErrors; general: string | null } {
  const fields: ExportFieldErrors = {};
  const unplaced: string[] = [];
  for (const [path, message] of Object.entries(error.fields ?? {})) {
    const field = fieldOf(path);
    if (field && fields[field] === undefined) fields[field] = message;
    else if (!field) unplaced.push(message);
  }
  if (Object.keys(fields).length === 0) return { fields, general: error.message };
  return { fields, general: unplaced.length > 0 ? unplaced.join(' ') : null };
}
