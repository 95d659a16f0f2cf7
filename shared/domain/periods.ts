import type { ChartFrequency } from './frequency';
import { DAY_MS, HISTORY_WINDOW_DAYS_MAX, HISTORY_WINDOW_DAYS_MIN, MINUTE_MS } from './policies';

/**
 * Gap detection is "expected periods minus stored periods". Everything here works on 'YYYY-MM-DD' strings and
 * integer day numbers (days since 1970-01-01), never on Date in local time, so that the machine's zone cannot move
 * a ranking to another day.
 */

/** One day, ISO week or month of a chart; start and end are inclusive calendar dates. */
export type Period = { key: string; start: string; end: string };

type CivilDate = { year: number; month: number; day: number };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2})))?$/;

const MAX_OFFSET_HOURS = 23;

/** The calendar date a Soundcharts datetime denotes in its own offset ('…T00:30:00+02:00' is that day, not the day before). */
export function calendarDateOf(datetime: string): string {
  return parseDateTime(datetime).date;
}

/** Epoch milliseconds of a datetime, honouring its offset. A bare date has no instant, so it is refused. */
export function instantOf(datetime: string): number {
  const parsed = parseDateTime(datetime);
  if (parsed.wallClockMs === null || parsed.offsetMs === null) {
    throw new Error(
      `"${datetime}" is a calendar date without a time and offset, so it denotes no single instant.`,
    );
  }
  return parsed.wallClockMs - parsed.offsetMs;
}

export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return formatDayNumber(dayNumberOf(date) + days);
}

/** The UTC calendar date of an instant. */
export function utcDateOf(instant: number): string {
  if (!Number.isFinite(instant)) throw new RangeError(`instant must be finite, got ${instant}`);
  return formatDayNumber(Math.floor(instant / DAY_MS));
}

/**
 * daily: the date; weekly: the ISO-8601 week 'YYYY-Www' of its week-numbering year; monthly: 'YYYY-MM'. Keying
 * weekly charts by ISO week makes gap detection independent of the weekday Soundcharts stamps a weekly ranking with.
 */
export function periodKeyOf(frequency: ChartFrequency, date: string): string {
  return periodOf(frequency, date).key;
}

export function periodOf(frequency: ChartFrequency, date: string): Period {
  const dayNumber = dayNumberOf(date);
  switch (frequency) {
    case 'daily':
      return { key: date, start: date, end: date };
    case 'weekly': {
      const monday = dayNumber - (isoWeekday(dayNumber) - 1);
      const thursday = monday + 3;
      // The ISO week belongs to the year that holds its Thursday, so 2021-01-03 is in 2020-W53.
      const weekYear = civilOf(thursday).year;
      const week = Math.floor((thursday - dayNumberOfCivil({ year: weekYear, month: 1, day: 1 })) / 7) + 1;
      return {
        key: `${pad(weekYear, 4)}-W${pad(week, 2)}`,
        start: formatDayNumber(monday),
        end: formatDayNumber(monday + 6),
      };
    }
    case 'monthly': {
      const { year, month } = civilOf(dayNumber);
      return {
        key: `${pad(year, 4)}-${pad(month, 2)}`,
        start: formatCivil({ year, month, day: 1 }),
        end: formatCivil({ year, month, day: daysInMonth(year, month) }),
      };
    }
  }
}

/** The last `days` UTC calendar dates up to and including today, so a daily chart has exactly `days` periods. */
export function historyWindow(now: number, days: number): { from: string; to: string } {
  if (!Number.isInteger(days) || days < HISTORY_WINDOW_DAYS_MIN || days > HISTORY_WINDOW_DAYS_MAX) {
    throw new RangeError(
      `the history window must be a whole number of days between ${HISTORY_WINDOW_DAYS_MIN} and ${HISTORY_WINDOW_DAYS_MAX}, got ${days}`,
    );
  }
  const to = utcDateOf(now);
  return { from: addDays(to, -(days - 1)), to };
}

/**
 * The history window of a schedule as stored. The database does not bound the day count, so a row written by
 * hand may hold one out of bounds: it is read as the nearest bound, for the sync and its coverage grid alike.
 */
export function storedHistoryWindow(now: number, storedDays: number): { from: string; to: string } {
  const days = Number.isFinite(storedDays) ? Math.trunc(storedDays) : HISTORY_WINDOW_DAYS_MIN;
  return historyWindow(now, Math.min(Math.max(days, HISTORY_WINDOW_DAYS_MIN), HISTORY_WINDOW_DAYS_MAX));
}

/** Every period overlapping the window, ascending: the fallback calendar when the API's list of dates is unavailable. */
export function expectedPeriods(frequency: ChartFrequency, window: { from: string; to: string }): Period[] {
  const last = dayNumberOf(window.to);
  if (dayNumberOf(window.from) > last) {
    throw new RangeError(`the window starts (${window.from}) after it ends (${window.to})`);
  }
  const periods: Period[] = [];
  let period = periodOf(frequency, window.from);
  while (dayNumberOf(period.start) <= last) {
    periods.push(period);
    period = periodOf(frequency, addDays(period.end, 1));
  }
  return periods;
}

/** Expected periods that no stored ranking falls in; stored dates may be calendar dates or Soundcharts datetimes. */
export function missingPeriods(
  frequency: ChartFrequency,
  expected: Period[],
  storedDates: string[],
): Period[] {
  const stored = new Set(storedDates.map((date) => periodKeyOf(frequency, calendarDateOf(date))));
  return expected.filter((period) => !stored.has(period.key));
}

type ParsedDateTime = { date: string; wallClockMs: number | null; offsetMs: number | null };

function parseDateTime(datetime: string): ParsedDateTime {
  const match = DATETIME.exec(datetime);
  if (match === null) {
    throw new Error(
      `"${datetime}" is not a date ('YYYY-MM-DD') or an ISO-8601 datetime with an offset ('YYYY-MM-DDThh:mm:ss+hh:mm' or 'Z').`,
    );
  }
  const [, y, mo, d, h, mi, s, fraction, zone, sign, oh, om] = match;
  const civil = validCivil(Number(y), Number(mo), Number(d), datetime);
  const date = formatCivil(civil);
  if (h === undefined || mi === undefined) return { date, wallClockMs: null, offsetMs: null };
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s ?? '0');
  if (hour > 23 || minute > 59 || second > 59)
    throw new Error(`"${datetime}" has an impossible time of day.`);
  let offsetMs = 0;
  if (zone !== 'Z') {
    const offsetHours = Number(oh);
    const offsetMinutes = Number(om);
    if (offsetHours > MAX_OFFSET_HOURS || offsetMinutes > 59)
      throw new Error(`"${datetime}" has an impossible offset.`);
    offsetMs = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * MINUTE_MS;
  }
  const millis = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  const wallClockMs = dayNumberOfCivil(civil) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  return { date, wallClockMs, offsetMs };
}

function validCivil(year: number, month: number, day: number, source: string): CivilDate {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new Error(`"${source}" names a day that does not exist.`);
  }
  return { year, month, day };
}

function dayNumberOf(date: string): number {
  const match = DATE.exec(date);
  if (match === null) throw new Error(`"${date}" is not a calendar date of the form 'YYYY-MM-DD'.`);
  const [, y, m, d] = match;
  return dayNumberOfCivil(validCivil(Number(y), Number(m), Number(d), date));
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** ISO weekday, 1 = Monday … 7 = Sunday; day 0 (1970-01-01) was a Thursday. */
function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

// Howard Hinnant's days_from_civil / civil_from_days: exact proleptic Gregorian arithmetic on integers.
function dayNumberOfCivil({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function civilOf(dayNumber: number): CivilDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function formatDayNumber(dayNumber: number): string {
  return formatCivil(civilOf(dayNumber));
}

function formatCivil({ year, month, day }: CivilDate): string {
  if (year < 0 || year > 9999) throw new RangeError(`year ${year} is outside 0000–9999`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
