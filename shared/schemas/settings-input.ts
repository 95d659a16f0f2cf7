import { z } from 'zod';
import { ALERT_KINDS } from '../domain/alert-kinds';
import { QUOTA_LOW_PERCENT_MAX, QUOTA_LOW_REQUESTS_MAX } from '../domain/policies';
import { retentionDaysSchema } from './retention-input';

const wholeNumber = (field: string, max: number) =>
  z
    .number({ error: `${field} must be a whole number.` })
    .int(`${field} must be a whole number.`)
    .min(0, `${field} cannot be negative.`)
    .max(max, `${field} is at most ${max.toLocaleString('en-US')}.`);

/** A partial change of the settings: only the keys given change; an unknown key is refused by name. */
export const updateSettingsInput = z
  .object({
    disabledAlertKinds: z
      .array(
        z.enum(ALERT_KINDS, {
          error: (issue) =>
            `Unknown alert kind ${JSON.stringify(issue.input)}; the kinds are ${ALERT_KINDS.join(', ')}.`,
        }),
      )
      .transform((kinds) => [...new Set(kinds)]),
    quotaLowPercent: wholeNumber('The quota-low percentage', QUOTA_LOW_PERCENT_MAX),
    quotaLowRequests: wholeNumber('The quota-low request count', QUOTA_LOW_REQUESTS_MAX),
    retentionDays: retentionDaysSchema,
  })
  .partial()
  .strict();
