import { DAY_MS } from './policies';
import { instantOfWallClock, offsetMsAt } from './zoned-time';

/**
 * Times as they leave the app (REST answers, the CLI's `--json`) and as they come back in (`since`, `until`).
 * Inside, an instant is epoch milliseconds in a field named `…At` or `at`; outside, it is an ISO 8601 string
 * with the host's offset, so a script reads "2026-03-01T09:00:00.000+01:00" instead of guessing what
 * 1772352000000 means. Durations (`…Ms`) stay numbers of milliseconds.
 */

/** The zone the host runs in: answers carry its offset, and a bare date is a day on its calendar. */
export function hostTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** `at`, `createdAt`, `created_at`: the names that hold an instant (the views' camelCase or the REST snake_case). */
export function isInstantKey(key: string): boolean {
  return key === 'at' || /[a-z0-9]At$/.test(key) || /[a-z0-9]_at$/.test(key);
}

const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, '0');

/** An instant as ISO 8601 with the zone's offset at that instant: `2026-03-01T09:00:00.000+01:00`. */
export function formatIsoTime(instant: number, zone: string = hostTimeZone()): string {
  const offsetMinutes = Math.round(offsetMsAt(zone, instant) / 60_000);
  const wall = new Date(instant + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  return (
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}` +
    `.${pad(wall.getUTCMilliseconds(), 3)}${sign}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`
  );
}

/**
 * Every instant field of a value, at any depth, as ISO 8601 (nulls stay null, other values are untouched). The
 * one conversion every outside answer goes through: the REST answer writer and the CLI's `printJson`.
 */
export function withIsoTimes(value: unknown, zone: string = hostTimeZone()): unknown {
  if (Array.isArray(value)) return value.map((item) => withIsoTimes(item, zone));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, inner]) => [
        key,
        isInstantKey(key) && typeof inner === 'number' && Number.isFinite(inner)
          ? formatIsoTime(inner, zone)
          : withIsoTimes(inner, zone),
      ]),
    );
  }
  return value;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|([+-])(\d{2}):?(\d{2}))$/;

/** The wall clock of a calendar date and time written as UTC, or null when the date does not exist (Feb 30). */
function wallClock(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number | null {
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second, 0);
  const exists =
    wall.getUTCFullYear() === year &&
    wall.getUTCMonth() === month - 1 &&
    wall.getUTCDate() === day &&
    wall.getUTCHours() === hour &&
    wall.getUTCMinutes() === minute &&
    wall.getUTCSeconds() === second;
  return exists ? wall.getTime() : null;
}

/**
 * A time given from outside (`since`, `until`), as epoch ms, or null when it is not one. An ISO 8601 time must
 * carry its offset (`Z` or `+02:00`): without one it could mean any of 26 instants. A bare date (`2026-03-01`)
 * is that day on the host's calendar, as the UI's date filters read it: `start` is its first instant, `end`
 * the first instant of the next day, so "until 2026-03-01" includes the whole of 1 March.
 */
export function parseTimeInput(
  text: string,
  edge: 'start' | 'end',
  zone: string = hostTimeZone(),
): number | null {
  const date = DATE.exec(text);
  if (date) {
    const wall = wallClock(Number(date[1]), Number(date[2]), Number(date[3]));
    if (wall === null) return null;
    return instantOfWallClock(zone, edge === 'start' ? wall : wall + DAY_MS);
  }
  const time = DATE_TIME.exec(text);
  if (!time) return null;
  const [, y, mo, d, h, mi, s, fraction, z, sign, oh, om] = time;
  const wall = wallClock(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (wall === null || (z !== 'Z' && (Number(oh) > 23 || Number(om) > 59))) return null;
  const offsetMs = z === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
  return wall + Number((fraction ?? '0').padEnd(3, '0')) - offsetMs;
}

/** What to tell someone whose time was not understood. */
export const TIME_INPUT_HINT =
  'an ISO 8601 time with its offset (2026-03-01T09:00:00+01:00 or 2026-03-01T08:00:00Z) or a date (2026-03-01)';
