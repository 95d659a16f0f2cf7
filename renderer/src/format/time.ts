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
