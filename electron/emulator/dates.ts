/**
 * Calendar arithmetic on day numbers (days since 1970-01-01), and the datetime strings the API writes:
 * ISO-8601 with an explicit offset. Data older than a configurable age can be stamped with a European offset,
 * as Soundcharts' older data is, to keep clients honest about offsets.
 */

const DAY_MS = 86_400_000;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const OFFSET_DATETIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

export function dayOf(date: string): number {
  const match = CALENDAR_DATE.exec(date);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!Number.isFinite(time) || formatDay(time / DAY_MS) !== date) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  }
  return time / DAY_MS;
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
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

/** The calendar date a request names: `YYYY-MM-DD` or any offset datetime, read in its own offset. */
export function requestedDay(text: string): number | null {
  const date = CALENDAR_DATE.test(text) ? text : OFFSET_DATETIME.exec(text)?.[1];
  if (date === undefined) return null;
  try {
    return dayOf(date);
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
