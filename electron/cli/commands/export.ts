import { resolve } from 'node:path';
import { callContract, wholeNumberOption } from '../contract-call';
import type { Command } from 'commander';
import type { CallInput } from '../../../shared/contract/calls';
import { EXPORT_DATASETS, EXPORT_FORMATS } from '../../../shared/domain/export-kinds';
import type { ExportView } from '../../../shared/views/export';
import type { Engine } from '../../engine/engine';
import { formatCount, plural } from '../format/numbers';
import { formatTable } from '../format/table';
import { formatDuration, formatInstant, NONE } from '../format/time';
import { withEngine } from '../open-engine';
import { CommandExit, note, print, printJson } from '../output';
import { ProgressBar } from '../progress-bar';

type ExportOptions = {
  format?: string;
  chart: string[];
  from?: string;
  to?: string;
  sinceLast?: boolean;
  bom?: boolean;
  out?: string;
  json?: boolean;
};

/** `chart-sync export <dataset>` and `chart-sync exports`: the Exports section on the command line. */
export function registerExportCommands(program: Command): void {
  program
    .command('export')
    .description(
      'export stored data to a file (rankings, songs, audience, executions as CSV, TSV, XLSX or NDJSON), or back up the database',
    )
    .argument('<dataset>', `what to export: ${EXPORT_DATASETS.join(', ')}`)
    .option('--format <format>', `file format: ${EXPORT_FORMATS.join(', ')} (not for backup)`)
    .option(
      '--chart <chart>',
      'only this chart (id or slug); repeat for more; default: every scheduled chart',
      collect,
      [],
    )
    .option('--from <date>', 'from this date (YYYY-MM-DD), inclusive')
    .option('--to <date>', 'up to this date (YYYY-MM-DD), inclusive')
    .option('--since-last', 'only what was added since the last export of this dataset to the same file')
    .option('--bom', 'start a CSV or TSV file with a UTF-8 byte-order mark (for Excel)')
    .option(
      '--out <file>',
      'the file to write; default: a new file in the exports folder beside the database',
    )
    .option('--json', 'print the export record as JSON')
    .action(async (dataset: string, options: ExportOptions, command: Command) => {
      const outcome = await withEngine(command, ({ engine }) => runExport(engine, dataset, options));
      if (outcome !== 'completed') throw new CommandExit(outcome === 'cancelled' ? 130 : 1);
    });

  program
    .command('exports')
    .description('list past exports, newest first: dataset, format, rows, file, who, how it ended')
    .option('--limit <n>', 'at most this many', '50')
    .option('--json', 'print them as JSON')
    .action(async (options: { limit: string; json?: boolean }, command: Command) => {
      await withEngine(command, async ({ engine }) => {
        const page = await callContract(engine, 'exports/list', {
          limit: wholeNumberOption('--limit', options.limit),
          offset: 0,
        });
        if (options.json) printJson(page);
        else print(formatExports(page.items, page.total));
      });
    });
}

async function runExport(
  engine: Engine,
  dataset: string,
  options: ExportOptions,
): Promise<ExportView['status']> {
  const input = {
    dataset,
    ...(options.format === undefined ? {} : { format: options.format }),
    charts: options.chart,
    ...(options.from === undefined ? {} : { from: options.from }),
    ...(options.to === undefined ? {} : { to: options.to }),
    sinceLast: options.sinceLast ?? false,
    bom: options.bom ?? false,
    // The contract takes an absolute path; a command line names files from where it runs.
    ...(options.out === undefined ? {} : { out: resolve(options.out) }),
  } as CallInput<'exports/start'>;
  const bar = new ProgressBar(process.stderr, 'rows');
  let id: number | null = null;
  const stopProgress = engine.events.on('export/progress', (progress) => {
    if (progress.id !== id || progress.totalRows === null) return;
    bar.update({ done: progress.rows, total: progress.totalRows });
  });
  // Ctrl-C cancels: the temporary file is removed and nothing appears under the target name.
  const onInterrupt = () => {
    if (id !== null) void engine.exports.cancel(id).catch(() => {});
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);
  try {
    const started = await callContract(engine, 'exports/start', input);
    id = started.id;
    const view = await engine.exports.finished(started.id);
    bar.finish();
    if (options.json) printJson(view);
    note(summaryLine(view));
    return view.status;
  } finally {
    bar.finish();
    stopProgress();
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
  }
}

/** One line at the end: what was written where, or why nothing was. */
export function summaryLine(view: ExportView): string {
  const took = view.completedAt === null ? '' : ` in ${formatDuration(view.completedAt - view.startedAt)}`;
  switch (view.status) {
    case 'completed':
      return view.dataset === 'backup'
        ? `Backed up the database (${formatBytes(view.bytes)}) to ${view.destination}${took}.`
        : `Exported ${plural(view.rows, 'row')} of ${view.dataset} (${formatBytes(view.bytes)}) to ${view.destination}${took}.`;
    case 'cancelled':
      return `Cancelled: nothing was written to ${view.destination}.`;
    case 'failed':
      return `Export failed, nothing was written to ${view.destination}: ${view.error ?? 'see the log'}`;
    case 'running':
      return `Export ${view.id} is still running.`;
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function formatExports(items: readonly ExportView[], total: number): string {
  if (items.length === 0) return 'No exports yet; `chart-sync export rankings --format csv` makes one.';
  const table = formatTable(items, [
    { header: 'id', value: (e) => String(e.id), align: 'right' },
    { header: 'started', value: (e) => formatInstant(e.startedAt) },
    { header: 'dataset', value: (e) => e.dataset },
    { header: 'format', value: (e) => e.format ?? 'sqlite' },
    { header: 'status', value: (e) => e.status },
    { header: 'rows', value: (e) => (e.dataset === 'backup' ? NONE : formatCount(e.rows)), align: 'right' },
    { header: 'size', value: (e) => (e.bytes > 0 ? formatBytes(e.bytes) : NONE), align: 'right' },
    { header: 'by', value: (e) => e.actor ?? NONE },
    {
      header: 'file',
      value: (e) => (e.status === 'failed' ? `${e.destination} (${e.error ?? 'failed'})` : e.destination),
    },
  ]);
  const more = total > items.length ? `${items.length} of ${total} exports; --limit shows more.\n` : '';
  return table + more;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
