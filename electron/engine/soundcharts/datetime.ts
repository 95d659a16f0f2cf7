import { calendarDateOf, instantOf } from '../../../shared/domain/periods';

/**
 * Soundcharts datetimes are ISO-8601 with an explicit offset (`2025-08-23T12:00:00+00:00`, older data
 * `+02:00`). A ranking is keyed by the exact string and by the calendar date *in its own offset*: converting to
 * UTC first would move `2019-06-01T00:00:00+02:00` to May 31. The parsing itself is shared/domain/periods'.
 */

export type ParsedDatetime = {
  /** The string exactly as the API sent it. */
  readonly datetime: string;
  /** YYYY-MM-DD as written, i.e. the calendar date in the datetime's own offset. */
  readonly date: string;
  /** Milliseconds since the epoch, the offset applied. */
  readonly instant: number;
};

/** True for a datetime with a time and an offset; a bare date, or a time without offset, is not one. */
export function isOffsetDatetime(value: string): boolean {
  try {
    instantOf(value);
    return true;
  } catch {
    return false;
  }
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A bare `YYYY-MM-DD` that names a day that exists. */
export function isCalendarDate(value: string): boolean {
  if (!CALENDAR_DATE.test(value)) return false;
  try {
    calendarDateOf(value);
    return true;
  } catch {
    return false;
  }
}

export function parseOffsetDatetime(value: string): ParsedDatetime {
  try {
    return { datetime: value, date: calendarDateOf(value), instant: instantOf(value) };
  } catch (error) {
    throw new RangeError(`not an ISO-8601 datetime with an offset: ${JSON.stringify(value)}`, {
      cause: error,
    });
  }
}
