import type { SyncFrequency } from '../../../shared/domain/frequency';
import type { ScheduleView } from '../../../shared/views/schedule-view';

export type Timing = Pick<
  ScheduleView,
  'syncFrequency' | 'customIntervalHours' | 'cronExpression' | 'timeZone'
>;

/** The editor's choices; for the fixed frequencies also how a detail page says them. */
export const FREQUENCY_LABEL: Record<SyncFrequency, string> = {
  daily: 'Daily (every 24 hours)',
  weekly: 'Weekly (every 7 days)',
  monthly: 'Monthly (every 30 days)',
  custom: 'Every N hours',
  cron: 'Cron expression',
};

const SHORT_LABEL = { daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly' } as const;

/** A cron schedule runs on its zone's clock; one saved without a zone runs on UTC. */
const cronText = (timing: Timing) => `${timing.cronExpression ?? ''} (${timing.timeZone ?? 'UTC'})`;

/** How often a schedule runs, as a list column says it: "Daily", "Every 6 h", "0 6 * * 1 (Europe/Paris)". */
export function frequencyLabel(timing: Timing): string {
  switch (timing.syncFrequency) {
    case 'daily':
    case 'weekly':
    case 'monthly':
      return SHORT_LABEL[timing.syncFrequency];
    case 'custom': {
      const hours = timing.customIntervalHours;
      if (hours === null) return 'Custom interval';
      return hours === 1 ? 'Every hour' : `Every ${hours} h`;
    }
    case 'cron':
      return cronText(timing);
  }
}

/** How often a schedule runs, in full: "Daily (every 24 hours)", "Every 6 hours", "Cron 0 6 * * * (Europe/Paris)". */
export function describeTiming(timing: Timing): string {
  switch (timing.syncFrequency) {
    case 'daily':
    case 'weekly':
    case 'monthly':
      return FREQUENCY_LABEL[timing.syncFrequency];
    case 'custom': {
      const hours = timing.customIntervalHours ?? 0;
      return `Every ${hours} hour${hours === 1 ? '' : 's'}`;
    }
    case 'cron':
      return `Cron ${cronText(timing)}`;
  }
}
