import { userInfo } from 'node:os';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { SYNC_FREQUENCIES, type SyncFrequency } from '../../../shared/domain/frequency';
import { ChartSyncError } from '../../../shared/errors';
import type { CreateScheduleInput } from '../../../shared/schemas/schedule-input';
import type { ChartRow } from '../../engine/db/queries/charts';
import type { SyncLockedError } from '../../engine/sync/sync-lock';
import { resolveChart } from '../chart-lookup';
import { executionFailed, formatExecutions } from '../format/execution-summary';
import { chartName, frequencyText } from '../format/schedule-table';
import { formatWhen } from '../format/time';
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

type AddOptions = {
  frequency?: SyncFrequency;
  hours?: number;
  cron?: string;
  timeZone?: string;
  historyDays?: number;
  historical: boolean;
  metadata: boolean;
  paused?: boolean;
  now?: boolean;
  json?: boolean;
};

/** The service names fields as the contract does; on the command line the operator knows the flags. */
const FLAG_OF_FIELD: Record<string, string> = {
  syncFrequency: '--frequency',
  customIntervalHours: '--hours',
  cronExpression: '--cron',
  timeZone: '--time-zone',
  historyWindowDays: '--history-days',
};

export function registerScheduleAddCommand(schedules: Command): void {
  schedules
    .command('add')
    .description("add a chart to the sync schedule (frequency defaults to the chart's own)")
    .argument('<chart>', 'chart id or slug')
    .addOption(new Option('--frequency <frequency>', 'how often to sync').choices(SYNC_FREQUENCIES))
    .option(
      '--hours <n>',
      'interval of a custom schedule, in hours (implies --frequency custom)',
      wholeNumber,
    )
    .option('--cron <expression>', 'five-field cron expression (implies --frequency cron)')
    .option('--time-zone <zone>', "IANA time zone of the cron expression (default: this machine's)")
    .option('--history-days <n>', 'how far back to find and fetch missing periods', wholeNumber)
    .option('--no-historical', 'sync only the latest period, not the missing history')
    .option('--no-metadata', 'do not fetch track metadata for the songs found')
    .option('--paused', 'create the schedule paused')
    .option(
      '--now',
      'sync immediately (with the history) and wait for the result; with the app running on this data, it syncs it',
    )
    .option('--json', 'print the schedule (and the execution, with --now) as JSON')
    .action(async (reference: string, options: AddOptions, command: Command) => {
      const failed = await withEngine(command, async ({ engine }) => {
        const chart = resolveChart(engine.database, reference);
        const input = toCreateInput(chart.id, options);
        const created = asCliError(chart, () => engine.schedules.create(input));
        const { schedule } = created;
        if (!options.json) {
          const state = schedule.isActive
            ? `next sync ${formatWhen(schedule.nextSyncAt, Date.now())}`
            : 'paused';
          print(
            `Added ${chartName(chart)} (${chart.slug}) to the sync schedule: ${frequencyText(schedule)}, ${state}.`,
          );
        }
        if (created.immediateExecutionId === null) {
          if (options.json) printJson({ schedule });
          return false;
        }
        // The desktop app or `chart-sync serve` holds the sync role: it sees the new execution and runs it.
        const elsewhere = engine.syncingElsewhere();
        if (elsewhere) {
          const execution = engine.executions.get(created.immediateExecutionId);
          if (options.json) printJson({ schedule, execution });
          else print(syncedElsewhereText(elsewhere));
          return false;
        }
        const stopProgress = showChartProgress(engine, chart.id);
        const stopQueue = showQueueProgress(engine);
        const stopTracking = trackOtherRuns(engine, chart.id);
        const execution = await runPending(engine, created.immediateExecutionId).finally(() => {
          stopProgress();
          stopQueue();
        });
        noteOtherRuns(engine, stopTracking());
        const rows = withCharts(engine, [execution]);
        if (options.json) printJson({ schedule: engine.schedules.get(schedule.id), execution });
        else print(formatExecutions(rows));
        return executionFailed(execution);
      });
      if (failed) throw new CommandExit(1);
    });
}

function syncedElsewhereText({ holder }: SyncLockedError): string {
  const who = holder ? ` (process ${holder.pid})` : '';
  return (
    `Chart Sync is already running on this data${who} and syncs it now; follow it there, or with ` +
    '`chart-sync schedules list`.'
  );
}

function toCreateInput(chartId: number, options: AddOptions): CreateScheduleInput {
  const frequency =
    options.frequency ??
    (options.cron !== undefined ? 'cron' : options.hours !== undefined ? 'custom' : undefined);
  if (options.hours !== undefined && frequency !== 'custom') {
    throw new ChartSyncError(
      'invalid_input',
      `--hours goes with --frequency custom, not --frequency ${frequency}.`,
    );
  }
  if ((options.cron !== undefined || options.timeZone !== undefined) && frequency !== 'cron') {
    // Without --cron and --frequency, only --time-zone was given: the schedule would not be a cron one.
    throw new ChartSyncError(
      'invalid_input',
      frequency === undefined
        ? '--time-zone is the zone of a cron schedule: give the expression with --cron.'
        : `--cron and --time-zone go with --frequency cron, not --frequency ${frequency}.`,
    );
  }
  const input: CreateScheduleInput = {
    chartId,
    isActive: !options.paused,
    syncImmediately: Boolean(options.now),
    syncHistoricalData: options.historical,
    fetchTrackMetadata: options.metadata,
    createdBy: operatorName(),
  };
  if (frequency !== undefined) input.syncFrequency = frequency;
  if (options.hours !== undefined) input.customIntervalHours = options.hours;
  if (options.historyDays !== undefined) input.historyWindowDays = options.historyDays;
  if (frequency === 'cron') {
    input.cronExpression = options.cron ?? null;
    input.timeZone = options.timeZone ?? localTimeZone();
    if (options.timeZone === undefined)
      note(`Cron times are read in ${input.timeZone} (this machine's time zone).`);
  }
  return input;
}

/**
 * The service's errors, said in the CLI's terms: "cronExpression: …" becomes "--cron: …", and a duplicate
 * points at the commands that exist here rather than at an edit screen.
 */
function asCliError<T>(chart: ChartRow, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof ChartSyncError)) throw error;
    if (error.code === 'schedule_exists') {
      throw new ChartSyncError(
        error.code,
        `${chartName(chart)} (${chart.slug}) already has a sync schedule; see it with \`chart-sync schedules list\`, or remove it first to add it anew.`,
        { cause: error },
      );
    }
    if (error.code !== 'invalid_input') throw error;
    const message = error.message.replace(/(^|; )(\w+): /g, (whole, start: string, field: string) =>
      FLAG_OF_FIELD[field] ? `${start}${FLAG_OF_FIELD[field]}: ` : whole,
    );
    throw new ChartSyncError(error.code, message, { cause: error });
  }
}

/** The original recorded who created a schedule; here the operating-system user running the CLI. */
function operatorName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'chart-sync';
  }
}

function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number');
  return Number(value);
}
