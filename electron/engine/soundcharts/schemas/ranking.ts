import { z } from 'zod';
import { chartSchema } from './chart';
import { emptyAsNull, errorsSchema, offsetDatetime, pageSchema } from './common';

/**
 * The light song of a ranking entry; ISRC, artists and labels come from song metadata. Optional strings may be
 * "" (normalization reads it as null where "" means nothing); optional fields of other types read "" as null.
 */
export const rankingSongSchema = z.object({
  uuid: z.string().min(1),
  name: z.string(),
  creditName: z.string().nullish(),
  imageUrl: z.string().nullish(),
});

export const rankingEntrySchema = z.object({
  song: rankingSongSchema,
  position: z.number().int().positive(),
  /** 0 when the song had no previous position (a new entry). */
  oldPosition: z.number().int().nonnegative(),
  positionEvolution: z.number().int(),
  /** Streams, views… on charts that have a metric; null where the chart ranks by position only. */
  metric: emptyAsNull(z.number()),
  /** Always "" in real data; its values are unknown, so it is kept as text. */
  entryState: z.string().nullish(),
  /** When the song entered the chart; absent, null or "" when the API does not say. */
  entryDate: emptyAsNull(offsetDatetime),
  rankDate: offsetDatetime,
  timeOnChart: z.number().int().nonnegative(),
  /** DOC (days) seen; WOC (weeks) expected for weekly charts. */
  timeOnChartUnit: z.string(),
});

/** GET /api/v2.14/chart/song/{slug}/ranking/{latest|datetime}: one page of a ranking. */
export const rankingResponseSchema = z.object({
  related: z.object({ chart: chartSchema, date: offsetDatetime }),
  items: z.array(rankingEntrySchema),
  page: pageSchema,
  errors: errorsSchema,
});

export type RankingResponse = z.infer<typeof rankingResponseSchema>;
export type ApiRankingEntry = z.infer<typeof rankingEntrySchema>;
