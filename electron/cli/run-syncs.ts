import { getChartById } from '../engine/db/queries/charts';
import type { ChartSummary, ExecutionView } from '../../shared/views/schedule-view';
import type { Engine, MetadataWait } from '../engine/engine';
import type { ExecutionWithChart } from './format/execution-summary';
import { executionStatusText } from './format/execution-summary';
import { wasAlreadyUpToDate } from '../../shared/domain/execution';
import { formatDuration } from './format/time';
import { note } from './output';
import { ProgressBar } from './progress-bar';

/**
 * Runs an execution that is already pending (an immediate sync, a retry whose time has come) and waits for it.
 * processDue() is the engine's way to run what is waiting: it also runs anything else due, and fetches the
 * metadata the syncs queued, as a one-shot command should before it exits.
 */
export async function runPending(
  engine: Engine,
  executionId: number,
  options: MetadataWait = {},
): Promise<ExecutionView> {
  await engine.processDue(options);
  return engine.executions.get(executionId);
}

/**
 * Executions of other charts that run while a one-chart command runs: the engine runs whatever is ready
 * alongside it, and the operator should hear about those as well. Call the result to stop listening.
 */
export function trackOtherRuns(engine: Engine, chartId: number): () => ExecutionView[] {
  const others = new Map<number, ExecutionView>();
  // Looked up on each event: a manual sync of an unscheduled chart creates its schedule as it starts.
  const isOwn = (scheduleId: number | null) => engine.schedules.getByChart(chartId)?.id === scheduleId;
  const off = engine.events.on('execution/updated', (execution) => {
    if (isOwn(execution.scheduleId)) return;
    if (execution.status === 'running' || others.has(execution.id)) others.set(execution.id, execution);
  });
  return () => {
    off();
    return [...others.values()];
  };
}

/** One stderr line naming what else ran, so a one-chart command never does unseen work. */
export function noteOtherRuns(engine: Engine, others: readonly ExecutionView[]): void {
  if (others.length === 0) return;
  const list = withCharts(engine, others)
    .map(
      ({ execution, chart }) =>
        `${chart?.slug ?? `schedule ${execution.scheduleId}`} (${executionStatusText(execution)})`,
    )
    .join(', ');
  note(`Also ran what was due or waiting: ${list}. \`chart-sync schedules list\` shows every schedule.`);
}

/** The chart of each execution, for summaries. */
export function withCharts(engine: Engine, executions: readonly ExecutionView[]): ExecutionWithChart[] {
  const charts = new Map<number, ChartSummary | null>();
  const chartOf = (chartId: number) => {
    if (!charts.has(chartId)) charts.set(chartId, chartSummaryOf(engine, chartId));
    return charts.get(chartId) ?? null;
  };
  return executions.map((execution) => ({ execution, chart: chartOf(execution.chartId) }));
}

function chartSummaryOf(engine: Engine, chartId: number): ChartSummary | null {
  const chart = getChartById(engine.database, chartId);
  return chart
    ? {
        id: chart.id,
        slug: chart.slug,
        name: chart.name,
        platform: chart.platform,
        frequency: chart.frequency,
        countryCode: chart.countryCode,
        countryName: chart.countryName,
      }
    : null;
}

/**
 * Shows the progress of one chart's execution on stderr. The schedule is looked up when the first event
 * arrives, because a manual sync of an unscheduled chart creates its schedule as it starts.
 */
export function showChartProgress(engine: Engine, chartId: number): () => void {
  const bar = new ProgressBar(process.stderr);
  let scheduleId: number | undefined;
  const off = engine.events.on('execution/progress', (progress) => {
    scheduleId ??= engine.schedules.getByChart(chartId)?.id;
    if (progress.scheduleId !== scheduleId) return;
    bar.update({
      done: progress.periodsSynced + progress.periodsFailed,
      total: progress.periodsPlanned,
      failed: progress.periodsFailed,
      label: progress.lastPeriod,
    });
  });
  return () => {
    off();
    bar.finish();
  };
}

/**
 * One stderr line as each execution starts and ends, so a long `process` run shows it is alive and a log
 * records what happened in order.
 */
export function logExecutions(engine: Engine): () => void {
  return engine.events.on('execution/updated', (execution) => {
    const [row] = withCharts(engine, [execution]);
    const chart = row?.chart?.slug ?? `schedule ${execution.scheduleId}`;
    if (execution.status === 'running') {
      note(`${chart}: started (${execution.trigger})`);
      return;
    }
    // "already up to date" says it all: "0/0 periods" would read as nothing done.
    const periods = wasAlreadyUpToDate(execution)
      ? ''
      : `, ${execution.periodsSynced}/${execution.periodsPlanned} periods`;
    note(`${chart}: ${executionStatusText(execution)}${periods}, ${formatDuration(execution.durationMs)}`);
  });
}

/**
 * Progress of the metadata fetches a one-shot command waits for after its syncs, so the wait is not silent.
 * The queue fills while charts sync and drains afterwards; the bar starts when draining does, and its total
 * is the most tasks seen outstanding since.
 */
export function showQueueProgress(engine: Engine): () => void {
  const bar = new ProgressBar(process.stderr, 'metadata fetches');
  let total = 0;
  const off = engine.events.on('queue/updated', ({ queued, running }) => {
    const outstanding = queued + running;
    if (total === 0 && running === 0) return;
    total = Math.max(total, outstanding);
    bar.update({ done: total - outstanding, total });
  });
  return () => {
    off();
    bar.finish();
  };
}
