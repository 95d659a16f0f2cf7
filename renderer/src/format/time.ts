import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../shared/domain/policies';

const SECOND_MS = 1_000;
const UNITS: [limitMs: number, unitMs: number, unit: Intl.RelativeTimeFormatUnit][] = [
  [MINUTE_MS, SECOND_MS, 'second'],
  [HOUR_MS, MINUTE_MS, 'minute'],
  [DAY_MS, HOUR_MS, 'hour'],
  [30 * DAY_MS, DAY_MS, 'day'],
  [365 * DAY_MS, 30 * DAY_MS, 'month'],
  [Infinity, 365 * DAY_MS, 'year'],
];

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "in 3 hours", "5 minutes ago", "now": the unit follows the distance. */
export function formatRelative(at: number, now: number): string {
  const delta = at - now;
  const distance = Math.abs(delta);
  if (distance < 10 * SECOND_MS) return 'now';
  const [, unitMs, unit] = UNITS.find(([limit]) => distance < limit)!;
  return relative.format(Math.round(delta / unitMs), unit);
}

const absolute = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "23 Nov 2026, 14:05" in the operator's own time zone. */
export function formatAbsolute(at: number): string {
  return absolute.format(new Date(at));
}

/** "850 ms", "12 s", "3 min 20 s", "2 h 5 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < SECOND_MS) return `${Math.round(ms)} ms`;
  if (ms < MINUTE_MS) return `${Math.round(ms / SECOND_MS)} s`;
  if (ms < HOUR_MS) {
    const minutes = Math.floor(ms / MINUTE_MS);
    const seconds = Math.round((ms % MINUTE_MS) / SECOND_MS);
    return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
  }
  const hours = Math.floor(ms / HOUR_MS);
  const minutes = Math.round((ms % HOUR_MS) / MINUTE_MS);
  return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "1 Nov 2026" from a calendar date "2026-11-01": the app's own date format (as in formatAbsolute). */
export function formatCalendarDate(date: string): string {
  const [year = '', month = '', day = ''] = date.split('-');
  return `${Number(day)} ${MONTH_NAMES[Number(month) - 1] ?? month} ${year}`;
}

const DAY_MONTH_YEAR = /^(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})$/i;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * The calendar date ("2026-11-01") an operator typed in the app's format ("1 Nov 2026", "1 november 2026") or
 * as ISO ("2026-11-01"); null when it is neither, or names no real day (31 Feb).
 */
export function parseCalendarDate(text: string): string | null {
  const trimmed = text.trim();
  let year: number;
  let month: number;
  let day: number;
  const named = DAY_MONTH_YEAR.exec(trimmed);
  const iso = ISO_DATE.exec(trimmed);
  if (named) {
    const index = MONTH_NAMES.findIndex((name) => named[2]!.toLowerCase().startsWith(name.toLowerCase()));
    const full = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' })
      .format(Date.UTC(2000, index, 1))
      .toLowerCase();
    // "Nov" and "November" are the month; "Novx" is not.
    if (index < 0 || !full.startsWith(named[2]!.toLowerCase())) return null;
    [day, month, year] = [Number(named[1]), index + 1, Number(named[3])];
  } else if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    return null;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
