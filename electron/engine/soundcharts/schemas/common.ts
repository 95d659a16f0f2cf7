import { z } from 'zod';
import { isOffsetDatetime } from '../datetime';

/**
 * Building blocks of every Soundcharts body. Objects are zod's default (unknown keys are dropped, never
 * rejected): the API adds fields over time and a new field must not stop a sync.
 */

/** An ISO-8601 datetime that carries its offset; one without would force us to guess a timezone. */
export const offsetDatetime = z
  .string()
  .refine(isOffsetDatetime, { message: 'expected an ISO-8601 datetime with an offset' });

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
