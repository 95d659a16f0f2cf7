import { z } from 'zod';
import { RETENTION_DAYS_MAX, RETENTION_DAYS_MIN } from '../domain/policies';
import { groupDigits } from '../domain/group-digits';

const BOUNDS = `between ${RETENTION_DAYS_MIN} and ${groupDigits(RETENTION_DAYS_MAX)} days`;

/** How many days of history to keep: the setting, checked the same way by the engine, the CLI and the form. */
export const retentionDaysSchema = z
  .number({ error: `History is kept for a whole number of days, ${BOUNDS}.` })
  .int(`History is kept for a whole number of days, ${BOUNDS}.`)
  .min(RETENTION_DAYS_MIN, `Keep history for at least ${RETENTION_DAYS_MIN} days.`)
  .max(RETENTION_DAYS_MAX, `Keep history for at most ${groupDigits(RETENTION_DAYS_MAX)} days.`);

export const pruneInput = z.object({ dryRun: z.boolean().default(false) }).strict();
