import { calendarDateOf, instantOf, utcDateOf } from '../../shared/domain/periods';
import { DAY_MS } from '../../shared/domain/policies';

/**
 * Calendar arithmetic on day numbers (days since 1970-01-01), and the datetime strings the API writes:
 * ISO-8601 with an explicit offset. Data older than a configurable age can be stamped with a European offset,
 * as Soundcharts' older data is, to keep clients honest about offsets.
 *
 * Parsing and formatting are the client's own (shared/domain/periods), so the emulator reads a date exactly as
 * the app does; only the day-number view, weekdays and month steps, which the app has no use for, live here.
 */

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function dayOf(date: string): number {
  if (!CALENDAR_DATE.test(date))
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  try {
    // Midnight UTC of the day, in exact integer calendar arithmetic; throws for a day that does not exist.
    return instantOf(`${date}T00:00:00Z`) / DAY_MS;
  } catch (error) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`, { cause: error });
  }
}

export function formatDay(day: number): string {
  return utcDateOf(day * DAY_MS);
}

export function todayDay(now: number = Date.now()): number {
  return Math.floor(now / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: number): number {
  return new Date(day * DAY_MS).getUTCDay();
}

/** The day number of the first of the month `months` months after the month holding `day`. */
export function addMonths(day: number, months: number): number {
  const date = new Date(day * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1) / DAY_MS;
}

/**
 * The calendar date a request names: `YYYY-MM-DD` or an offset datetime, read in its own offset, with the app's
 * own parser, so the forms the emulator takes are exactly the forms the client reads (an impossible time or
 * offset, or an offset without its colon, is a 400 here as it is a malformed response there).
 *
 * Deliberately looser than the real API is likely to be, and why: the real ranking path takes an ATOM datetime
 * and what it does with anything else is undocumented. The emulator also answers a bare date, and matches a
 * datetime by its calendar date whatever its time of day or offset, so that a date typed by hand (with curl, say)
 * works against the emulator. The client never relies on this: it echoes the strings that
 * available-rankings returned.
 */
export function requestedDay(text: string): number | null {
  try {
    return dayOf(calendarDateOf(text));
  } catch {
    return null;
  }
}

export type OffsetPolicy = {
  /** Days before `today` from which datetimes carry +01:00/+02:00 instead of +00:00; null: always +00:00. */
  readonly olderThanDays: number | null;
  readonly today: number;
};

/** `2025-08-23T12:00:00+00:00`, or the same wall-clock time with the offset of its era. */
export function stamp(day: number, time: string, policy: OffsetPolicy): string {
  return `${formatDay(day)}T${time}${offsetOf(day, policy)}`;
}

function offsetOf(day: number, policy: OffsetPolicy): string {
  if (policy.olderThanDays === null || day > policy.today - policy.olderThanDays) return '+00:00';
  const month = new Date(day * DAY_MS).getUTCMonth();
  // Central European summer time, roughly April to October.
  return month >= 3 && month <= 9 ? '+02:00' : '+01:00';
}
