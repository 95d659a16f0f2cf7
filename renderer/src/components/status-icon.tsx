import type { Health } from '../../../shared/domain/health';
import { HEALTH_LABEL, NOT_SCHEDULED_LABEL } from '../../../shared/domain/health-labels';

/**
 * A schedule's health (null: the chart is not scheduled), icon and words, with its reason as the tooltip. The
 * seed's icons stay (✅ ⚠ ⏸); every other state has its own icon and colour.
 */
export function StatusIcon({ health, reason }: { health: Health | null; reason?: string | null }) {
  const { icon, label } = health === null ? NOT_SCHEDULED_LABEL : HEALTH_LABEL[health];
  const state = health ?? 'not_scheduled';
  return (
    <span className={`health health-${state}`} data-health={state} title={reason ?? undefined}>
      {icon && (
        <span className="health-icon" aria-hidden="true">
          {icon}{' '}
        </span>
      )}
      {label}
    </span>
  );
}
