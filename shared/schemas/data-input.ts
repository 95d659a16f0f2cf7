import { z } from 'zod';
import {
  CHART_REFERENCE_MAX,
  SONG_PAGE_DEFAULT,
  SONG_PAGE_MAX,
  SUPPORTED_AUDIENCE_PLATFORMS,
} from '../domain/policies';
import { SONG_SORTS } from '../views/song';
import { calendarDate } from './calendar-date';
import { searchText } from './free-text';

/** A chart as the operator names it: its id or its slug (CLI argument, REST path segment, UI link). */
export const chartReference = z
  .string()
  .trim()
  .min(1, 'Name the chart by its id or slug.')
  .max(CHART_REFERENCE_MAX, `A chart reference is at most ${CHART_REFERENCE_MAX} characters.`);

/** A song by its Soundcharts uuid, or its ISRC (with or without hyphens, any case). */
const songReference = z
  .string()
  .trim()
  .min(1, 'Name the song by its uuid or ISRC.')
  .max(100, 'A song uuid or ISRC is at most 100 characters.');

export const rankingInput = z
  .object({
    chart: chartReference,
    /** The ranking's calendar date; absent = the latest stored. */
    date: calendarDate('The ranking date').optional(),
  })
  .strict();

export const songsListInput = z
  .object({
    /** Matches title, artists (credit name) or ISRC, case-insensitively. */
    search: searchText.optional(),
    sort: z
      .enum(SONG_SORTS, {
        error: (issue) =>
          `Unknown sort ${JSON.stringify(issue.input)}; the sorts are ${SONG_SORTS.join(', ')}.`,
      })
      .default('last_seen'),
    limit: z
      .number({ error: 'The page size must be a whole number.' })
      .int('The page size must be a whole number.')
      .min(1, `A page holds 1 to ${SONG_PAGE_MAX} songs.`)
      .max(SONG_PAGE_MAX, `A page holds 1 to ${SONG_PAGE_MAX} songs.`)
      .default(SONG_PAGE_DEFAULT),
    offset: z
      .number({ error: 'The offset must be a whole number, 0 or more.' })
      .int('The offset must be a whole number, 0 or more.')
      .nonnegative('The offset must be a whole number, 0 or more.')
      .default(0),
  })
  .strict();

export const songGetInput = z.object({ song: songReference }).strict();

export const songAudienceInput = z
  .object({
    song: songReference,
    /** Only this platform (all supported platforms when absent). */
    platform: z
      .enum(SUPPORTED_AUDIENCE_PLATFORMS, {
        error: (issue) =>
          `Unknown audience platform ${JSON.stringify(issue.input)}; the platforms are ${SUPPORTED_AUDIENCE_PLATFORMS.join(', ')}.`,
      })
      .optional(),
    /** Fetch again now even when the stored data is fresh (the manual refresh button). */
    refresh: z.boolean().default(false),
  })
  .strict();
