import type { Command } from 'commander';
import { chartLabel } from '../../../shared/domain/chart-label';
import type { Health } from '../../../shared/domain/health';
import { matchesTerms, scheduleSearchText, searchTerms } from '../../../shared/domain/text-search';
import { searchText } from '../../../shared/schemas/free-text';
import { scheduleStatusFilter } from '../../../shared/schemas/list-filters';
import type { ScheduleView } from '../../../shared/views/schedule-view';
import type { HostedEngine } from '../../engine/host';
import { requireSchedule, resolveChart } from '../chart-lookup';
import { chartName, formatScheduleTable, frequencyText } from '../format/schedule-table';
import { plural } from '../format/numbers';
import { formatWhen } from '../format/time';
import { withEngine } from '../open-engine';
import { print, printJson } from '../output';
import { schemaArgument } from './argument-parsers';
import { registerScheduleAddCommand } from './schedules-add';
import { registerAllSchedulesCommands } from './schedules-all';

type ListOptions = { search?: string; status?: Health; json?: boolean };

/** The Schedules screen's search and status filter, with the frequency as this table words it. */
function matchingSchedules(schedules: ScheduleView[], options: ListOptions): ScheduleView[] {
  const terms = searchTerms(options.search ?? '');
  return schedules.filter(
    (schedule) =>
      (options.status === undefined || schedule.health === options.status) &&
      matchesTerms(scheduleSearchText(schedule.chart, frequencyText(schedule)), terms),
  );
}

/** `chart-sync schedules …`: the original's sync schedule admin, list view and actions. */
export function registerSchedulesCommand(program: Command): void {
  const schedules = program.command('schedules').description('manage sync schedules (one per chart)');
  registerScheduleAddCommand(schedules);
  registerAllSchedulesCommands(schedules);

  schedules
    .command('list')
    .description('list the sync schedules with status, last and next sync, success rate and counts')
    .option(
      '--search <text>',
      'chart name, slug, platform, country or frequency containing these words',
      schemaArgument('--search', searchText),
    )
    .option(
      '--status <status>',
      'only schedules with this health (e.g. failing, overdue, never_synced)',
      schemaArgument('--status', scheduleStatusFilter),
    )
    .option('--json', 'print the schedules as JSON')
    .action(async (options: ListOptions, command: Command) => {
      await withEngine(command, async ({ engine }) => {
        const all = engine.schedules.list();
        const shown = matchingSchedules(all, options);
        if (options.json) printJson(shown);
        else if (all.length === 0)
          print('No sync schedules yet. Add one with `chart-sync schedules add <chart>`.');
        else if (shown.length === 0)
          print(
            `No sync schedule matches. Try fewer filters: ${plural(all.length, 'sync schedule')} in all.`,
          );
        else print(formatScheduleTable(shown, Date.now()));
      });
    });

  schedules
    .command('remove')
    .description("remove a chart's sync schedule (its execution history and rankings are kept)")
    .argument('<chart>', 'chart id or slug')
    .action(async (reference: string, _options: unknown, command: Command) => {
      await withEngine(command, async (hosted) => {
        const chart = resolveChart(hosted.engine.database, reference);
        const schedule = hosted.engine.schedules.getByChart(chart.id);
        // Nothing to remove is not a failure: the chart is already where the operator wants it.
        if (!schedule) {
          print(`Skipped ${chartLabel(chart)}: it has no sync schedule; nothing to remove.`);
          return;
        }
        hosted.engine.schedules.remove(schedule.id);
        print(
          `Removed the sync schedule of ${describe(schedule)}; its execution history and rankings are kept.`,
        );
      });
    });

  schedules
    .command('pause')
    .description("pause a chart's sync schedule (it keeps its timing)")
    .argument('<chart>', 'chart id or slug')
    .action(
      onSchedule((hosted, schedule) => {
        if (!schedule.isActive) return `The sync schedule of ${describe(schedule)} is already paused.`;
        hosted.engine.schedules.setActive(schedule.id, false);
        return `Paused the sync schedule of ${describe(schedule)}; \`chart-sync schedules resume ${schedule.chart.slug}\` restarts it.`;
      }),
    );

  schedules
    .command('resume')
    .description('resume a paused sync schedule (due at once if its slot passed while paused)')
    .argument('<chart>', 'chart id or slug')
    .action(
      onSchedule((hosted, schedule) => {
        const already = schedule.isActive;
        const resumed = already ? schedule : hosted.engine.schedules.setActive(schedule.id, true);
        const next = `next sync ${formatWhen(resumed.nextSyncAt, Date.now())}`;
        return already
          ? `The sync schedule of ${describe(schedule)} is already active: ${next}.`
          : `Resumed the sync schedule of ${describe(schedule)}: ${next}.`;
      }),
    );
}

function describe(schedule: ScheduleView): string {
  return `${chartName(schedule.chart)} (${schedule.chart.slug})`;
}

/** The action of a command taking `<chart>`: resolve it, find its schedule, act, print what was done. */
function onSchedule(act: (hosted: HostedEngine, schedule: ScheduleView) => string) {
  return async (reference: string, _options: unknown, command: Command) => {
    await withEngine(command, async (hosted) => {
      const chart = resolveChart(hosted.engine.database, reference);
      print(act(hosted, requireSchedule(hosted.engine, chart)));
    });
  };
}
