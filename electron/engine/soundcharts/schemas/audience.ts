import { z } from 'zod';
import { errorsSchema, offsetDatetime, pageSchema } from './common';

/** GET /api/v2/song/{uuid}/audience/{platform}: cumulative totals, one plot per platform identifier. */
export const audienceResponseSchema = z.object({
  related: z
    .object({
      uuid: z.string(),
      name: z.string().nullish(),
      creditName: z.string().nullish(),
      imageUrl: z.string().nullish(),
    })
    .nullish(),
  items: z.array(
    z.object({
      date: offsetDatetime,
      plots: z.array(z.object({ identifier: z.string().nullish(), value: z.number().nullable() })),
    }),
  ),
  page: pageSchema.nullish(),
  errors: errorsSchema,
});

export type AudienceResponse = z.infer<typeof audienceResponseSchema>;
