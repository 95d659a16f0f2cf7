import { z } from 'zod';
import { errorsSchema, offsetDatetime, pageSchema } from './common';

/**
 * GET /api/v2/chart/song/{slug}/available-rankings: `items` are ranking datetimes in an undocumented order.
 * `related` (the chart) is not needed and its exact shape is not confirmed, so it is not validated.
 */
export const availableRankingsResponseSchema = z.object({
  items: z.array(offsetDatetime),
  page: pageSchema,
  errors: errorsSchema,
});

export type AvailableRankingsResponse = z.infer<typeof availableRankingsResponseSchema>;
