import type { Command } from 'commander';
import { executionFailed, formatExecutions, totalsOf } from '../format/execution-summary';
import { withEngine } from '../open-engine';
import { CommandExit, note, print, printJson } from '../output';
import { logExecutions, showQueueProgress, withCharts } from '../run-syncs';
import { quotaLine } from './quota-line';

/**
 * `chart-sync process`: the original's `manage.py process_chart_syncs`. Every due schedule runs once (and
 * what was already waiting: immediate syncs, retries that are ready), the summary is printed, and the exit
 * code says whether everything completed, so cron or CI can act on it.
 */
export function registerProcessCommand(program: Command): void {
  program
    .command('process')
    .description('run every due sync schedule once, print a summary and exit (1 if any sync failed)')
    .option('--json', 'print the executions and totals as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const failed = await withEngine(command, async ({ engine }) => {
        const stopLog = logExecutions(engine);
        const stopQueue = showQueueProgress(engine);
        // Rankings reported first; the metadata the syncs queued is fetched meanwhile and waited for after.
        const executions = await engine.processDue({ metadata: 'later' }).finally(() => stopLog());
        const rows = withCharts(engine, executions);
        if (options.json) {
          printJson({
            executions: rows.map(({ execution, chart }) => ({ ...execution, chart })),
            totals: totalsOf(rows),
          });
        } else if (rows.length === 0) {
          print('No schedule is due.');
        } else {
          print(formatExecutions(rows));
          const quota = quotaLine(engine);
          if (quota) note(quota);
        }
        await engine.metadataDone().finally(() => stopQueue());
        return rows.some((row) => executionFailed(row.execution));
      });
      if (failed) throw new CommandExit(1);
    });
}
