import { z } from 'zod';
import { CHART_FREQUENCIES } from '../domain/frequency';
import type { Health } from '../domain/health';
import { HEALTH_BY_URGENCY } from '../domain/health-labels';

/**
 * The list filters a terminal offers beside a screen's drop-downs. Typed by hand, so forgiving in spelling:
 * "Weekly", "never synced", "action-required" (the words the screens show) are taken as well as the codes.
 */
const spelledLoosely = z
  .string()
  .trim()
  .transform((value) => value.toLowerCase().replace(/[\s-]+/g, '_'));

export const chartFrequencyFilter = spelledLoosely.pipe(
  z.enum(CHART_FREQUENCIES, { error: `The frequency is one of ${CHART_FREQUENCIES.join(', ')}.` }),
);

const statusFilter = <T extends Health | 'not_scheduled'>(states: readonly T[]) =>
  spelledLoosely.pipe(z.enum(states as [T, ...T[]], { error: `The status is one of ${states.join(', ')}.` }));

/** A schedule's health. */
export const scheduleStatusFilter = statusFilter(HEALTH_BY_URGENCY);
/** A chart's: its schedule's health, or not scheduled. */
export const chartStatusFilter = statusFilter([...HEALTH_BY_URGENCY, 'not_scheduled' as const]);
