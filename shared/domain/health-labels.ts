import { HEALTH_STATES, type Health } from './health';

/**
 * How each health state is shown, in the UI and the CLI alike. The seed's icons stay (✅ on time, ⚠ overdue,
 * ⏸ paused, "Not scheduled" without one); the states it did not have get icons of their own, so none reads
 * like another at a glance.
 */
export const HEALTH_LABEL: Record<Health, { icon: string; label: string }> = {
  action_required: { icon: '⛔', label: 'Action required' },
  failing: { icon: '✖', label: 'Failing' },
  retrying: { icon: '↻', label: 'Retrying' },
  overdue: { icon: '⚠', label: 'Overdue' },
  late: { icon: '◷', label: 'Late' },
  running: { icon: '▶', label: 'Running' },
  never_synced: { icon: '○', label: 'Never synced' },
  on_time: { icon: '✅', label: 'On time' },
  paused: { icon: '⏸', label: 'Paused' },
};

/** A chart without a schedule has no health. */
export const NOT_SCHEDULED_LABEL = { icon: '', label: 'Not scheduled' } as const;

/** The order lists sort by and filters offer health in: what needs the operator first. */
export const HEALTH_ORDER: Record<Health | 'not_scheduled', number> = {
  action_required: 0,
  failing: 1,
  retrying: 2,
  overdue: 3,
  late: 4,
  running: 5,
  never_synced: 6,
  on_time: 7,
  paused: 8,
  not_scheduled: 9,
};

/** Every health state, what needs the operator first: the order the status filters offer them in. */
export const HEALTH_BY_URGENCY: readonly Health[] = [...HEALTH_STATES].sort(
  (a, b) => HEALTH_ORDER[a] - HEALTH_ORDER[b],
);

/** "⛔ Action required", "Not scheduled": icon and words, for text-only places (CLI tables, select options). */
export function healthText(health: Health | null): string {
  const { icon, label } = health === null ? NOT_SCHEDULED_LABEL : HEALTH_LABEL[health];
  return icon ? `${icon} ${label}` : label;
}
