import { addDays } from '../../../shared/domain/periods';
import { AUDIENCE_WINDOW_DAYS } from '../../../shared/domain/policies';
import { isCalendarDate } from './datetime';

/**
 * The audience endpoint answers at most 90 days per call (AUDIENCE_WINDOW_DAYS, a policy). Windows are counted
 * in calendar days, both ends inclusive, so that a window never exceeds the limit whichever way the API counts
 * it. The calendar arithmetic is shared/domain/periods'.
 */
export { AUDIENCE_WINDOW_DAYS };

export type DateWindow = { readonly startDate: string; readonly endDate: string };

export function audienceWindows(
  startDate: string,
  endDate: string,
  maxDays: number = AUDIENCE_WINDOW_DAYS,
): DateWindow[] {
  if (!Number.isInteger(maxDays) || maxDays < 1) {
    throw new RangeError(`a window is a whole number of days ≥ 1, got ${maxDays}`);
  }
  for (const date of [startDate, endDate]) {
    if (!isCalendarDate(date))
      throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  }
  // YYYY-MM-DD strings order like the days they name.
  if (endDate < startDate) throw new RangeError(`endDate ${endDate} is before startDate ${startDate}`);
  const windows: DateWindow[] = [];
  for (let from = startDate; from <= endDate; from = addDays(from, maxDays)) {
    const last = addDays(from, maxDays - 1);
    windows.push({ startDate: from, endDate: last < endDate ? last : endDate });
  }
  return windows;
}
