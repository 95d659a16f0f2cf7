import type { Command } from 'commander';
import { callContract } from '../contract-call';
import type { AnalyticsView, QuotaPlanView } from '../../../shared/views/analytics';
import { analyticsRange } from '../../engine/server/rest-analytics-routes';
import { formatCount, plural } from '../format/numbers';
import { formatTable } from '../format/table';
import { formatDuration, formatInstant, NONE } from '../format/time';
import { withEngine } from '../open-engine';
import { print, printJson } from '../output';

/** `chart-sync analytics` and `chart-sync quota`: the Analytics screen's dashboard and quota planner as text. */
export function registerAnalyticsCommands(program: Command): void {
  program
    .command('analytics')
    .description(
      'what the syncs did and cost per day: executions by status, success rate, durations, requests and quota; stale charts, slowest charts, schedules needing a look',
    )
    .option('--from <date>', 'first day (YYYY-MM-DD; default: 29 days before --to)')
    .option('--to <date>', 'last day, included (YYYY-MM-DD; default: today)')
    .option('--tz <zone>', "the IANA time zone days are counted in (default: this machine's)")
    .option('--json', 'print the dashboard as JSON')
    .action(
      async (options: { from?: string; to?: string; tz?: string; json?: boolean }, command: Command) => {
        await withEngine(command, async ({ engine }) => {
          const view = await callContract(engine, 'analytics/overview', analyticsRange(options, Date.now()));
          if (options.json) printJson(view);
          else print(formatAnalytics(view));
        });
      },
    );

  program
    .command('quota')
    .description(
      "the quota planner: each schedule's projected Soundcharts requests per month against the plan's quota and the billing cycle",
    )
    .option('--json', 'print the plan as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withEngine(command, async ({ engine }) => {
        // team/usage is free: the plan's size and what is left, as of now.
        await engine.usage.refreshPlan();
        engine.usage.flush();
        const plan = await callContract(engine, 'analytics/quota-plan', {});
        if (options.json) printJson(plan);
        else print(formatQuotaPlan(plan, Date.now()));
      });
    });
}

const percent = (rate: number | null) => (rate === null ? NONE : `${Math.round(rate)} %`);
const duration = (ms: number | null) => (ms === null ? NONE : formatDuration(ms));
const count = (n: number | null) => (n === null ? NONE : formatCount(n));

export function formatAnalytics(view: AnalyticsView): string {
  const { totals } = view;
  const first = view.days[0]?.day ?? '';
  const last = view.days.at(-1)?.day ?? '';
  // A month of empty rows hides the days that matter: only days with activity are listed, the rest counted.
  const active = view.days.filter(
    (d) => d.completed + d.failed + d.cancelled + d.interrupted + d.requests > 0 || d.quotaRemaining !== null,
  );
  const quiet = view.days.length - active.length;
  const lines = [
    `${first} to ${last} (${view.timeZone}): ${formatCount(totals.executions)} executions, success ${percent(totals.successRate)}, ` +
      `median ${duration(totals.durationMedianMs)}, p95 ${duration(totals.durationP95Ms)}, ${formatCount(totals.requests)} requests`,
    '',
    active.length === 0
      ? 'No execution ended and no request was sent in this range.'
      : formatTable(active, [
          { header: 'day', value: (d) => d.day },
          { header: 'ok', value: (d) => formatCount(d.completed), align: 'right' },
          { header: 'failed', value: (d) => formatCount(d.failed), align: 'right' },
          { header: 'cancelled', value: (d) => formatCount(d.cancelled), align: 'right' },
          { header: 'interrupted', value: (d) => formatCount(d.interrupted), align: 'right' },
          { header: 'success', value: (d) => percent(d.successRate), align: 'right' },
          { header: 'median', value: (d) => duration(d.durationMedianMs), align: 'right' },
          { header: 'p95', value: (d) => duration(d.durationP95Ms), align: 'right' },
          { header: 'requests', value: (d) => formatCount(d.requests), align: 'right' },
          { header: 'quota left', value: (d) => count(d.quotaRemaining), align: 'right' },
        ]),
  ];
  if (quiet > 0 && active.length > 0) lines.push(`(${plural(quiet, 'day')} without activity not shown)`);
  const stale = view.freshness.filter((f) => f.state !== 'fresh');
  lines.push(
    stale.length === 0
      ? `Every scheduled chart is fresh (${formatCount(view.freshness.length)}).`
      : `Stale charts (${formatCount(stale.length)} of ${formatCount(view.freshness.length)}):`,
  );
  if (stale.length > 0) {
    lines.push(
      formatTable(stale, [
        { header: 'chart', value: (f) => `${f.name} (${f.slug})` },
        { header: 'frequency', value: (f) => f.frequency },
        { header: 'newest', value: (f) => f.newestDate ?? 'never synced' },
        {
          header: 'age',
          value: (f) => (f.ageDays === null ? NONE : `${formatCount(f.ageDays)} d`),
          align: 'right',
        },
      ]),
    );
  }
  if (view.slowest.length > 0) {
    lines.push(
      'Slowest charts:',
      formatTable(view.slowest, [
        { header: 'chart', value: (s) => `${s.name} (${s.slug})` },
        { header: 'syncs', value: (s) => formatCount(s.executions), align: 'right' },
        { header: 'median', value: (s) => formatDuration(s.medianMs), align: 'right' },
        { header: 'p95', value: (s) => formatDuration(s.p95Ms), align: 'right' },
        { header: 'max', value: (s) => formatDuration(s.maxMs), align: 'right' },
      ]),
    );
  }
  lines.push(
    view.attention.length === 0
      ? 'No schedule needs a look.'
      : `Needs a look:\n${view.attention.map((a) => `  ${a.health.replace('_', ' ')}: ${a.name} (${a.slug}): ${a.reason}`).join('\n')}`,
    '',
  );
  return lines.join('\n');
}

export function formatQuotaPlan(plan: QuotaPlanView, now: number): string {
  const { quota, cycle } = plan;
  const left =
    quota.remaining === null
      ? 'Quota: not known yet (Soundcharts tells it with the first request).'
      : `Quota: ${formatCount(quota.remaining)} requests left${quota.limit === null ? '' : ` of ${formatCount(quota.limit)}`}` +
        (quota.observedAt === null ? '' : ` (as of ${formatInstant(quota.observedAt)})`);
  const table = formatTable(plan.schedules, [
    { header: 'chart', value: (s) => `${s.name} (${s.slug})${s.active ? '' : ' · paused'}` },
    { header: 'runs/month', value: (s) => formatCount(s.runsPerMonth), align: 'right' },
    { header: 'requests/run', value: (s) => formatCount(s.requestsPerRun), align: 'right' },
    { header: 'metadata/month', value: (s) => formatCount(s.metadataPerMonth), align: 'right' },
    { header: 'per month', value: (s) => formatCount(s.perMonth), align: 'right' },
    { header: 'basis', value: (s) => s.basis },
  ]);
  const verdict =
    plan.exhaustsAt !== null
      ? `The quota runs out about ${formatInstant(plan.exhaustsAt)}, before the billing cycle ends ${formatInstant(cycle.end)}: pause or slow a schedule.`
      : quota.remaining === null
        ? `Projected until the cycle ends ${formatInstant(cycle.end)}: ${formatCount(plan.projectedToCycleEnd)} requests.`
        : `Enough: ${formatCount(plan.projectedToCycleEnd)} of the ${formatCount(quota.remaining)} requests left are projected until the cycle ends ${formatInstant(cycle.end)}.`;
  return [
    left,
    `Billing cycle: ${formatInstant(cycle.start)} to ${formatInstant(cycle.end)} (${formatCount(Math.max(0, Math.ceil((cycle.end - now) / 86_400_000)))} days left)`,
    '',
    plan.schedules.length === 0 ? 'No schedules.\n' : table,
    `Audience on demand: ${formatCount(plan.audiencePerMonth)} a month`,
    `Projected: ${formatCount(plan.projectedPerMonth)} requests a month`,
    verdict,
    '',
  ].join('\n');
}
