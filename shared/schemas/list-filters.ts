import { z } from 'zod';
import { CHART_FREQUENCIES } from '../domain/frequency';
import { HEALTH_STATES, type Health } from '../domain/health';
import { HEALTH_ORDER } from '../domain/health-labels';

/**
 * The list filters a terminal offers beside a screen's drop-downs. Typed by hand, so forgiving in spelling:
 * "Weekly", "never synced", "action-required" (the words the screens show) are taken as well as the codes.
 */
const spelledLoosely = z
  .string()
  .trim()
  .transform((value) => value.toLowerCase().replace(/[\s-]+/g, '_'));

export const chartFrequencyFilter = spelledLoosely.pipe(
  z.enum(CHART_FREQUENCIES, {
    error: `The frequency is ${CHART_FREQUENCIES.slice(0, -1).join(', ')} or ${CHART_FREQUENCIES.at(-1)}.`,
  }),
);

/** Most urgent first, as the screens order them. */
const byUrgency = <T extends Health | 'not_scheduled'>(states: readonly T[]): [T, ...T[]] =>
  [...states].sort((a, b) => HEALTH_ORDER[a] - HEALTH_ORDER[b]) as [T, ...T[]];

const statusFilter = <T extends Health | 'not_scheduled'>(states: [T, ...T[]]) =>
  spelledLoosely.pipe(z.enum(states, { error: `The status is one of ${states.join(', ')}.` }));

/** A schedule's health. */
export const scheduleStatusFilter = statusFilter(byUrgency(HEALTH_STATES));
/** A chart's: its schedule's health, or not scheduled. */
export const chartStatusFilter = statusFilter(byUrgency([...HEALTH_STATES, 'not_scheduled'] as const));
