import { z } from 'zod';
import { ALERT_KINDS } from '../domain/alert-kinds';
import {
  BILLING_CYCLE_DAY_MAX,
  BILLING_CYCLE_DAY_MIN,
  QUOTA_LOW_PERCENT_MAX,
  QUOTA_LOW_REQUESTS_MAX,
} from '../domain/policies';
import { retentionDaysSchema } from './retention-input';

const wholeNumber = (field: string, max: number) =>
  z
    .number({ error: `${field} must be a whole number.` })
    .int(`${field} must be a whole number.`)
    .min(0, `${field} cannot be negative.`)
    .max(max, `${field} is at most ${max.toLocaleString('en-US')}.`);

/** The day of the month the Soundcharts billing cycle starts (28 at most, so every month has it). */
export const billingCycleDaySchema = z
  .number({ error: 'The billing cycle day must be a whole number.' })
  .int('The billing cycle day must be a whole number.')
  .min(
    BILLING_CYCLE_DAY_MIN,
    `The billing cycle day is between ${BILLING_CYCLE_DAY_MIN} and ${BILLING_CYCLE_DAY_MAX}.`,
  )
  .max(
    BILLING_CYCLE_DAY_MAX,
    `The billing cycle day is between ${BILLING_CYCLE_DAY_MIN} and ${BILLING_CYCLE_DAY_MAX}.`,
  );

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
    billingCycleDay: billingCycleDaySchema,
  })
  .partial()
  .strict();
