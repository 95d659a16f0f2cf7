import { z } from 'zod';
import {
  ACTOR_NAME_MAX_LENGTH,
  CRON_EXPRESSION_MAX_LENGTH,
  FILTER_TEXT_MAX_LENGTH,
  SEARCH_TEXT_MAX_LENGTH,
  TIME_ZONE_MAX_LENGTH,
} from '../domain/policies';

/**
 * The free text fields taken from outside, each capped (policies.ts says why), with the messages the REST API,
 * the CLI and the UI all show. Trimmed first, so a cap counts what is kept.
 */
const capped = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text.` })
    .trim()
    .max(max, `${what} is at most ${max} characters.`);

/** Text searched for in names, titles, slugs and ISRCs. */
export const searchText = capped('The search', SEARCH_TEXT_MAX_LENGTH);
/** A platform or country code to filter by. */
export const filterText = (what: string) => capped(what, FILTER_TEXT_MAX_LENGTH);
export const cronExpressionText = capped('A cron expression', CRON_EXPRESSION_MAX_LENGTH);
export const timeZoneText = capped('A time zone name', TIME_ZONE_MAX_LENGTH);
export const actorName = capped('The name of who made it', ACTOR_NAME_MAX_LENGTH);
