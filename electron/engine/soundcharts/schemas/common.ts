import { z } from 'zod';
import { isCalendarDate, isOffsetDatetime } from '../datetime';

/**
 * Building blocks of every Soundcharts body. Objects are zod's default (unknown keys are dropped, never
 * rejected): the API adds fields over time and a new field must not stop a sync.
 */

/** An ISO-8601 datetime that carries its offset; one without would force us to guess a timezone. */
export const offsetDatetime = z
  .string()
  .refine(isOffsetDatetime, { message: 'expected an ISO-8601 datetime with an offset' });

/**
 * A day: a bare `YYYY-MM-DD` (its calendar date is itself) or an offset datetime (its calendar date in its own
 * offset). For fields such as a release date, which name a day rather than an instant.
 */
export const calendarDay = z.string().refine((value) => isCalendarDate(value) || isOffsetDatetime(value), {
  message: 'expected YYYY-MM-DD or an ISO-8601 datetime with an offset',
});

/**
 * An optional field where the API writes "" for "nothing to say" (the API documentation: metadata fields "may be
 * absent or ''"): "" reads as null, absent and null stay so, and anything else must match `schema`, so that an
 * empty string never fails a stricter type (a datetime, a number, a list) and with it the whole response.
 */
export function emptyAsNull<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? null : value), schema.nullish());
}

export const apiErrorSchema = z.object({
  key: z.string().nullish(),
  code: z.union([z.number(), z.string()]).nullish(),
  message: z.string().nullish(),
});

/** Present on every real body, empty on success; tolerated when absent (the captured audience body lost it). */
export const errorsSchema = z.array(apiErrorSchema).optional();

export const pageSchema = z.object({
  offset: z.number().int().nonnegative(),
  limit: z.number().int().nonnegative(),
  next: z.string().nullable(),
  previous: z.string().nullish(),
  total: z.number().int().nonnegative(),
});

export type ApiPage = z.infer<typeof pageSchema>;

/** Any 4xx/5xx body: only the first message is of interest, and a body of another shape is no reason to fail. */
export const errorBodySchema = z.object({ errors: z.array(apiErrorSchema).optional() });
