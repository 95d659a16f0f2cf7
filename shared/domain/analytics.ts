import type { ChartFrequency } from './frequency';
import { addDays, utcDateOf } from './periods';
import { DAY_MS } from './policies';
import { instantOfWallClock, wallClockOf } from './zoned-time';

/**
 * The dashboard's pure rules: which calendar day an instant falls on in the viewer's zone, the days of a range,
 * the median and p95 of durations, and how fresh a chart's newest stored period is.
 */

/** One calendar day of a zone, as the instants [start, end) it spans (23 or 25 hours across a DST change). */
export type ZonedDay = { day: string; start: number; end: number };

/** The calendar date ('YYYY-MM-DD') an instant falls on in an IANA zone. */
export function zonedDayOf(instant: number, zone: string): string {
  return utcDateOf(wallClockOf(zone, instant));
}

/** The first instant of a calendar date in a zone (its midnight, or the first time after a skipped midnight). */
export function zonedDayStart(day: string, zone: string): number {
  return instantOfWallClock(zone, Date.parse(`${day}T00:00:00Z`));
}

/**
 * Every day of the zone that [from, to) touches, oldest first, each with the instants it spans. A range that
 * starts or ends mid-day includes that day whole: a day is the unit the dashboard counts in.
 */
export function zonedDays(from: number, to: number, zone: string): ZonedDay[] {
  if (!(Number.isFinite(from) && Number.isFinite(to)) || from >= to) {
    throw new RangeError(`the range must have from < to, got ${from} and ${to}`);
  }
  const days: ZonedDay[] = [];
  const last = zonedDayOf(to - 1, zone);
  for (let day = zonedDayOf(from, zone); day <= last; day = addDays(day, 1)) {
    const start = zonedDayStart(day, zone);
    days.push({ day, start, end: zonedDayStart(addDays(day, 1), zone) });
  }
  return days;
}

/**
 * The index in `days` (sorted, contiguous) of the day holding `instant`, or -1 outside them. A binary search:
 * the dashboard places up to a year of executions one by one.
 */
export function dayIndexOf(days: readonly ZonedDay[], instant: number): number {
  let low = 0;
  let high = days.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const day = days[middle]!;
    if (instant < day.start) high = middle - 1;
    else if (instant >= day.end) low = middle + 1;
    else return middle;
  }
  return -1;
}

/** The median: the middle value, or the mean of the two middle ones (rounded to a whole ms); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

/**
 * The p-th percentile by the nearest-rank rule: the smallest value that at least p % of the values do not
 * exceed. Always a duration that really happened (no interpolation between two syncs); null when empty.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`p must be in (0, 100], got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Days between two periods of a chart, for its freshness: 1 daily, 7 weekly, 31 monthly (the longest month, so
 * a monthly chart is not called stale at the end of a 31-day month).
 */
export const PERIOD_DAYS: Readonly<Record<ChartFrequency, number>> = { daily: 1, weekly: 7, monthly: 31 };

/** A day of slack beyond the period: Soundcharts publishes a ranking some hours after its date. */
export const FRESHNESS_SLACK_DAYS = 1;

export type Freshness = {
  ageDays: number | null;
  periodDays: number;
  state: 'fresh' | 'stale' | 'never';
};

/** How old a chart's newest stored ranking date is on `today` (both calendar dates), against its period. */
export function freshnessOf(frequency: ChartFrequency, newestDate: string | null, today: string): Freshness {
  const periodDays = PERIOD_DAYS[frequency];
  if (newestDate === null) return { ageDays: null, periodDays, state: 'never' };
  const ageDays = Math.max(0, Math.round((Date.parse(today) - Date.parse(newestDate)) / DAY_MS));
  return { ageDays, periodDays, state: ageDays <= periodDays + FRESHNESS_SLACK_DAYS ? 'fresh' : 'stale' };
}

/** Stalest first: never synced, then by how many periods behind, then by age; ties by name for a stable list. */
export function byStaleness<T extends Freshness & { name: string }>(a: T, b: T): number {
  const lag = (f: Freshness) =>
    f.ageDays === null ? Number.POSITIVE_INFINITY : (f.ageDays - f.periodDays) / f.periodDays;
  return lag(b) - lag(a) || (b.ageDays ?? 0) - (a.ageDays ?? 0) || a.name.localeCompare(b.name);
}
