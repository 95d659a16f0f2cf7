import type { ExportDataset, ExportFormat, ExportStatus } from '../../../../shared/domain/export-kinds';
import type { ExportProgress } from '../../../../shared/views/export';
import type { ExportFilters, ExportView } from '../../../../shared/views/export';
import { formatCount, formatCountOf } from '../../format/numbers';
import { formatCalendarDate } from '../../format/time';

export const DATASET_LABEL: Record<ExportDataset, string> = {
  rankings: 'Rankings',
  songs: 'Songs',
  audience: 'Audience',
  executions: 'Executions',
  backup: 'Backup',
};

/** What each dataset holds, in a line: the dialog's hint under the choice. */
export const DATASET_HINT: Record<ExportDataset, string> = {
  rankings:
    'One row per chart, date and position: chart, ranking date, position, movement, song, artists, ISRC, metric, time on chart.',
  songs: 'One row per song on the charts: title, artists, ISRC, release date, labels, genres.',
  audience: 'One row per song, platform and date: the audience stored for the songs of the charts.',
  executions: 'One row per sync: chart, trigger, status, times, periods and counts, error.',
  backup:
    'A consistent copy of the whole database (a SQLite file), made while the app keeps running and syncing.',
};

export const FORMAT_LABEL: Record<ExportFormat, string> = {
  csv: 'CSV',
  tsv: 'TSV',
  xlsx: 'Excel (XLSX)',
  ndjson: 'NDJSON',
};

export const STATUS_LABEL: Record<ExportStatus, string> = {
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** Who started an export (the audit log's actors). */
export const EXPORT_ACTOR_LABEL: Record<string, string> = {
  ui: 'Screens',
  rest: 'REST API',
  cli: 'Command line',
  scheduler: 'Scheduler',
};

/** "Rankings · CSV", "Backup": what was exported, in the list's title. */
export function exportTitle(view: Pick<ExportView, 'dataset' | 'format'>): string {
  const dataset = DATASET_LABEL[view.dataset];
  return view.format === null ? dataset : `${dataset} · ${view.format.toUpperCase()}`;
}

/** What an empty chart filter covers: executions of every chart (even unscheduled), else the scheduled charts. */
export function allChartsText(dataset: ExportDataset): string {
  return dataset === 'executions' ? 'every chart' : 'every scheduled chart';
}

/** Charts named in words: the first few as given, then how many more. */
const CHARTS_SHOWN = 3;

/**
 * The filters of an export in words, one phrase each: "charts global-28, fr-42", "1 Nov 2026 to 30 Nov 2026",
 * "only rows since the last export", "with a BOM for Excel". A backup takes none; an export without any filter
 * says what it covered.
 */
export function describeFilters(dataset: ExportDataset, filters: ExportFilters): string[] {
  if (dataset === 'backup') return ['the whole database'];
  const words: string[] = [];
  const { charts } = filters;
  if (charts.length === 0) words.push(allChartsText(dataset));
  else {
    const named = charts.slice(0, CHARTS_SHOWN).join(', ');
    const more = charts.length - CHARTS_SHOWN;
    words.push(
      `${charts.length === 1 ? 'chart' : 'charts'} ${named}${more > 0 ? ` and ${formatCount(more)} more` : ''}`,
    );
  }
  const { from, to } = filters;
  if (from !== null && to !== null) {
    words.push(
      from === to
        ? `on ${formatCalendarDate(from)}`
        : `${formatCalendarDate(from)} to ${formatCalendarDate(to)}`,
    );
  } else if (from !== null) words.push(`from ${formatCalendarDate(from)}`);
  else if (to !== null) words.push(`up to ${formatCalendarDate(to)}`);
  else words.push('all dates');
  if (filters.sinceLast) words.push('only rows since the last export');
  if (filters.bom) words.push('with a BOM for Excel');
  return words;
}

const BYTE_UNITS = ['KB', 'MB', 'GB', 'TB'];

/** "812 bytes", "1.4 KB", "23 MB": decimal units as file managers show them, 2 significant digits below 10. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return formatCountOf(bytes, 'byte');
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  // 999.96 KB rounds to "1000 KB": say 1 MB instead.
  if (rounded >= 1000 && unit < BYTE_UNITS.length - 1) return `1 ${BYTE_UNITS[unit + 1]}`;
  return `${rounded} ${BYTE_UNITS[unit]}`;
}

/** Rows and bytes written so far: the event's when newer than the list's answer, which may lag behind it. */
export function liveCounts(
  view: ExportView,
  progress: ExportProgress | undefined,
): { rows: number; bytes: number; totalRows: number | null } {
  if (view.status !== 'running' || !progress || progress.rows < view.rows) {
    return { rows: view.rows, bytes: view.bytes, totalRows: view.totalRows };
  }
  return { rows: progress.rows, bytes: progress.bytes, totalRows: progress.totalRows ?? view.totalRows };
}

/** "1,200 of 5,000 rows", "1,200 rows so far" (the total is not always known in advance). */
export function progressText(rows: number, totalRows: number | null): string {
  return totalRows !== null && totalRows > 0
    ? `${formatCount(rows)} of ${formatCountOf(totalRows, 'row')}`
    : `${formatCountOf(rows, 'row')} so far`;
}

/** The file's name, the last segment of its path on any system (the host may run on Windows). */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** An export's file exists on disk: it completed, and was written to a file (not streamed over HTTP). */
export function hasFile(view: Pick<ExportView, 'status' | 'destination'>): boolean {
  return view.status === 'completed' && view.destination !== 'rest';
}

/**
 * The exports folder beside a database file, written with the file's own separator (the host may run on Windows):
 * where an export goes when no path is given.
 */
export function exportsFolderOf(databaseFile: string): string {
  const separator = databaseFile.includes('\\') && !databaseFile.includes('/') ? '\\' : '/';
  const cut = Math.max(databaseFile.lastIndexOf('/'), databaseFile.lastIndexOf('\\'));
  const folder = cut < 0 ? '.' : databaseFile.slice(0, cut);
  return `${folder}${separator}exports`;
}
