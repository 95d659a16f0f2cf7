import { DAY_MS } from './policies';

/**
 * Wall-clock arithmetic in an IANA zone through Intl only (no Node built-ins: shared/ also runs in the renderer).
 * A "wall clock" is the zone's local date and time written as if it were UTC, in epoch milliseconds, which lets
 * calendar code work on it with UTC getters, independent of the machine's own zone.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

export function wallClockOf(zone: string, instant: number): number {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(instant))) parts[part.type] = part.value;
  const yearOfEra = Number(parts.year);
  const year = parts.era === 'BC' ? 1 - yearOfEra : yearOfEra;
  const wall = new Date(0);
  wall.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
  wall.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second), 0);
  return wall.getTime() + (((instant % 1000) + 1000) % 1000);
}

export function offsetMsAt(zone: string, instant: number): number {
  return wallClockOf(zone, instant) - instant;
}

/**
 * The instant a wall-clock time denotes, with the disambiguation Temporal calls "compatible": a time repeated by
 * a fall-back change means its first occurrence; a time skipped by a spring-forward change is moved forward by the
 * length of the skip (02:30 in a one-hour gap becomes 03:30), which is what a clock that was set before the change
 * would show. Assumes at most one offset change within a day of the time, true of every real zone.
 */
export function instantOfWallClock(zone: string, wall: number): number {
  const offsetBefore = offsetMsAt(zone, wall - DAY_MS);
  const offsetAfter = offsetMsAt(zone, wall + DAY_MS);
  const candidates = [wall - offsetBefore, wall - offsetAfter]
    .filter((instant) => wallClockOf(zone, instant) === wall)
    .sort((a, b) => a - b);
  return candidates[0] ?? wall - offsetBefore;
}
