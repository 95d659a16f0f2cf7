/**
 * The audience endpoint answers at most 90 days per call. Windows are counted in calendar days, both ends
 * inclusive, so that a window never exceeds the limit whichever way the API counts it.
 */
export const AUDIENCE_WINDOW_DAYS = 90;

const DAY_MS = 86_400_000;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

export type DateWindow = { readonly startDate: string; readonly endDate: string };

export function audienceWindows(
  startDate: string,
  endDate: string,
  maxDays = AUDIENCE_WINDOW_DAYS,
): DateWindow[] {
  const start = dayNumber(startDate);
  const end = dayNumber(endDate);
  if (end < start) throw new RangeError(`endDate ${endDate} is before startDate ${startDate}`);
  const windows: DateWindow[] = [];
  for (let from = start; from <= end; from += maxDays) {
    windows.push({ startDate: calendarDate(from), endDate: calendarDate(Math.min(end, from + maxDays - 1)) });
  }
  return windows;
}

function dayNumber(date: string): number {
  const time = CALENDAR_DATE.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  if (!Number.isFinite(time) || calendarDate(time / DAY_MS) !== date) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  }
  return time / DAY_MS;
}

function calendarDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
