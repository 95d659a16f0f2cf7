import { z } from 'zod';
import { chartSchema } from './chart';
import { errorsSchema, pageSchema } from './common';

/** GET /api/v2/chart/song/platforms */
export const platformsResponseSchema = z.object({
  items: z.array(z.object({ code: z.string().min(1), name: z.string() })),
  page: pageSchema.optional(),
  errors: errorsSchema,
});

/** GET /api/v2/chart/song/by-platform/{platform} */
export const chartsResponseSchema = z.object({
  items: z.array(chartSchema),
  page: pageSchema,
  errors: errorsSchema,
});

export type PlatformsResponse = z.infer<typeof platformsResponseSchema>;
export type ChartsResponse = z.infer<typeof chartsResponseSchema>;
