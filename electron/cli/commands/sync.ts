import type { Command } from 'commander';
import { ChartSyncError } from '../../../shared/errors';
import type { ExecutionView } from '../../../shared/views/schedule-view';
import type { Engine } from '../../engine/engine';
import type { ChartRow } from '../../engine/db/queries/charts';
import { resolveChart } from '../chart-lookup';
import { executionFailed, formatExecutions } from '../format/execution-summary';
import { chartName } from '../format/schedule-table';
import { formatInstant } from '../format/time';
import { withEngine } from '../open-engine';
import { CommandExit, note, print, printJson } from '../output';
import {
  noteOtherRuns,
  runPending,
  showChartProgress,
  showQueueProgress,
  trackOtherRuns,
  withCharts,
} from '../run-syncs';
import { quotaLine } from './quota-line';

/** `chart-sync sync <chart>`: a manual sync of one chart, with a progress bar, waited for. */
export function registerSyncCommand(program: Command): void {
  program
    .command('sync')
    .description('sync one chart now (every missing period of its history window), with progress')
    .argument('<chart>', 'chart id or slug (see `chart-sync charts list`)')
    .option('--json', 'print the execution as JSON')
    .action(async (reference: string, options: { json?: boolean }, command: Command) => {
      const failed = await withEngine(command, async ({ engine }) => {
        const chart = resolveChart(engine.database, reference);
        const hadSchedule = engine.schedules.getByChart(chart.id) !== null;
        note(`Syncing ${chartName(chart)} (${chart.slug}, ${chart.platform}, ${chart.frequency})`);
        const stopProgress = showChartProgress(engine, chart.id);
        const stopQueue = showQueueProgress(engine);
        const stopTracking = trackOtherRuns(engine, chart.id);
        // The rankings are reported as soon as they are stored; the metadata they queued is fetched meanwhile
        // and waited for after the report.
        const execution = await syncOne(engine, chart).finally(() => stopProgress());
        noteOtherRuns(engine, stopTracking());
        const [row] = withCharts(engine, [execution]);
        if (options.json) {
          printJson({ ...execution, chart: row?.chart ?? null });
        } else {
          print(formatExecutions(row ? [row] : []));
          const quota = quotaLine(engine);
          if (quota) note(quota);
          if (!hadSchedule) {
            note(
              `${chart.slug} now has a paused schedule holding its sync history; \`chart-sync schedules resume ${chart.slug}\` makes it recurring.`,
            );
          }
        }
        await engine.metadataDone().finally(() => stopQueue());
        return executionFailed(execution);
      });
      if (failed) throw new CommandExit(1);
    });
}

/**
 * A chart whose sync is already waiting (its immediate sync, a retry whose time has come) gets that one run
 * now rather than an error: the operator asked for this chart to be synced, and that is what it does.
 */
async function syncOne(engine: Engine, chart: ChartRow): Promise<ExecutionView> {
  const schedule = engine.schedules.getByChart(chart.id);
  const waiting = schedule
    ? engine.executions.listActive().find((e) => e.scheduleId === schedule.id && e.status === 'pending')
    : undefined;
  // Nothing waiting, or one marked running: syncChart takes the sync lock, which refuses if another Chart
  // Sync really runs it and otherwise marks it interrupted (its process died), so a new sync can start.
  if (!waiting) return engine.syncChart(chart.id, 'manual', { metadata: 'later' });
  if (waiting.nextAttemptAt !== null && waiting.nextAttemptAt > Date.now()) {
    throw new ChartSyncError(
      'execution_active',
      `A sync of ${chart.slug} is waiting to retry at ${formatInstant(waiting.nextAttemptAt)}; \`chart-sync process\` runs it from then on.`,
    );
  }
  note(`${chart.slug} already had a sync waiting (${waiting.trigger}); running it now.`);
  return runPending(engine, waiting.id, { metadata: 'later' });
}
