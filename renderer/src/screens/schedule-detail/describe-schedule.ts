import type { ScheduleView } from '../../../../shared/views/schedule-view';

/** How often a schedule runs, in words: "Daily (every 24 hours)", "Every 6 hours", "Cron 0 6 * * * (Europe/Paris)". */
export function describeTiming(
  schedule: Pick<ScheduleView, 'syncFrequency' | 'customIntervalHours' | 'cronExpression' | 'timeZone'>,
): string {
  switch (schedule.syncFrequency) {
    case 'daily':
      return 'Daily (every 24 hours)';
    case 'weekly':
      return 'Weekly (every 7 days)';
    case 'monthly':
      return 'Monthly (every 30 days)';
    case 'custom': {
      const hours = schedule.customIntervalHours ?? 0;
      return `Every ${hours} hour${hours === 1 ? '' : 's'}`;
    }
    case 'cron':
      return `Cron ${schedule.cronExpression ?? '?'} (${schedule.timeZone ?? 'no time zone'})`;
  }
}

/** How long ago a history window of this many days starts, said the way operators think of it. */
export function describeWindow(days: number): string {
  if (days === 365 || days === 366) return `${days} days (one year)`;
  if (days % 7 === 0 && days < 365) return `${days} days (${days / 7} weeks)`;
  return `${days} day${days === 1 ? '' : 's'}`;
}
