import { COUNTED_HEALTH, type Health } from '../../../../shared/domain/health';
import { HEALTH_LABEL } from '../../../../shared/domain/health-labels';
import type { ScheduleView } from '../../../../shared/views/schedule-view';

const URGENT: readonly Health[] = ['action_required', 'failing'];

/**
 * The schedule's health and its reason, always in words: a callout when something is wrong (red when the
 * operator must act, amber when it may mend itself), one line otherwise.
 */
export function HealthCallout({ schedule }: { schedule: Pick<ScheduleView, 'health' | 'healthReason'> }) {
  const { health, healthReason } = schedule;
  const { icon, label } = HEALTH_LABEL[health];
  if (!(COUNTED_HEALTH as readonly Health[]).includes(health)) {
    return (
      <p className="schedule-health" data-health={health}>
        {healthReason}
      </p>
    );
  }
  const urgent = URGENT.includes(health);
  return (
    <div
      className={`callout ${urgent ? 'callout-bad' : 'callout-warn'} schedule-health`}
      data-health={health}
      role={urgent ? 'alert' : 'status'}
    >
      <strong>
        <span aria-hidden="true">{icon} </span>
        {label}
      </strong>
      <p>{healthReason}</p>
    </div>
  );
}
