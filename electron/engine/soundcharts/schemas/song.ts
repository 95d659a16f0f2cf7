import { z } from 'zod';
import { calendarDay, emptyAsNull, errorsSchema } from './common';

/**
 * GET /api/v2.25/song/{uuid}. Only uuid and name are required: the rest is enrichment the app can live
 * without, and older versions shape it differently (v2: `isrc` a plain string, a single `label` string).
 * Every optional field may be absent, null or "" (the API documents "may be absent or ''"): plain strings keep
 * "" (normalization turns it into null), every other type reads "" as null.
 */

const isrcSchema = z.union([
  z.string(),
  z.object({
    value: z.string().nullish(),
    countryCode: z.string().nullish(),
    countryName: z.string().nullish(),
  }),
]);

const artistSchema = z.object({
  uuid: z.string(),
  slug: z.string().nullish(),
  name: z.string(),
  appUrl: z.string().nullish(),
  imageUrl: z.string().nullish(),
});

const genreSchema = z.union([
  z.string(),
  z.object({ root: z.string(), sub: emptyAsNull(z.array(z.string())) }),
]);

const labelSchema = z.union([z.string(), z.object({ name: z.string(), type: z.string().nullish() })]);

export const songObjectSchema = z.object({
  uuid: z.string().min(1),
  name: z.string(),
  isrc: emptyAsNull(isrcSchema),
  creditName: z.string().nullish(),
  artists: emptyAsNull(z.array(artistSchema)),
  /** A datetime with an offset in v2.25; a bare YYYY-MM-DD is a day as well. */
  releaseDate: emptyAsNull(calendarDay),
  copyright: z.string().nullish(),
  appUrl: z.string().nullish(),
  imageUrl: z.string().nullish(),
  /** Seconds. */
  duration: emptyAsNull(z.number()),
  explicit: emptyAsNull(z.boolean()),
  genres: emptyAsNull(z.array(genreSchema)),
  composers: emptyAsNull(z.array(z.string())),
  producers: emptyAsNull(z.array(z.string())),
  labels: emptyAsNull(z.array(labelSchema)),
  /** v2 and older. */
  label: z.string().nullish(),
  /** Audio features; kept only where numeric. */
  audio: emptyAsNull(z.record(z.string(), z.unknown())),
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
