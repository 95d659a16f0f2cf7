import { Cron } from 'croner';
import { CRON_FIELDS_HINT, readCronFields } from './cron-fields';
import { isSyncFrequency, SYNC_FREQUENCIES, type SyncFrequency } from './frequency';
import {
  CUSTOM_INTERVAL_HOURS_MAX,
  CUSTOM_INTERVAL_HOURS_MIN,
  FREQUENCY_INTERVAL_MS,
  HOUR_MS,
  MAX_DST_FOLD_MS,
  MINUTE_MS,
} from './policies';
import { instantOfWallClock, wallClockOf } from './zoned-time';

/**
 * When a schedule runs.
 *
 * Slots sit on a grid anchored on `anchorAt` (fixed intervals: anchorAt + k × interval for any integer k; cron:
 * the expression's runs in `timeZone`), never on "the end of the last run + interval". That is what stops the
 * drift of the original system, where next sync was "now + interval".
 *
 * Catch-up semantics: after downtime a schedule whose next_sync_at lies in the past is due once. When that run
 * finishes at T, the next sync is nextSyncAfter(timing, T), the first grid slot after T: every slot missed
 * during the downtime is skipped (one catch-up run, then back on the grid, never one run per missed slot). A run
 * that outlasts a slot likewise makes the schedule skip that slot rather than shift the grid.
 */
export type ScheduleTiming = {
  frequency: SyncFrequency;
  customIntervalHours: number | null;
  cronExpression: string | null;
  timeZone: string | null;
  anchorAt: number;
};

/**
 * Standard five-field cron (minute precision). croner's optional seconds and year fields are refused: a schedule
 * that syncs every few seconds only burns quota, and operators know the five-field form.
 */
const CRON_MODE = '5-part';

/** Matches the pattern on wall-clock time written as UTC (see nextCronRun); paused and without a job, so no timer. */
function wallClockCronOf(expression: string): Cron {
  return new Cron(expression, { utcOffset: 0, paused: true, mode: CRON_MODE });
}

/** Offsets such as '+01:00' are accepted by some Intl versions but are not IANA zones and ignore DST. */
const OFFSET_ZONE = /^[+-]/;

export function isValidTimeZone(zone: string): boolean {
  if (zone === '' || OFFSET_ZONE.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** null when the timing can be scheduled, otherwise one sentence telling the operator what to fix. */
export function timingProblem(t: ScheduleTiming): string | null {
  if (!isSyncFrequency(t.frequency)) {
    return `The frequency must be one of ${SYNC_FREQUENCIES.join(', ')}; "${String(t.frequency)}" is not.`;
  }
  // Beyond ±8.64e15 ms a Date, and so Intl, cannot represent the anchor.
  if (!Number.isFinite(t.anchorAt) || Number.isNaN(new Date(t.anchorAt).getTime())) {
    return 'The schedule has no valid anchor instant; it must be set when the schedule is saved.';
  }
  if (t.frequency === 'custom') return customIntervalProblem(t.customIntervalHours);
  if (t.frequency === 'cron') return cronProblem(t.cronExpression, t.timeZone, t.anchorAt);
  return null;
}

function customIntervalProblem(hours: number | null): string | null {
  const range = `a whole number of hours between ${CUSTOM_INTERVAL_HOURS_MIN} and ${CUSTOM_INTERVAL_HOURS_MAX}`;
  if (hours === null) return `A custom schedule needs an interval: ${range}.`;
  if (!Number.isInteger(hours) || hours < CUSTOM_INTERVAL_HOURS_MIN || hours > CUSTOM_INTERVAL_HOURS_MAX) {
    return `The custom interval must be ${range}, not ${hours}.`;
  }
  return null;
}

function cronProblem(expression: string | null, zone: string | null, anchorAt: number): string | null {
  if (expression === null || expression.trim() === '') {
    return "A cron schedule needs a cron expression such as '0 6 * * *' (every day at 06:00).";
  }
  if (zone === null || zone.trim() === '') {
    return "A cron schedule needs a time zone such as 'Europe/Paris', so that its runs follow that zone's clock.";
  }
  if (!isValidTimeZone(zone))
    return `"${zone}" is not a known IANA time zone; use a name such as 'Europe/Paris'.`;
  // Our reading first: it names the field at fault and what it allows, where the library's words would not.
  const fields = readCronFields(expression);
  if (!fields.ok) return fields.problem;
  let cron: Cron;
  try {
    cron = wallClockCronOf(expression);
  } catch {
    return `Cron expression "${expression.trim()}" is not valid. ${CRON_FIELDS_HINT}`;
  }
  if (cron.nextRun(new Date(wallClockOf(zone, anchorAt))) === null) {
    return `Cron expression "${expression.trim()}" never matches a date, so it would never run.`;
  }
  return null;
}

/** The length of one slot: what "late by one interval" means for overdue detection. */
export function scheduleIntervalMs(t: ScheduleTiming, now: number): number {
  assertValid(t);
  if (t.frequency !== 'cron') return fixedIntervalMs(t);
  const [first, second] = nextRuns(t, now, 2);
  if (first === undefined || second === undefined)
    throw new Error('A cron schedule must have two upcoming runs.');
  return second - first;
}

/** The first slot strictly after `after`. */
export function nextSyncAfter(t: ScheduleTiming, after: number): number {
  return slotFinder(t)(after);
}

/** The `count` slots following `after`, ascending (the schedule editor's preview). */
export function nextRuns(t: ScheduleTiming, after: number, count: number): number[] {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const next = slotFinder(t);
  const runs: number[] = [];
  let cursor = after;
  for (let i = 0; i < count; i++) {
    cursor = next(cursor);
    runs.push(cursor);
  }
  return runs;
}

function assertValid(t: ScheduleTiming): void {
  const problem = timingProblem(t);
  if (problem !== null) throw new Error(`Invalid schedule timing: ${problem}`);
}

function fixedIntervalMs(t: ScheduleTiming): number {
  if (t.frequency === 'custom') return (t.customIntervalHours ?? 0) * HOUR_MS;
  if (t.frequency === 'cron') throw new Error('A cron schedule has no fixed interval.');
  return FREQUENCY_INTERVAL_MS[t.frequency];
}

function slotFinder(t: ScheduleTiming): (after: number) => number {
  assertValid(t);
  const checked = (find: (after: number) => number) => (after: number) => {
    if (!Number.isFinite(after)) throw new RangeError(`after must be a finite instant, got ${after}`);
    return find(after);
  };
  if (t.frequency !== 'cron') {
    const interval = fixedIntervalMs(t);
    return checked((after) => nextGridSlot(t.anchorAt, interval, after));
  }
  const expression = t.cronExpression ?? '';
  const zone = t.timeZone ?? '';
  const cron = wallClockCronOf(expression);
  return checked((after) => nextCronRun(cron, expression, zone, after));
}

function nextGridSlot(anchorAt: number, interval: number, after: number): number {
  let slot = anchorAt + (Math.floor((after - anchorAt) / interval) + 1) * interval;
  // Floating-point division can land one slot off for instants far from the anchor; settle on the exact slot.
  while (slot <= after) slot += interval;
  while (slot - interval > after) slot -= interval;
  return slot;
}

/**
 * The cron expression's first run strictly after `after`, in the schedule's zone.
 *
 * croner's own `timezone` option is not used: croner 10 maps wall-clock times to instants assuming one-hour DST
 * changes, so in the repeated hour of a fall-back change it returns a run in the past, and in zones whose changes
 * are not one hour (Australia/Lord_Howe, Antarctica/Troll) it skips or reorders runs; its nextRuns() also goes
 * backwards after a spring-forward gap. So croner only matches the pattern on wall-clock time (a fixed UTC+0
 * clock, where it is exact), and zoned-time maps each match to an instant: a time skipped by a spring-forward
 * change runs once, moved forward by the change (02:30 → 03:30); a time repeated by a fall-back change runs once,
 * at its first occurrence. A match whose instant is not after `after` is a repeated time that already had its
 * run, so the search goes on from there; a repeated stretch lasts at most MAX_DST_FOLD_MS.
 */
function nextCronRun(wallClockCron: Cron, expression: string, zone: string, after: number): number {
  let wall = wallClockOf(zone, after);
  for (let step = 0; step <= MAX_DST_FOLD_MS / MINUTE_MS + 1; step++) {
    const nextWall = wallClockCron.nextRun(new Date(wall));
    if (nextWall === null)
      throw new Error(`The cron expression "${expression}" has no run after ${iso(after)}.`);
    const run = instantOfWallClock(zone, nextWall.getTime());
    if (run > after) return run;
    wall = nextWall.getTime();
  }
  throw new Error(`The cron expression "${expression}" has no run after ${iso(after)} in ${zone}.`);
}

function iso(instant: number): string {
  return new Date(instant).toISOString();
}
