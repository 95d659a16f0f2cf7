import { z } from 'zod';
import { ANALYTICS_RANGE_MAX_DAYS, DAY_MS } from '../domain/policies';
import { isValidTimeZone } from '../domain/next-sync';
import { createScheduleInput } from './schedule-input';
import { epochMs, recordId } from './whole-number';

export const analyticsInput = z
  .object({
    /** Start of the range (epoch ms, inclusive). */
    from: epochMs,
    /** End of the range (epoch ms, exclusive). */
    to: epochMs,
    /** Days are counted in this IANA zone (the viewer's); the engine host's zone when absent. */
    timeZone: z
      .string()
      .trim()
      .refine(isValidTimeZone, 'Unknown time zone: use an IANA name such as Europe/Paris.')
      .optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.from >= value.to) {
      ctx.addIssue({
        code: 'custom',
        message: 'The start date must be before the end date.',
        path: ['from'],
      });
    } else if (value.to - value.from > ANALYTICS_RANGE_MAX_DAYS * DAY_MS) {
      ctx.addIssue({
        code: 'custom',
        message: `Choose a range of at most ${ANALYTICS_RANGE_MAX_DAYS} days.`,
        path: ['from'],
      });
    }
  });

/** A schedule as the editor holds it (a new one, or `scheduleId`'s with the changes applied). */
export const quotaImpactInput = z
  .object({ scheduleId: recordId.optional(), schedule: createScheduleInput })
  .strict();
