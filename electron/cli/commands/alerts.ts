import type { Command } from 'commander';
import { wholeNumberOption } from '../contract-call';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract/calls';
import { ChartSyncError } from '../../../shared/errors';
import type { AlertView } from '../../../shared/views/alert';
import { dispatch } from '../../engine/api/dispatch';
import type { HostedEngine } from '../../engine/host';
import { resolveChart, requireSchedule } from '../chart-lookup';
import { formatTable } from '../format/table';
import { formatInstant, formatRelative, NONE } from '../format/time';
import { withEngine } from '../open-engine';
import { print, printJson } from '../output';

type ListOptions = { unread?: boolean; kind?: string; chart?: string; limit?: string; json?: boolean };

const SEVERITY_MARK = { error: '✖', warning: '⚠', info: 'ℹ' } as const;

/** `chart-sync alerts …`: what the Alerts screen shows, through the same calls and validation. */
export function registerAlertsCommand(program: Command): void {
  const alerts = program
    .command('alerts')
    .description(
      'list alerts (failed syncs, overdue schedules, credentials, quota, slow syncs), newest first',
    )
    .option('--unread', 'only the alerts not read yet')
    .option('--kind <kind>', 'only alerts of this kind (sync_failed, schedule_overdue, quota_low, …)')
    .option('--chart <chart>', "only alerts about this chart's schedule (id or slug)")
    .option('--limit <n>', 'at most this many (default 100)')
    .option('--json', 'print the alerts as JSON')
    .action(async (options: ListOptions, command: Command) => {
      await withEngine(command, async (hosted) => {
        const scheduleId = options.chart
          ? requireSchedule(hosted.engine, resolveChart(hosted.engine.database, options.chart)).id
          : undefined;
        const page = await contract(hosted, 'alerts/list', {
          ...(options.unread ? { unread: true } : {}),
          ...(options.kind === undefined ? {} : { kind: options.kind as never }),
          ...(scheduleId === undefined ? {} : { scheduleId }),
          ...(options.limit === undefined ? {} : { limit: wholeNumberOption('--limit', options.limit) }),
        });
        if (options.json) printJson(page);
        else print(formatAlerts(page.alerts, page.total, page.unread, Date.now()));
      });
    });

  alerts
    .command('read')
    .description('mark alerts read: by id, or all of them with --all')
    .argument('[ids...]', 'alert ids (as `chart-sync alerts` lists them)')
    .option('--all', 'mark every alert read')
    .action(async (ids: string[], options: { all?: boolean }, command: Command) => {
      if (options.all && ids.length > 0) {
        throw new ChartSyncError('invalid_input', 'Give alert ids or --all, not both.');
      }
      if (!options.all && ids.length === 0) {
        throw new ChartSyncError('invalid_input', 'Give the ids of the alerts to mark read, or --all.');
      }
      const target = options.all
        ? { all: true as const }
        : { ids: ids.map((id) => wholeNumberOption('alert id', id)) };
      await withEngine(command, async (hosted) => {
        const { marked, unread } = await contract(hosted, 'alerts/mark-read', target);
        print(`Marked ${marked} alert${marked === 1 ? '' : 's'} read; ${unread} unread.`);
      });
    });
}

async function contract<K extends CallName>(
  hosted: HostedEngine,
  name: K,
  input: CallInput<K>,
): Promise<CallOutput<K>> {
  const result = await dispatch(hosted.engine.handlers, name, input);
  if (!result.ok) throw new ChartSyncError(result.error.code, result.error.message);
  return result.value as CallOutput<K>;
}

export function formatAlerts(
  alerts: readonly AlertView[],
  total: number,
  unread: number,
  now: number,
): string {
  if (total === 0) return 'No alerts.';
  const table = formatTable(alerts, [
    { header: 'id', value: (a) => String(a.id), align: 'right' },
    { header: '', value: (a) => (a.readAt === null ? '•' : ' ') },
    { header: 'when', value: (a) => `${formatInstant(a.lastSeenAt)} (${formatRelative(a.lastSeenAt, now)})` },
    { header: 'kind', value: (a) => `${SEVERITY_MARK[a.severity]} ${a.kind}` },
    { header: 'chart', value: (a) => a.chart?.slug ?? NONE },
    { header: 'count', value: (a) => String(a.count), align: 'right' },
    { header: 'state', value: (a) => (a.resolvedAt === null ? 'open' : 'resolved') },
    { header: 'message', value: (a) => a.message },
  ]);
  const shown = alerts.length < total ? `${alerts.length} of ${total} shown` : `${total} in all`;
  return `${table}\n${shown}, ${unread} unread (• marks them). \`chart-sync alerts read <id…>\` or \`--all\` marks them read.\n`;
}
