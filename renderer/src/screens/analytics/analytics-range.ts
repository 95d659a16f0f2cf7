import type { CallInput } from '../../../../shared/contract/calls';
import { addDays } from '../../../../shared/domain/periods';
import { ANALYTICS_RANGE_MAX_DAYS } from '../../../../shared/domain/policies';
import { formatCalendarDate } from '../../format/time';

/** The range presets: the last N days, today included. */
export const RANGE_PRESETS = [7, 30, 90] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_PRESET: RangePreset = 30;

/**
 * The dashboard's range as the URL keeps it: a preset (`?days=30`) stays "the last 30 days" when the page is
 * reopened tomorrow; custom dates (`?from=2026-11-01&to=2026-11-30`, both inclusive) stay those dates.
 */
export type AnalyticsRange =
  { kind: 'preset'; days: RangePreset } | { kind: 'custom'; from: string; to: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(text: string | undefined): text is string {
  if (text === undefined || !ISO_DATE.test(text)) return false;
  try {
    return addDays(text, 0) === text;
  } catch {
    return false;
  }
}

/** Reads the URL's range; anything it cannot read (a half-typed link) falls back to the default preset. */
export function parseAnalyticsRange(params: Record<string, string>): AnalyticsRange {
  const { from, to } = params;
  if (isDate(from) && isDate(to)) return { kind: 'custom', from, to };
  const days = RANGE_PRESETS.find((n) => String(n) === params.days);
  return { kind: 'preset', days: days ?? DEFAULT_PRESET };
}

export function analyticsRangeParams(range: AnalyticsRange): Record<string, string> {
  if (range.kind === 'custom') return { from: range.from, to: range.to };
  return range.days === DEFAULT_PRESET ? {} : { days: String(range.days) };
}

/** A calendar date of the viewer's own calendar (the zone the days are counted in). */
export function localDateOf(instant: number): string {
  const at = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** Midnight at the start of a calendar date on the viewer's calendar (DST days are 23 or 25 hours). */
export function startOfLocalDate(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day).getTime();
}

/** The first and last days of the range (inclusive calendar dates). */
export function rangeDates(range: AnalyticsRange, now: number): { from: string; to: string } {
  if (range.kind === 'custom') return { from: range.from, to: range.to };
  const today = localDateOf(now);
  return { from: addDays(today, 1 - range.days), to: today };
}

/** Days in an inclusive range of calendar dates. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** What is wrong with custom dates, in the words the engine uses; null when they make a range. */
export function customRangeProblem(from: string | null, to: string | null): string | null {
  if (from === null || to === null) return null;
  if (from > to) return 'The start date must not be after the end date.';
  if (daysBetween(from, to) > ANALYTICS_RANGE_MAX_DAYS) {
    return `Choose a range of at most ${ANALYTICS_RANGE_MAX_DAYS} days.`;
  }
  return null;
}

/** `analytics/overview` input: from the start of the first day to the start of the day after the last. */
export function analyticsInput(
  range: AnalyticsRange,
  now: number,
  timeZone: string,
): CallInput<'analytics/overview'> {
  const { from, to } = rangeDates(range, now);
  return { from: startOfLocalDate(from), to: startOfLocalDate(addDays(to, 1)), timeZone };
}

/** "Last 30 days" or "1 Nov 2026 – 30 Nov 2026": what the headings and captions call the range. */
export function describeRange(range: AnalyticsRange): string {
  if (range.kind === 'preset') return `the last ${range.days} days`;
  return range.from === range.to
    ? formatCalendarDate(range.from)
    : `${formatCalendarDate(range.from)} – ${formatCalendarDate(range.to)}`;
}
