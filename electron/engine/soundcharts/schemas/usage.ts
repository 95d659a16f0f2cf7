import { z } from 'zod';
import { errorsSchema } from './common';

/**
 * GET /api/v2/team/usage. Its body is undocumented beyond "your quota and your per-minute rate limit", so
 * nothing in it is required: the numbers are read where they are found and the rest is kept as is.
 */
const counterSchema = z
  .object({
    limit: z.number().nullish(),
    used: z.number().nullish(),
    remaining: z.number().nullish(),
  })
  .loose();

const usageFieldsSchema = z
  .object({
    quota: counterSchema.nullish(),
    rateLimit: counterSchema.nullish(),
  })
  .loose();

export const usageResponseSchema = z
  .object({
    object: usageFieldsSchema.nullish(),
    quota: counterSchema.nullish(),
    rateLimit: counterSchema.nullish(),
    errors: errorsSchema,
  })
  .loose();

export type UsageResponse = z.infer<typeof usageResponseSchema>;
