import { z } from 'zod';
import { errorsSchema, offsetDatetime } from './common';

/**
 * GET /api/v2.25/song/{uuid}. Only uuid and name are required: the rest is enrichment the app can live
 * without, and older versions shape it differently (v2: `isrc` a plain string, a single `label` string).
 */

const isrcSchema = z.union([
  z.string(),
  z.object({ value: z.string(), countryCode: z.string().nullish(), countryName: z.string().nullish() }),
]);

const artistSchema = z.object({
  uuid: z.string(),
  slug: z.string().nullish(),
  name: z.string(),
  appUrl: z.string().nullish(),
  imageUrl: z.string().nullish(),
});

const genreSchema = z.union([z.string(), z.object({ root: z.string(), sub: z.array(z.string()).nullish() })]);

const labelSchema = z.union([z.string(), z.object({ name: z.string(), type: z.string().nullish() })]);

export const songObjectSchema = z.object({
  uuid: z.string().min(1),
  name: z.string(),
  isrc: isrcSchema.nullish(),
  creditName: z.string().nullish(),
  artists: z.array(artistSchema).nullish(),
  releaseDate: offsetDatetime.nullish(),
  copyright: z.string().nullish(),
  appUrl: z.string().nullish(),
  imageUrl: z.string().nullish(),
  /** Seconds. */
  duration: z.number().nullish(),
  explicit: z.boolean().nullish(),
  genres: z.array(genreSchema).nullish(),
  composers: z.array(z.string()).nullish(),
  producers: z.array(z.string()).nullish(),
  labels: z.array(labelSchema).nullish(),
  /** v2 and older. */
  label: z.string().nullish(),
  /** Audio features; kept only where numeric. */
  audio: z.record(z.string(), z.unknown()).nullish(),
  languageCode: z.string().nullish(),
  distributor: z.string().nullish(),
});

export const songResponseSchema = z.object({
  type: z.string().nullish(),
  object: songObjectSchema,
  errors: errorsSchema,
});

export type ApiSong = z.infer<typeof songObjectSchema>;
export type SongResponse = z.infer<typeof songResponseSchema>;
