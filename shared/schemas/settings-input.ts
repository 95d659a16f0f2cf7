import { z } from 'zod';
import { groupDigits } from '../domain/group-digits';
import { ALERT_KINDS } from '../domain/alert-kinds';
import {
  HISTORY_WINDOW_DAYS_MAX,
  HISTORY_WINDOW_DAYS_MIN,
  NOTIFICATIONS_PER_MINUTE_MAX,
  RATE_LIMIT_PER_MINUTE_MAX,
  REQUESTS_IN_FLIGHT_MAX,
  REQUESTS_IN_FLIGHT_MIN,
  BILLING_CYCLE_DAY_MAX,
  BILLING_CYCLE_DAY_MIN,
  QUOTA_LOW_PERCENT_MAX,
  QUOTA_LOW_REQUESTS_MAX,
} from '../domain/policies';
import { apiUrlSchema } from './connection-input';
import { retentionDaysSchema } from './retention-input';

const wholeNumber = (field: string, max: number) =>
  z
    .number({ error: `${field} must be a whole number.` })
    .int(`${field} must be a whole number.`)
    .min(0, `${field} cannot be negative.`)
    .max(max, `${field} is at most ${groupDigits(max)}.`);

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

const between = (field: string, min: number, max: number) =>
  z
    .number({ error: `${field} must be a whole number.` })
    .int(`${field} must be a whole number.`)
    .min(min, `${field} is between ${min} and ${groupDigits(max)}.`)
    .max(max, `${field} is between ${min} and ${groupDigits(max)}.`);

const onOff = (field: string) => z.boolean({ error: `${field} is true or false.` });

export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemeSetting = (typeof THEMES)[number];

const alertKindList = z
  .array(
    z.enum(ALERT_KINDS, {
      error: (issue) =>
        `Unknown alert kind ${JSON.stringify(issue.input)}; the kinds are ${ALERT_KINDS.join(', ')}.`,
    }),
  )
  .transform((kinds) => [...new Set(kinds)]);

/** Every setting an operator can change, with its validation: the one definition input and storage share. */
export const settingsFields = {
  disabledAlertKinds: alertKindList,
  quotaLowPercent: wholeNumber('The quota-low percentage', QUOTA_LOW_PERCENT_MAX),
  quotaLowRequests: wholeNumber('The quota-low request count', QUOTA_LOW_REQUESTS_MAX),
  retentionDays: retentionDaysSchema,
  billingCycleDay: billingCycleDaySchema,
  apiUrl: apiUrlSchema,
  rateLimitPerMinute: between('The rate limit per minute', 1, RATE_LIMIT_PER_MINUTE_MAX),
  requestsInFlight: between('Requests in flight', REQUESTS_IN_FLIGHT_MIN, REQUESTS_IN_FLIGHT_MAX),
  defaultHistoryWindowDays: between(
    'The default history window',
    HISTORY_WINDOW_DAYS_MIN,
    HISTORY_WINDOW_DAYS_MAX,
  ),
  closeToTray: onOff('Close to tray'),
  launchAtLogin: onOff('Launch at login'),
  theme: z.enum(THEMES, { error: `The theme is one of ${THEMES.join(', ')}.` }),
  disabledNotificationKinds: alertKindList,
  notificationsPerMinute: between('Notifications per minute', 1, NOTIFICATIONS_PER_MINUTE_MAX),
};

/** A partial change of the settings: only the keys given change; an unknown key is refused by name. */
export const updateSettingsInput = z.object(settingsFields).partial().strict();
