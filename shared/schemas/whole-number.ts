import { z } from 'zod';
import { groupDigits } from '../domain/group-digits';

/**
 * A whole number in a range, refused in the operator's words whatever is wrong with it (a word, a fraction, out of
 * range): "The page size must be a whole number from 1 to 500." rather than zod's "expected number, received string".
 */
export function wholeNumber(what: string, min: number, max?: number) {
  const range =
    max === undefined ? `, ${groupDigits(min)} or more` : ` from ${groupDigits(min)} to ${groupDigits(max)}`;
  const message = `${what} must be a whole number${range}.`;
  const atLeast = z.number({ error: message }).int(message).min(min, message);
  return max === undefined ? atLeast : atLeast.max(max, message);
}

/** A row's id (a schedule's, a chart's, an alert's…). */
export const recordId = wholeNumber('An id', 1);

/** A moment as milliseconds since 1970 (UTC). */
export const epochMs = wholeNumber('A time in milliseconds since 1970', 0);

/** A page of a list: its size, `max` at most, and where it starts. */
export const pageLimit = (max: number, byDefault: number) =>
  wholeNumber('The page size', 1, max).default(byDefault);
export const pageOffset = wholeNumber('The offset', 0).default(0);
