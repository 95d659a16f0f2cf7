import type { CallInput } from '../../../../shared/contract/calls';
import type { UpdateScheduleInput } from '../../../../shared/schemas/schedule-input';
import type { QuotaImpactView } from '../../../../shared/views/analytics';
import type { ScheduleView } from '../../../../shared/views/schedule-view';
import type { ConfirmRequest } from '../../store/confirm-store';
import { formatCount } from '../../format/numbers';
import { validateCreate, type EditorForm } from './editor-form';

/** How long the editor waits after the last keystroke before it asks what the schedule would cost. */
export const QUOTA_IMPACT_DEBOUNCE_MS = 400;

/**
 * The `analytics/quota-impact` question for the form as it stands: a new schedule, or the edited one with the
 * changes applied. Null while the form has a problem (the projection of a half-typed cron means nothing).
 */
export function quotaImpactRequest(
  form: EditorForm,
  schedule: ScheduleView | null,
): CallInput<'analytics/quota-impact'> | null {
  const checked = validateCreate(schedule ? { ...form, chartId: schedule.chart.id } : form);
  if (!checked.ok) return null;
  return schedule ? { scheduleId: schedule.id, schedule: checked.value } : { schedule: checked.value };
}

/**
 * Whether saving deserves the warning: the change would exhaust the quota before the cycle ends and it is this
 * change that costs more. Editing a schedule in a plan that runs out anyway (its time zone, or to slow it down)
 * is not held up; a new schedule, or one made more frequent, activated or given more history, is.
 */
export function quotaWarningNeeded(
  impact: QuotaImpactView,
  edit: { original: ScheduleView; changes: UpdateScheduleInput } | null,
): boolean {
  if (!impact.exhaustsBeforeCycleEnd) return false;
  if (edit === null) return true;
  const { original, changes } = edit;
  return (
    impact.afterPerMonth > impact.beforePerMonth ||
    changes.isActive === true ||
    changes.syncHistoricalData === true ||
    (changes.historyWindowDays !== undefined && changes.historyWindowDays > original.historyWindowDays)
  );
}

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** The warning before saving: what the change costs, when the quota would run out, and both ways out. */
export function quotaWarning(impact: QuotaImpactView, creating: boolean): ConfirmRequest {
  const added = impact.afterPerMonth - impact.beforePerMonth;
  const cost =
    `${creating ? 'This schedule adds' : 'This change adds'} about ${formatCount(Math.max(0, added))} requests a month` +
    (impact.backfillRequests > 0
      ? `, plus ${formatCount(impact.backfillRequests)} for its first backfill of history.`
      : '.');
  const when =
    impact.exhaustsAt === null
      ? 'With it, the projected requests exceed the quota left before the billing cycle ends.'
      : `With it, the quota${impact.remaining === null ? '' : ` (${formatCount(impact.remaining)} left)`} runs out on ${dayMonth.format(new Date(impact.exhaustsAt))}, before the billing cycle ends.`;
  return {
    title: 'This would use up the Soundcharts quota',
    message: `${cost} ${when} Syncs stop when the quota is spent. Go back to sync less often or keep less history, or save anyway.`,
    confirmLabel: 'Save anyway',
    cancelLabel: 'Go back',
    danger: true,
  };
}
