import { z } from 'zod';
import { SYNC_FREQUENCIES } from '../domain/frequency';
import {
  CRON_EXPRESSION_MAX_LENGTH,
  TIME_ZONE_MAX_LENGTH,
  CUSTOM_INTERVAL_HOURS_MAX,
  CUSTOM_INTERVAL_HOURS_MIN,
  HISTORY_WINDOW_DAYS_MAX,
  HISTORY_WINDOW_DAYS_MIN,
} from '../domain/policies';
import { cronFrequencyProblem } from '../domain/cron-fields';
import { isValidTimeZone, timingProblem } from '../domain/next-sync';
import { actorName, cronExpressionText, timeZoneText } from './free-text';
import { recordId } from './whole-number';

const id = recordId;

const timingFields = {
  syncFrequency: z.enum(SYNC_FREQUENCIES),
  customIntervalHours: z
    .number()
    .int('Custom interval must be a whole number of hours.')
    .min(CUSTOM_INTERVAL_HOURS_MIN, `Custom interval must be at least ${CUSTOM_INTERVAL_HOURS_MIN} hour.`)
    .max(CUSTOM_INTERVAL_HOURS_MAX, `Custom interval must be at most ${CUSTOM_INTERVAL_HOURS_MAX} hours.`)
    .nullable(),
  cronExpression: cronExpressionText.min(1, 'Enter a cron expression.').nullable(),
  timeZone: timeZoneText.min(1, 'Choose a time zone.').nullable(),
};

const optionFields = {
  isActive: z.boolean(),
  syncImmediately: z.boolean(),
  syncHistoricalData: z.boolean(),
  fetchTrackMetadata: z.boolean(),
  historyWindowDays: z
    .number()
    .int('History window must be a whole number of days.')
    .min(HISTORY_WINDOW_DAYS_MIN, `History window must be at least ${HISTORY_WINDOW_DAYS_MIN} day.`)
    .max(HISTORY_WINDOW_DAYS_MAX, `History window must be at most ${HISTORY_WINDOW_DAYS_MAX} days.`),
};

type TimingDraft = {
  syncFrequency?: (typeof SYNC_FREQUENCIES)[number] | undefined;
  customIntervalHours?: number | null | undefined;
  cronExpression?: string | null | undefined;
  timeZone?: string | null | undefined;
};

/** Cross-field rules (custom needs hours, cron needs an expression and a zone) come from the domain's one check. */
function refineTiming(value: TimingDraft, ctx: z.RefinementCtx): void {
  if (!value.syncFrequency) return;
  // Past its cap a field already has its error, and the timing messages would quote the whole text back.
  if ((value.cronExpression?.length ?? 0) > CRON_EXPRESSION_MAX_LENGTH) return;
  if ((value.timeZone?.length ?? 0) > TIME_ZONE_MAX_LENGTH) return;
  const problem = timingProblem({
    frequency: value.syncFrequency,
    customIntervalHours: value.customIntervalHours ?? null,
    cronExpression: value.cronExpression ?? null,
    timeZone: value.timeZone ?? null,
    anchorAt: 0,
  });
  if (problem) {
    const zoneIsWrong =
      value.syncFrequency === 'cron' &&
      Boolean(value.cronExpression?.trim()) &&
      (!value.timeZone?.trim() || !isValidTimeZone(value.timeZone));
    const path =
      value.syncFrequency === 'custom'
        ? 'customIntervalHours'
        : zoneIsWrong
          ? 'timeZone'
          : value.syncFrequency === 'cron'
            ? 'cronExpression'
            : 'syncFrequency';
    ctx.addIssue({ code: 'custom', message: problem, path: [path] });
    return;
  }
  // A schedule runs at most as often as the shortest custom interval allows, whether in hours or in cron.
  const tooOften = value.syncFrequency === 'cron' ? cronFrequencyProblem(value.cronExpression ?? '') : null;
  if (tooOften) ctx.addIssue({ code: 'custom', message: tooOften, path: ['cronExpression'] });
}

/** Creating a schedule: only the chart is required; the frequency defaults to the chart's own. */
export const createScheduleInput = z
  .object({
    chartId: id,
    syncFrequency: timingFields.syncFrequency.optional(),
    customIntervalHours: timingFields.customIntervalHours.optional(),
    cronExpression: timingFields.cronExpression.optional(),
    timeZone: timingFields.timeZone.optional(),
    isActive: optionFields.isActive.default(true),
    syncImmediately: optionFields.syncImmediately.default(false),
    syncHistoricalData: optionFields.syncHistoricalData.default(true),
    fetchTrackMetadata: optionFields.fetchTrackMetadata.default(true),
    // No default here: the engine applies the operator's defaultHistoryWindowDays setting when it is left out.
    historyWindowDays: optionFields.historyWindowDays.optional(),
    createdBy: actorName.default(''),
  })
  .strict()
  .superRefine(refineTiming);
export type CreateScheduleInput = z.input<typeof createScheduleInput>;

/**
 * A partial update: fields left out keep their value. A timing field sent as null is cleared, so null for the
 * frequency in force is refused (the merged timing is checked by scheduleTimingInput), never read as "keep".
 */
export const updateScheduleInput = z
  .object({
    syncFrequency: timingFields.syncFrequency.optional(),
    customIntervalHours: timingFields.customIntervalHours.optional(),
    cronExpression: timingFields.cronExpression.optional(),
    timeZone: timingFields.timeZone.optional(),
    isActive: optionFields.isActive.optional(),
    syncHistoricalData: optionFields.syncHistoricalData.optional(),
    fetchTrackMetadata: optionFields.fetchTrackMetadata.optional(),
    historyWindowDays: optionFields.historyWindowDays.optional(),
  })
  .strict();
export type UpdateScheduleInput = z.input<typeof updateScheduleInput>;

/** The refinement applied to the merged result of an update (the stored row plus the change). */
export const scheduleTimingInput = z
  .object({
    syncFrequency: timingFields.syncFrequency,
    customIntervalHours: timingFields.customIntervalHours,
    cronExpression: timingFields.cronExpression,
    timeZone: timingFields.timeZone,
  })
  .superRefine(refineTiming);
