import type { Command } from 'commander';
import type { BulkResult } from '../../../shared/views/bulk-result';
import { callContract } from '../contract-call';
import { executionFailed, formatExecutions } from '../format/execution-summary';
import { withEngine } from '../open-engine';
import { CommandExit, print, printJson } from '../output';
import { logExecutions, showQueueProgress, withCharts } from '../run-syncs';

type JsonOption = { json?: boolean };

/**
 * `chart-sync schedules pause-all | resume-all | sync-due`: the tray's actions on every schedule, through the
 * same calls (and sentences) as the app and REST. The exit code is 1 when an item failed.
 */
export function registerAllSchedulesCommands(schedules: Command): void {
  schedules
    .command('pause-all')
    .description('pause every active schedule; `resume-all` resumes exactly those')
    .option('--json', 'print the result of each schedule as JSON')
    .action(async (options: JsonOption, command: Command) => {
      const result = await withEngine(command, ({ engine }) =>
        callContract(engine, 'schedules/pause-all', {}),
      );
      if (options.json) printJson(result);
      else if (result.results.length === 0) print('No schedule is active: nothing to pause.');
      else
        print(
          bulkLines(result, 'Paused', 'Could not pause') +
            '\n`chart-sync schedules resume-all` resumes exactly these.',
        );
      exitOnFailure(result);
    });

  schedules
    .command('resume-all')
    .description('resume the schedules `pause-all` paused (not those paused before it)')
    .option('--json', 'print the result of each schedule as JSON')
    .action(async (options: JsonOption, command: Command) => {
      const result = await withEngine(command, ({ engine }) =>
        callContract(engine, 'schedules/resume-all', {}),
      );
      if (options.json) printJson(result);
      else print(bulkLines(result, 'Resumed', 'Could not resume'));
      exitOnFailure(result);
    });

  schedules
    .command('sync-due')
    .description('start every active schedule whose slot has come or whose retry waits, and wait for them')
    .option('--json', 'print the result of each schedule and the executions as JSON')
    .action(async (options: JsonOption, command: Command) => {
      const failed = await withEngine(command, async ({ engine }) => {
        const result = await callContract(engine, 'schedules/sync-due', {});
        const elsewhere = engine.syncingElsewhere();
        // Here, this process runs the syncs and waits for them; else the app (or serve) holding the data does.
        let executions: ReturnType<typeof withCharts> = [];
        if (!elsewhere && result.succeeded > 0) {
          const stopLog = logExecutions(engine);
          const stopQueue = showQueueProgress(engine);
          await engine.processDue().finally(() => {
            stopLog();
            stopQueue();
          });
          const started = result.results.flatMap((r) =>
            r.ok && r.executionId !== null ? [r.executionId] : [],
          );
          executions = withCharts(
            engine,
            started.map((id) => engine.executions.get(id)),
          );
        }
        if (options.json) {
          printJson({
            ...result,
            executions: executions.map(({ execution, chart }) => ({ ...execution, chart })),
          });
        } else if (result.results.length === 0) {
          print('Nothing is due: every active schedule waits for its next slot.');
        } else {
          print(bulkLines(result, 'Started', 'Could not start'));
          if (elsewhere && result.succeeded > 0) {
            print('Chart Sync is running on this data and runs them now; follow them there.');
          }
          if (executions.length > 0) print(formatExecutions(executions));
        }
        return result.failed > 0 || executions.some((row) => executionFailed(row.execution));
      });
      if (failed) throw new CommandExit(1);
    });
}

/** "Paused 3 schedules: a, b, c." then one line per skipped or failed item, with why. */
export function bulkLines(result: BulkResult, done: string, notDone: string): string {
  const lines: string[] = [];
  const ok = result.results.filter((r) => r.ok);
  if (ok.length > 0) {
    lines.push(
      `${done} ${ok.length} schedule${ok.length === 1 ? '' : 's'}: ${ok.map((r) => r.label).join(', ')}.`,
    );
  }
  for (const item of result.results) {
    if (item.ok) continue;
    lines.push(`${item.outcome === 'skipped' ? 'Skipped' : notDone} ${item.label}: ${item.error.message}`);
  }
  return lines.join('\n');
}

function exitOnFailure(result: BulkResult): void {
  if (result.failed > 0) throw new CommandExit(1);
}
