import type { Command } from 'commander';
import { callContract, wholeNumberOption } from '../contract-call';
import type { CallInput } from '../../../shared/contract/calls';
import { auditSummary } from '../../../shared/domain/audit-summary';
import { parseTimeInput, TIME_INPUT_HINT } from '../../../shared/domain/wire-times';
import { ChartSyncError } from '../../../shared/errors';
import type { AuditEntryView } from '../../../shared/views/audit-entry';
import type { PruneSummary } from '../../../shared/views/retention';
import { resolveChart } from '../chart-lookup';
import { formatCount } from '../format/numbers';
import { formatTable } from '../format/table';
import { formatInstant, NONE } from '../format/time';
import { withEngine } from '../open-engine';
import { print, printJson } from '../output';

/** `chart-sync prune` and `chart-sync audit`: retention by hand and the audit log, as the Settings and Audit screens. */
export function registerHistoryCommands(program: Command): void {
  program
    .command('prune')
    .description(
      'remove history older than the retention setting now (finished executions, audit entries, webhook logs, queue tasks)',
    )
    .option('--dry-run', 'only count what would be removed')
    .option('--json', 'print the counts as JSON')
    .action(async (options: { dryRun?: boolean; json?: boolean }, command: Command) => {
      await withEngine(command, async ({ engine }) => {
        const summary = await callContract(engine, 'retention/prune', { dryRun: options.dryRun ?? false });
        if (options.json) printJson(summary);
        else print(formatPrune(summary));
      });
    });

  program
    .command('audit')
    .description('show the audit log, newest first: who did what, when, and what changed')
    .option('--chart <chart>', 'only entries about this chart (id or slug)')
    .option('--action <action>', 'only this action, e.g. schedule.updated or execution.failed')
    .option('--since <date>', 'only entries at or after this date (YYYY-MM-DD) or time (ISO 8601)')
    .option('--limit <n>', 'at most this many entries', '50')
    .option('--json', 'print the entries as JSON')
    .action(
      async (
        options: { chart?: string; action?: string; since?: string; limit: string; json?: boolean },
        command: Command,
      ) => {
        await withEngine(command, async ({ engine }) => {
          const input = {
            ...(options.chart === undefined
              ? {}
              : { chartId: resolveChart(engine.database, options.chart).id }),
            ...(options.action === undefined ? {} : { action: options.action }),
            ...(options.since === undefined ? {} : { since: parseSince(options.since) }),
            limit: wholeNumberOption('--limit', options.limit),
          };
          const page = await callContract(engine, 'audit/list', input as CallInput<'audit/list'>);
          if (options.json) printJson(page);
          else print(formatAudit(page.items, page.total));
        });
      },
    );
}

const TABLE_LABELS: [keyof PruneSummary['counts'], string][] = [
  ['executions', 'finished executions'],
  ['auditEntries', 'audit entries'],
  ['webhookDeliveries', 'webhook deliveries'],
  ['webhookAttempts', 'webhook delivery attempts'],
  ['queueTasks', 'finished queue tasks'],
  ['apiUsageHours', 'hours of API usage'],
  ['quotaSamples', 'quota samples'],
];

export function formatPrune(summary: PruneSummary): string {
  const verb = summary.dryRun ? 'Would remove' : 'Removed';
  const rows = TABLE_LABELS.map(([key, label]) => ({ label, n: summary.counts[key] }));
  const table = formatTable(rows, [
    { header: 'what', value: (row) => row.label },
    { header: summary.dryRun ? 'would go' : 'removed', value: (row) => formatCount(row.n), align: 'right' },
  ]);
  const tail = summary.dryRun ? 'Nothing was removed (dry run); run `chart-sync prune` to remove it.\n' : '';
  return `${verb} history older than ${summary.retentionDays} days (before ${formatInstant(summary.cutoffAt)}):\n${table}${tail}`;
}

export function formatAudit(entries: readonly AuditEntryView[], total: number): string {
  if (entries.length === 0) return 'No audit entries match.';
  const table = formatTable(entries, [
    { header: 'time', value: (e) => formatInstant(e.at) },
    { header: 'actor', value: (e) => e.actor ?? NONE },
    { header: 'action', value: (e) => e.action },
    { header: 'chart', value: (e) => e.chartSlug ?? NONE },
    { header: 'result', value: (e) => e.result },
    { header: 'details', value: (e) => auditSummary(e) || NONE },
  ]);
  const more = total > entries.length ? `${entries.length} of ${total} entries; --limit shows more.\n` : '';
  return table + more;
}

/** The same reading of a time or a date as REST's `since` (a date is the start of that day). */
function parseSince(text: string): number {
  const at = parseTimeInput(text, 'start');
  if (at === null) {
    throw new ChartSyncError('invalid_input', `--since: expected ${TIME_INPUT_HINT}, not "${text}".`);
  }
  return at;
}
