import type { QuotaPlanView, ScheduleQuotaProjection } from '../../../../shared/views/analytics';
import { compareNullable, textCollator, type SortState } from '../../components/table-sort';
import { formatCount } from '../../format/numbers';

export type QuotaColumn = 'chart' | 'runs' | 'perRun' | 'metadata' | 'perMonth' | 'basis';
export const DEFAULT_QUOTA_SORT: SortState<QuotaColumn> = { key: 'perMonth', direction: 'desc' };

const NUMBER_OF: Record<Exclude<QuotaColumn, 'chart' | 'basis'>, (s: ScheduleQuotaProjection) => number> = {
  runs: (s) => s.runsPerMonth,
  perRun: (s) => s.requestsPerRun,
  metadata: (s) => s.metadataPerMonth,
  perMonth: (s) => s.perMonth,
};

/** The planner's rows in the order asked for; ties fall back to the chart's name, so the order is stable. */
export function sortProjections(
  rows: readonly ScheduleQuotaProjection[],
  sort: SortState<QuotaColumn>,
): ScheduleQuotaProjection[] {
  const byName = (a: ScheduleQuotaProjection, b: ScheduleQuotaProjection) =>
    textCollator.compare(a.name, b.name) || a.scheduleId - b.scheduleId;
  const flip = sort.direction === 'asc' ? 1 : -1;
  const compare = (a: ScheduleQuotaProjection, b: ScheduleQuotaProjection): number => {
    switch (sort.key) {
      case 'chart':
        return flip * byName(a, b);
      case 'basis':
        return flip * a.basis.localeCompare(b.basis) || byName(a, b);
      default: {
        const value = NUMBER_OF[sort.key];
        return compareNullable(value(a), value(b), sort.direction) || byName(a, b);
      }
    }
  };
  return [...rows].sort(compare);
}

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** "1 Jan 2027": a day as the app writes it, in the viewer's zone. */
export function formatDay(at: number): string {
  return dayMonth.format(new Date(at));
}

export type QuotaOutlook = { tone: 'bad' | 'warn' | 'good' | 'unknown'; text: string };

/**
 * The planner's verdict in one sentence: when the quota runs out at the projected rate (before the cycle
 * ends), or how much is left over; unknown while Soundcharts has not reported the quota.
 */
export function quotaOutlook(plan: QuotaPlanView): QuotaOutlook {
  const { remaining } = plan.quota;
  if (remaining === null) {
    return {
      tone: 'unknown',
      text: `Soundcharts has not reported the quota yet: the schedules are projected to use ${formatCount(plan.projectedToCycleEnd)} requests until the cycle ends on ${formatDay(plan.cycle.end)}.`,
    };
  }
  if (plan.exhaustsAt !== null) {
    const early = Math.max(0, Math.ceil((plan.cycle.end - plan.exhaustsAt) / 86_400_000));
    return {
      tone: 'bad',
      text: `At this rate the quota runs out on ${formatDay(plan.exhaustsAt)}, ${early} day${early === 1 ? '' : 's'} before the cycle ends (${formatDay(plan.cycle.end)}). Pause or slow down some schedules, or raise the plan.`,
    };
  }
  const spare = remaining - plan.projectedToCycleEnd;
  const tight = spare < remaining * 0.1;
  return {
    tone: tight ? 'warn' : 'good',
    text: `Enough quota until the cycle ends on ${formatDay(plan.cycle.end)}: about ${formatCount(Math.max(0, spare))} requests to spare.`,
  };
}
