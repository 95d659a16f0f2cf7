import { UP_TO_DATE_TEXT, wasAlreadyUpToDate } from '../../../shared/domain/execution';
import { requestSummary } from '../../../shared/domain/request-failures';
import type { ChartSummary, ExecutionView } from '../../../shared/views/schedule-view';
import { formatTable, type Column } from './table';
import { formatCount, formatPair, plural } from './numbers';
import { truncate } from './text-width';
import { formatDuration, formatInstant, NONE } from './time';

export type ExecutionWithChart = { execution: ExecutionView; chart: ChartSummary | null };

/** The error column is a reminder; the full message follows the table. */
const ERROR_COLUMN_WIDTH = 60;
/** Failed periods listed in full up to this many; beyond, a count ("and 12 more"). */
const FAILED_PERIODS_SHOWN = 10;

/**
 * Did this execution do its job? Completed did; cancelled was the operator's choice. Anything else (failed,
 * interrupted, or back to pending to retry after an error) did not, and makes the command exit with 1.
 */
export function executionFailed(execution: ExecutionView): boolean {
  return execution.status !== 'completed' && execution.status !== 'cancelled';
}

export function executionStatusText(execution: ExecutionView): string {
  if (wasAlreadyUpToDate(execution)) return UP_TO_DATE_TEXT;
  if (waitsToRetry(execution)) {
    return `retry ${execution.retryCount}/${execution.maxRetries} at ${formatInstant(execution.nextAttemptAt!)}`;
  }
  return execution.status;
}

/** Back to pending after an error, waiting out its backoff: not failed (yet), not done either. */
function waitsToRetry(execution: ExecutionView): boolean {
  return execution.status === 'pending' && execution.nextAttemptAt !== null;
}

const chartLabel = (row: ExecutionWithChart) => row.chart?.slug ?? `schedule ${row.execution.scheduleId}`;

const COLUMNS: Column<ExecutionWithChart>[] = [
  { header: 'chart', value: chartLabel },
  { header: 'trigger', value: (r) => r.execution.trigger },
  { header: 'status', value: (r) => executionStatusText(r.execution) },
  {
    header: 'periods',
    align: 'right',
    value: (r) =>
      wasAlreadyUpToDate(r.execution) ? NONE : `${r.execution.periodsSynced}/${r.execution.periodsPlanned}`,
  },
  {
    header: 'rankings new/upd',
    align: 'right',
    value: (r) => formatPair(r.execution.rankingsCreated, r.execution.rankingsUpdated),
  },
  {
    header: 'tracks new/upd',
    align: 'right',
    value: (r) => formatPair(r.execution.tracksCreated, r.execution.tracksUpdated),
  },
  { header: 'duration', align: 'right', value: (r) => formatDuration(r.execution.durationMs) },
  { header: 'error', value: (r) => truncate(r.execution.errorMessage ?? '', ERROR_COLUMN_WIDTH) },
];

/**
 * The summary table, the full error of each execution that did not complete, the requests of those that
 * needed retries, and a totals line.
 */
export function formatExecutions(rows: readonly ExecutionWithChart[]): string {
  return [formatTable(rows, COLUMNS), formatFailures(rows), formatRequests(rows), formatTotals(rows)].join(
    '',
  );
}

/** Why a run was slow: its failed request attempts, by reason (most runs have none, and print nothing). */
function formatRequests(rows: readonly ExecutionWithChart[]): string {
  const lines = rows
    .filter((row) => row.execution.requestsFailed > 0)
    .map((row) => `${chartLabel(row)}: ${requestSummary(row.execution)}`);
  return lines.length > 0 ? `\n${lines.join('\n')}\n` : '';
}

function formatFailures(rows: readonly ExecutionWithChart[]): string {
  const lines: string[] = [];
  for (const row of rows) {
    const { execution } = row;
    if (!executionFailed(execution)) continue;
    lines.push(`${chartLabel(row)}: ${executionStatusText(execution)}: ${execution.errorMessage ?? NONE}`);
    if (execution.failedPeriods.length > 0)
      lines.push(`  failed periods: ${listPeriods(execution.failedPeriods)}`);
  }
  return lines.length > 0 ? `\n${lines.join('\n')}\n` : '';
}

function listPeriods(periods: readonly string[]): string {
  const shown = periods.slice(0, FAILED_PERIODS_SHOWN).join(', ');
  const more = periods.length - FAILED_PERIODS_SHOWN;
  return more > 0 ? `${shown} and ${more} more` : shown;
}

export type ExecutionTotals = {
  executions: number;
  completed: number;
  failed: number;
  /** Of the failed, those waiting to retry, and the soonest retry. */
  waiting: number;
  nextRetryAt: number | null;
  periodsSynced: number;
  periodsPlanned: number;
  rankingsCreated: number;
  rankingsUpdated: number;
  tracksCreated: number;
  tracksUpdated: number;
  durationMs: number;
};

export function totalsOf(rows: readonly ExecutionWithChart[]): ExecutionTotals {
  const totals: ExecutionTotals = {
    executions: rows.length,
    completed: 0,
    failed: 0,
    waiting: 0,
    nextRetryAt: null,
    periodsSynced: 0,
    periodsPlanned: 0,
    rankingsCreated: 0,
    rankingsUpdated: 0,
    tracksCreated: 0,
    tracksUpdated: 0,
    durationMs: 0,
  };
  for (const { execution: e } of rows) {
    if (e.status === 'completed') totals.completed += 1;
    if (waitsToRetry(e)) {
      totals.waiting += 1;
      totals.nextRetryAt = Math.min(totals.nextRetryAt ?? Infinity, e.nextAttemptAt!);
    } else if (executionFailed(e)) totals.failed += 1;
    totals.periodsSynced += e.periodsSynced;
    totals.periodsPlanned += e.periodsPlanned;
    totals.rankingsCreated += e.rankingsCreated;
    totals.rankingsUpdated += e.rankingsUpdated;
    totals.tracksCreated += e.tracksCreated;
    totals.tracksUpdated += e.tracksUpdated;
    totals.durationMs += e.durationMs ?? 0;
  }
  return totals;
}

function formatTotals(rows: readonly ExecutionWithChart[]): string {
  const t = totalsOf(rows);
  const waiting =
    t.waiting > 0 ? `, ${formatCount(t.waiting)} waiting to retry at ${formatInstant(t.nextRetryAt!)}` : '';
  return `\nTotal: ${plural(t.executions, 'sync')}, ${formatCount(t.completed)} completed, ${formatCount(t.failed)} failed${waiting}; ${t.periodsPlanned === 0 && t.completed === t.executions ? `${UP_TO_DATE_TEXT}` : `periods ${formatCount(t.periodsSynced)}/${formatCount(t.periodsPlanned)}`}; rankings ${formatCount(t.rankingsCreated)} created, ${formatCount(t.rankingsUpdated)} updated; tracks ${formatCount(t.tracksCreated)} created, ${formatCount(t.tracksUpdated)} updated; ${formatDuration(t.durationMs)} of sync time\n`;
}
