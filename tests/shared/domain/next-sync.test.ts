import { describe, expect, it } from 'vitest';
import type { SyncFrequency } from '../../../shared/domain/frequency';
import {
  isValidTimeZone,
  nextRuns,
  nextSyncAfter,
  scheduleIntervalMs,
  timingProblem,
  type ScheduleTiming,
} from '../../../shared/domain/next-sync';
import {
  CUSTOM_INTERVAL_HOURS_MAX,
  DAY_MS,
  DEFAULT_SCHEDULER_TICK_MS,
  HOUR_MS,
  MINUTE_MS,
  NEXT_RUNS_PREVIEW_COUNT,
} from '../../../shared/domain/policies';

const at = (iso: string): number => {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) throw new Error(`bad test instant ${iso}`);
  return instant;
};
const iso = (instant: number): string => new Date(instant).toISOString();

const ANCHOR = at('2026-01-01T06:00:00.000Z');

function fixed(frequency: SyncFrequency, customIntervalHours: number | null = null): ScheduleTiming {
  return { frequency, customIntervalHours, cronExpression: null, timeZone: null, anchorAt: ANCHOR };
}

function cron(cronExpression: string, timeZone: string, anchorAt = ANCHOR): ScheduleTiming {
  return { frequency: 'cron', customIntervalHours: null, cronExpression, timeZone, anchorAt };
}

/** The calendar date of an instant on the wall clocks of `zone`. */
function localDate(instant: number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

function localTime(instant: number, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

describe('nextSyncAfter on fixed intervals (slots anchorAt + k × interval)', () => {
  it.each([
    {
      name: 'daily, an hour after the anchor',
      t: fixed('daily'),
      after: ANCHOR + HOUR_MS,
      expected: ANCHOR + DAY_MS,
    },
    {
      name: 'daily, exactly on the anchor → the following slot',
      t: fixed('daily'),
      after: ANCHOR,
      expected: ANCHOR + DAY_MS,
    },
    {
      name: 'daily, exactly on a later slot → the following slot',
      t: fixed('daily'),
      after: ANCHOR + 3 * DAY_MS,
      expected: ANCHOR + 4 * DAY_MS,
    },
    {
      name: 'daily, 1 ms before the anchor → the anchor',
      t: fixed('daily'),
      after: ANCHOR - 1,
      expected: ANCHOR,
    },
    {
      name: 'daily, anchor 10.5 days in the future → the grid slot before it',
      t: fixed('daily'),
      after: ANCHOR - 10.5 * DAY_MS,
      expected: ANCHOR - 10 * DAY_MS,
    },
    {
      name: 'weekly, 8 days in',
      t: fixed('weekly'),
      after: ANCHOR + 8 * DAY_MS,
      expected: ANCHOR + 14 * DAY_MS,
    },
    {
      name: 'monthly is 30 days, not a calendar month',
      t: fixed('monthly'),
      after: ANCHOR + 31 * DAY_MS,
      expected: ANCHOR + 60 * DAY_MS,
    },
    {
      name: 'custom 1 h, half an hour in',
      t: fixed('custom', 1),
      after: ANCHOR + 30 * MINUTE_MS,
      expected: ANCHOR + HOUR_MS,
    },
    {
      name: 'custom 5 h, 12 h in',
      t: fixed('custom', 5),
      after: ANCHOR + 12 * HOUR_MS,
      expected: ANCHOR + 15 * HOUR_MS,
    },
    {
      name: 'custom 5 h, anchor in the future',
      t: fixed('custom', 5),
      after: ANCHOR - 7 * HOUR_MS,
      expected: ANCHOR - 5 * HOUR_MS,
    },
    {
      name: 'custom 36 h, exactly on a slot',
      t: fixed('custom', 36),
      after: ANCHOR + 36 * HOUR_MS,
      expected: ANCHOR + 72 * HOUR_MS,
    },
    {
      name: 'custom 36 h, 1 ms before a slot',
      t: fixed('custom', 36),
      after: ANCHOR + 72 * HOUR_MS - 1,
      expected: ANCHOR + 72 * HOUR_MS,
    },
    {
      name: 'daily after a 400-day downtime',
      t: fixed('daily'),
      after: ANCHOR + 400 * DAY_MS + HOUR_MS,
      expected: ANCHOR + 401 * DAY_MS,
    },
    {
      name: 'weekly after a 3-year downtime',
      t: fixed('weekly'),
      after: ANCHOR + 3 * 365 * DAY_MS,
      expected: ANCHOR + 157 * 7 * DAY_MS,
    },
    {
      name: 'custom 1 h with a pre-1970 anchor',
      t: { ...fixed('custom', 1), anchorAt: at('1969-12-31T23:30:00Z') },
      after: at('2026-01-01T00:00:00Z'),
      expected: at('2026-01-01T00:30:00Z'),
    },
  ])('$name', ({ t, after, expected }) => {
    expect(iso(nextSyncAfter(t, after))).toBe(iso(expected));
  });
});

describe('every fixed-interval slot is on the anchored grid', () => {
  it.each([
    { name: 'daily', t: fixed('daily'), interval: DAY_MS },
    { name: 'weekly', t: fixed('weekly'), interval: 7 * DAY_MS },
    { name: 'monthly', t: fixed('monthly'), interval: 30 * DAY_MS },
    { name: 'custom 5 h', t: fixed('custom', 5), interval: 5 * HOUR_MS },
    { name: 'custom 36 h', t: fixed('custom', 36), interval: 36 * HOUR_MS },
    {
      name: 'custom max',
      t: fixed('custom', CUSTOM_INTERVAL_HOURS_MAX),
      interval: CUSTOM_INTERVAL_HOURS_MAX * HOUR_MS,
    },
  ])('$name', ({ t, interval }) => {
    for (
      let after = ANCHOR - 3 * interval - 12_345;
      after < ANCHOR + 50 * interval;
      after += interval / 3 + 777
    ) {
      const slot = nextSyncAfter(t, after);
      expect(Number.isInteger((slot - ANCHOR) / interval)).toBe(true);
      expect(slot).toBeGreaterThan(after);
      expect(slot - interval).toBeLessThanOrEqual(after);
    }
  });
});

describe('nextRuns', () => {
  it.each([
    {
      name: 'five daily runs after the anchor',
      t: fixed('daily'),
      after: ANCHOR,
      count: NEXT_RUNS_PREVIEW_COUNT,
      expected: [1, 2, 3, 4, 5].map((k) => ANCHOR + k * DAY_MS),
    },
    {
      name: 'three custom 5 h runs from before the anchor',
      t: fixed('custom', 5),
      after: ANCHOR - 6 * HOUR_MS,
      count: 3,
      expected: [ANCHOR - 5 * HOUR_MS, ANCHOR, ANCHOR + 5 * HOUR_MS],
    },
    {
      name: 'five cron runs on weekdays at 09:00 Paris',
      t: cron('0 9 * * 1-5', 'Europe/Paris'),
      after: at('2026-01-01T12:00:00Z'),
      count: 5,
      expected: ['2026-01-02', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08'].map((d) =>
        at(`${d}T08:00:00Z`),
      ),
    },
    { name: 'zero runs', t: fixed('weekly'), after: ANCHOR, count: 0, expected: [] },
  ])('$name', ({ t, after, count, expected }) => {
    expect(nextRuns(t, after, count).map(iso)).toEqual(expected.map(iso));
  });

  it.each([
    { name: 'negative count', count: -1 },
    { name: 'fractional count', count: 2.5 },
    { name: 'NaN count', count: Number.NaN },
  ])('rejects $name', ({ count }) => {
    expect(() => nextRuns(fixed('daily'), ANCHOR, count)).toThrow(RangeError);
  });
});

describe('scheduleIntervalMs', () => {
  it.each([
    { name: 'daily', t: fixed('daily'), now: ANCHOR, expected: DAY_MS },
    { name: 'weekly', t: fixed('weekly'), now: ANCHOR, expected: 7 * DAY_MS },
    { name: 'monthly (30 days)', t: fixed('monthly'), now: ANCHOR, expected: 30 * DAY_MS },
    { name: 'custom 1 h', t: fixed('custom', 1), now: ANCHOR, expected: HOUR_MS },
    { name: 'custom 36 h', t: fixed('custom', 36), now: ANCHOR, expected: 36 * HOUR_MS },
    { name: 'cron daily in UTC', t: cron('0 6 * * *', 'UTC'), now: ANCHOR, expected: DAY_MS },
    { name: 'cron every 15 minutes', t: cron('*/15 * * * *', 'UTC'), now: ANCHOR, expected: 15 * MINUTE_MS },
    {
      name: 'cron daily in Paris over the spring-forward night is 23 h',
      t: cron('0 6 * * *', 'Europe/Paris'),
      now: at('2026-03-28T04:30:00Z'),
      expected: 23 * HOUR_MS,
    },
    {
      name: 'cron daily in Paris over the fall-back night is 25 h',
      t: cron('0 6 * * *', 'Europe/Paris'),
      now: at('2026-10-24T03:30:00Z'),
      expected: 25 * HOUR_MS,
    },
    {
      name: 'cron on weekdays, Friday to Monday',
      t: cron('0 9 * * 1-5', 'UTC'),
      now: at('2026-01-01T10:00:00Z'),
      expected: 3 * DAY_MS,
    },
  ])('$name', ({ t, now, expected }) => {
    expect(scheduleIntervalMs(t, now)).toBe(expected);
  });
});

describe('cron schedules across the 2026 DST changes', () => {
  // Rule: a wall-clock time skipped by spring-forward runs once, moved forward by the change (02:30 → 03:30);
  // a wall-clock time repeated by fall-back runs once, at its first occurrence; never a run at or before `after`.
  it.each([
    {
      name: 'Paris spring-forward: 02:30 does not exist on 03-29 and runs at 03:30 CEST',
      t: cron('30 2 * * *', 'Europe/Paris'),
      after: '2026-03-27T12:00:00Z',
      expected: [
        '2026-03-28T01:30:00Z',
        '2026-03-29T01:30:00Z',
        '2026-03-30T00:30:00Z',
        '2026-03-31T00:30:00Z',
      ],
    },
    {
      name: 'Paris fall-back: 02:30 happens twice on 10-25 and runs once, at 02:30 CEST',
      t: cron('30 2 * * *', 'Europe/Paris'),
      after: '2026-10-24T12:00:00Z',
      expected: ['2026-10-25T00:30:00Z', '2026-10-26T01:30:00Z', '2026-10-27T01:30:00Z'],
    },
    {
      name: 'Paris fall-back, asked during the second 02:15: no run in the past, no second 02:30',
      t: cron('30 2 * * *', 'Europe/Paris'),
      after: '2026-10-25T01:15:00Z',
      expected: ['2026-10-26T01:30:00Z'],
    },
    {
      name: 'Paris fall-back, asked just after the first 02:30 ran',
      t: cron('30 2 * * *', 'Europe/Paris'),
      after: '2026-10-25T00:30:00Z',
      expected: ['2026-10-26T01:30:00Z'],
    },
    {
      name: 'Paris every 30 minutes over spring-forward: 01:30 CET, then 03:00 CEST',
      t: cron('*/30 * * * *', 'Europe/Paris'),
      after: '2026-03-29T00:15:00Z',
      expected: [
        '2026-03-29T00:30:00Z',
        '2026-03-29T01:00:00Z',
        '2026-03-29T01:30:00Z',
        '2026-03-29T02:00:00Z',
      ],
    },
    {
      name: 'Paris every 30 minutes over fall-back: the repeated 02:00 and 02:30 CET are skipped',
      t: cron('*/30 * * * *', 'Europe/Paris'),
      after: '2026-10-25T00:15:00Z',
      expected: [
        '2026-10-25T00:30:00Z',
        '2026-10-25T02:00:00Z',
        '2026-10-25T02:30:00Z',
        '2026-10-25T03:00:00Z',
      ],
    },
    {
      name: 'Paris at 03:00: unaffected by the change, one hour earlier in UTC',
      t: cron('0 3 * * *', 'Europe/Paris'),
      after: '2026-03-28T12:00:00Z',
      expected: ['2026-03-29T01:00:00Z', '2026-03-30T01:00:00Z'],
    },
    {
      name: 'New York spring-forward: 02:30 on 03-08 runs at 03:30 EDT',
      t: cron('30 2 * * *', 'America/New_York'),
      after: '2026-03-07T12:00:00Z',
      expected: ['2026-03-08T07:30:00Z', '2026-03-09T06:30:00Z', '2026-03-10T06:30:00Z'],
    },
    {
      name: 'New York fall-back: 01:30 on 11-01 runs once, at 01:30 EDT',
      t: cron('30 1 * * *', 'America/New_York'),
      after: '2026-10-31T12:00:00Z',
      expected: ['2026-11-01T05:30:00Z', '2026-11-02T06:30:00Z', '2026-11-03T06:30:00Z'],
    },
    {
      name: 'New York fall-back, asked during the second 01:10',
      t: cron('30 1 * * *', 'America/New_York'),
      after: '2026-11-01T06:10:00Z',
      expected: ['2026-11-02T06:30:00Z'],
    },
    {
      name: 'Sydney fall-back (April): 02:30 on 04-05 runs once, at 02:30 AEDT',
      t: cron('30 2 * * *', 'Australia/Sydney'),
      after: '2026-04-04T00:00:00Z',
      expected: ['2026-04-04T15:30:00Z', '2026-04-05T16:30:00Z', '2026-04-06T16:30:00Z'],
    },
    {
      name: 'Sydney fall-back, asked during the second 02:10',
      t: cron('30 2 * * *', 'Australia/Sydney'),
      after: '2026-04-04T16:10:00Z',
      expected: ['2026-04-05T16:30:00Z'],
    },
    {
      name: 'Sydney spring-forward (October): 02:30 on 10-04 runs at 03:30 AEDT',
      t: cron('30 2 * * *', 'Australia/Sydney'),
      after: '2026-10-03T00:00:00Z',
      expected: ['2026-10-03T16:30:00Z', '2026-10-04T15:30:00Z', '2026-10-05T15:30:00Z'],
    },
    {
      name: 'Lord Howe (30-minute change) fall-back: 01:45 runs once, at its first occurrence',
      t: cron('45 1 * * *', 'Australia/Lord_Howe'),
      after: '2026-04-04T12:00:00Z',
      expected: ['2026-04-04T14:45:00Z', '2026-04-05T15:15:00Z'],
    },
  ])('$name', ({ t, after, expected }) => {
    expect(nextRuns(t, at(after), expected.length).map(iso)).toEqual(expected.map((e) => iso(at(e))));
    expect(iso(nextSyncAfter(t, at(after)))).toBe(iso(at(expected[0] ?? '')));
  });
});

describe('daily cron runs exactly once per local day across DST, never in the past, never backwards', () => {
  const transitions = [
    { zone: 'Europe/Paris', spring: '2026-03-29T01:00:00Z', fall: '2026-10-25T01:00:00Z' },
    { zone: 'America/New_York', spring: '2026-03-08T07:00:00Z', fall: '2026-11-01T06:00:00Z' },
    { zone: 'Australia/Sydney', spring: '2026-10-03T16:00:00Z', fall: '2026-04-04T16:00:00Z' },
  ];
  const cases = transitions.flatMap(({ zone, spring, fall }) =>
    ['30 2 * * *', '0 2 * * *', '30 1 * * *', '0 3 * * *', '59 23 * * *'].flatMap((expression) => [
      { name: `${zone} '${expression}' around spring-forward`, zone, expression, change: at(spring) },
      { name: `${zone} '${expression}' around fall-back`, zone, expression, change: at(fall) },
    ]),
  );

  it.each(cases)('$name', ({ zone, expression, change }) => {
    const t = cron(expression, zone);
    const runs = nextRuns(t, change - 5 * DAY_MS, 10);
    const dates = runs.map((run) => localDate(run, zone));
    expect(new Set(dates).size).toBe(10);
    for (let i = 1; i < runs.length; i++) {
      expect(runs[i]).toBeGreaterThan(runs[i - 1] ?? Number.POSITIVE_INFINITY);
    }
    let previous = Number.NEGATIVE_INFINITY;
    for (let after = change - 6 * HOUR_MS; after <= change + 6 * HOUR_MS; after += 10 * MINUTE_MS) {
      const run = nextSyncAfter(t, after);
      expect(run).toBeGreaterThan(after);
      expect(run).toBeGreaterThanOrEqual(previous);
      expect(runs).toContain(run);
      previous = run;
    }
  });
});

describe('cron syntax', () => {
  it.each([
    {
      name: 'step in minutes',
      expression: '*/15 * * * *',
      after: '2026-01-01T10:07:00Z',
      expected: ['10:15', '10:30', '10:45', '11:00'],
    },
    {
      name: 'range with step',
      expression: '0 9-17/4 * * *',
      after: '2026-01-01T10:00:00Z',
      expected: ['13:00', '17:00', '09:00'],
    },
    {
      name: 'list of hours',
      expression: '30 8,12,18 * * *',
      after: '2026-01-01T09:00:00Z',
      expected: ['12:30', '18:30', '08:30'],
    },
    {
      name: 'range of weekdays (Thursday 2026-01-01 to Monday)',
      expression: '0 6 * * 1-5',
      after: '2026-01-01T07:00:00Z',
      expected: ['2026-01-02 06:00', '2026-01-05 06:00'],
    },
    {
      name: 'weekday name',
      expression: '0 6 * * MON',
      after: '2026-01-01T00:00:00Z',
      expected: ['2026-01-05 06:00', '2026-01-12 06:00'],
    },
    {
      name: 'first of the month',
      expression: '0 0 1 * *',
      after: '2026-01-15T00:00:00Z',
      expected: ['2026-02-01 00:00', '2026-03-01 00:00'],
    },
    {
      name: 'last day of the month (L)',
      expression: '0 0 L * *',
      after: '2026-01-31T12:00:00Z',
      expected: ['2026-02-28 00:00', '2026-03-31 00:00'],
    },
    {
      name: 'nickname @daily',
      expression: '@daily',
      after: '2026-01-01T12:00:00Z',
      expected: ['2026-01-02 00:00'],
    },
    {
      name: 'day of month OR day of week (standard cron)',
      expression: '0 0 13 * 5',
      after: '2026-02-01T00:00:00Z',
      expected: ['2026-02-06 00:00', '2026-02-13 00:00', '2026-02-20 00:00'],
    },
  ])('$name: $expression', ({ expression, after, expected }) => {
    const runs = nextRuns(cron(expression, 'UTC'), at(after), expected.length);
    const format = (run: number) =>
      expected[0]?.length === 5
        ? iso(run).slice(11, 16)
        : `${iso(run).slice(0, 10)} ${iso(run).slice(11, 16)}`;
    expect(runs.map(format)).toEqual(expected);
  });

  it.each([
    { name: 'Tokyo 09:00 is 00:00 UTC', zone: 'Asia/Tokyo', expected: '2026-01-02T00:00:00.000Z' },
    { name: 'Kolkata 09:00 is 03:30 UTC', zone: 'Asia/Kolkata', expected: '2026-01-02T03:30:00.000Z' },
    {
      name: 'Kiritimati 09:00 is 19:00 UTC the day before',
      zone: 'Pacific/Kiritimati',
      expected: '2026-01-01T19:00:00.000Z',
    },
  ])('runs on the zone’s wall clock: $name', ({ zone, expected }) => {
    const run = nextSyncAfter(cron('0 9 * * *', zone), at('2026-01-01T12:00:00Z'));
    expect(iso(run)).toBe(expected);
    expect(localTime(run, zone)).toBe('09:00');
  });
});

describe('timingProblem', () => {
  it.each([
    { name: 'daily', t: fixed('daily') },
    {
      name: 'weekly ignores leftover custom and cron fields',
      t: { ...fixed('weekly', 0), cronExpression: 'junk' },
    },
    { name: 'monthly', t: fixed('monthly') },
    { name: 'custom 1 h', t: fixed('custom', 1) },
    { name: 'custom 5 h', t: fixed('custom', 5) },
    { name: 'custom 36 h', t: fixed('custom', 36) },
    { name: 'custom at the maximum', t: fixed('custom', CUSTOM_INTERVAL_HOURS_MAX) },
    { name: 'cron in Paris', t: cron('30 2 * * *', 'Europe/Paris') },
    { name: 'cron on 29 February only', t: cron('0 0 29 2 *', 'UTC') },
    { name: 'cron in UTC', t: cron('@hourly', 'UTC') },
  ])('$name is valid', ({ t }) => {
    expect(timingProblem(t)).toBeNull();
    expect(() => nextSyncAfter(t, ANCHOR)).not.toThrow();
  });

  it.each([
    {
      name: 'unknown frequency',
      t: { ...fixed('daily'), frequency: 'hourly' as SyncFrequency },
      mentions: 'frequency',
    },
    { name: 'anchor is NaN', t: { ...fixed('daily'), anchorAt: Number.NaN }, mentions: 'anchor' },
    { name: 'anchor beyond the Date range', t: { ...fixed('daily'), anchorAt: 9e15 }, mentions: 'anchor' },
    { name: 'custom without hours', t: fixed('custom', null), mentions: 'whole number of hours' },
    { name: 'custom 0 h', t: fixed('custom', 0), mentions: 'not 0' },
    { name: 'custom 1.5 h', t: fixed('custom', 1.5), mentions: 'not 1.5' },
    { name: 'custom negative', t: fixed('custom', -5), mentions: 'between 1 and' },
    { name: 'custom huge', t: fixed('custom', CUSTOM_INTERVAL_HOURS_MAX + 1), mentions: 'between 1 and' },
    { name: 'custom NaN', t: fixed('custom', Number.NaN), mentions: 'between 1 and' },
    {
      name: 'cron without expression',
      t: { ...cron('', 'UTC'), cronExpression: null },
      mentions: 'needs a cron expression',
    },
    { name: 'cron with a blank expression', t: cron('   ', 'UTC'), mentions: 'needs a cron expression' },
    {
      name: 'cron gibberish',
      t: cron('every day', 'UTC'),
      mentions: 'has 2 fields. A cron expression has five fields: minute hour day-of-month month day-of-week',
    },
    {
      name: 'cron minute out of range',
      t: cron('61 * * * *', 'UTC'),
      mentions: 'the minute field allows 0 to 59, not 61',
    },
    { name: 'cron with a seconds field', t: cron('0 0 9 * * *', 'UTC'), mentions: 'has 6 fields' },
    {
      name: 'cron with a bad value',
      t: cron('0 9 * * MOND', 'UTC'),
      mentions: 'the day-of-week field "MOND"',
    },
    { name: 'cron that never runs (30 February)', t: cron('0 0 30 2 *', 'UTC'), mentions: 'never' },
    {
      name: 'cron without zone',
      t: { ...cron('0 9 * * *', 'UTC'), timeZone: null },
      mentions: 'needs a time zone',
    },
    {
      name: 'cron with an unknown zone',
      t: cron('0 9 * * *', 'Mars/Olympus'),
      mentions: 'not a known IANA time zone',
    },
    {
      name: 'cron with an offset instead of a zone',
      t: cron('0 9 * * *', '+01:00'),
      mentions: 'not a known IANA',
    },
  ])('$name is refused', ({ t, mentions }) => {
    const problem = timingProblem(t);
    expect(problem).toContain(mentions);
    expect(problem).toMatch(/\.$/);
    expect(() => nextSyncAfter(t, ANCHOR)).toThrow(/^Invalid schedule timing: /);
    expect(() => nextRuns(t, ANCHOR, 1)).toThrow(/^Invalid schedule timing: /);
    expect(() => scheduleIntervalMs(t, ANCHOR)).toThrow(/^Invalid schedule timing: /);
  });

  it.each([
    { name: 'NaN', after: Number.NaN },
    { name: 'Infinity', after: Number.POSITIVE_INFINITY },
  ])('nextSyncAfter refuses an `after` of $name', ({ after }) => {
    expect(() => nextSyncAfter(fixed('daily'), after)).toThrow(RangeError);
    expect(() => nextSyncAfter(cron('0 9 * * *', 'UTC'), after)).toThrow(RangeError);
  });
});

describe('isValidTimeZone', () => {
  it.each([
    { zone: 'Europe/Paris', expected: true },
    { zone: 'America/New_York', expected: true },
    { zone: 'Australia/Sydney', expected: true },
    { zone: 'UTC', expected: true },
    { zone: 'Etc/GMT+5', expected: true },
    { zone: 'Mars/Olympus', expected: false },
    { zone: '', expected: false },
    { zone: ' Europe/Paris', expected: false },
    { zone: '+01:00', expected: false },
    { zone: '-05:00', expected: false },
  ])('"$zone" → $expected', ({ zone, expected }) => {
    expect(isValidTimeZone(zone)).toBe(expected);
  });
});

/**
 * A scheduler that wakes every DEFAULT_SCHEDULER_TICK_MS from `resumeAt`, starts the schedule when it is due and
 * not running, and on completion sets next_sync_at = nextSyncAfter(timing, completion time).
 */
function simulate(input: {
  t: ScheduleTiming;
  nextSyncAt: number;
  resumeAt: number;
  runMs: number;
  until: number;
}): number[] {
  const starts: number[] = [];
  let nextSyncAt = input.nextSyncAt;
  let runningUntil: number | null = null;
  for (let now = input.resumeAt; now <= input.until; now += DEFAULT_SCHEDULER_TICK_MS) {
    if (runningUntil !== null && now >= runningUntil) {
      nextSyncAt = nextSyncAfter(input.t, runningUntil);
      runningUntil = null;
    }
    if (runningUntil === null && now >= nextSyncAt) {
      starts.push(now);
      runningUntil = now + input.runMs;
    }
  }
  return starts;
}

describe('catch-up: one run after downtime, then back on the grid', () => {
  it.each([
    {
      name: 'daily, down for 5 slots',
      t: fixed('daily'),
      nextSyncAt: ANCHOR,
      resumeAt: ANCHOR + 4 * DAY_MS + HOUR_MS,
      runMs: 10 * MINUTE_MS,
      until: ANCHOR + 7 * DAY_MS + HOUR_MS,
      expected: [
        ANCHOR + 4 * DAY_MS + HOUR_MS,
        ANCHOR + 5 * DAY_MS,
        ANCHOR + 6 * DAY_MS,
        ANCHOR + 7 * DAY_MS,
      ],
    },
    {
      name: 'weekly, down for 5 slots',
      t: fixed('weekly'),
      nextSyncAt: ANCHOR,
      resumeAt: ANCHOR + 28 * DAY_MS + 3 * HOUR_MS,
      runMs: HOUR_MS,
      until: ANCHOR + 43 * DAY_MS,
      expected: [ANCHOR + 28 * DAY_MS + 3 * HOUR_MS, ANCHOR + 35 * DAY_MS, ANCHOR + 42 * DAY_MS],
    },
    {
      name: 'custom 5 h, down for 5 slots',
      t: fixed('custom', 5),
      nextSyncAt: ANCHOR,
      resumeAt: ANCHOR + 22 * HOUR_MS,
      runMs: 20 * MINUTE_MS,
      until: ANCHOR + 36 * HOUR_MS,
      expected: [ANCHOR + 22 * HOUR_MS, ANCHOR + 25 * HOUR_MS, ANCHOR + 30 * HOUR_MS, ANCHOR + 35 * HOUR_MS],
    },
    {
      name: 'cron 06:00 Paris, down for 5 slots',
      t: cron('0 6 * * *', 'Europe/Paris'),
      nextSyncAt: at('2026-01-10T05:00:00Z'),
      resumeAt: at('2026-01-14T09:00:00Z'),
      runMs: 10 * MINUTE_MS,
      until: at('2026-01-16T09:00:00Z'),
      expected: [at('2026-01-14T09:00:00Z'), at('2026-01-15T05:00:00Z'), at('2026-01-16T05:00:00Z')],
    },
    {
      name: 'custom 1 h with 90-minute runs: every other slot, never off the grid',
      t: fixed('custom', 1),
      nextSyncAt: ANCHOR,
      resumeAt: ANCHOR,
      runMs: 90 * MINUTE_MS,
      until: ANCHOR + 7 * HOUR_MS,
      expected: [ANCHOR, ANCHOR + 2 * HOUR_MS, ANCHOR + 4 * HOUR_MS, ANCHOR + 6 * HOUR_MS],
    },
    {
      name: 'daily with a 25-hour run: the next run is the following grid slot, not 24 h after the end',
      t: fixed('daily'),
      nextSyncAt: ANCHOR,
      resumeAt: ANCHOR,
      runMs: 25 * HOUR_MS,
      until: ANCHOR + 4 * DAY_MS,
      expected: [ANCHOR, ANCHOR + 2 * DAY_MS, ANCHOR + 4 * DAY_MS],
    },
  ])('$name', ({ expected, ...input }) => {
    const starts = simulate(input);
    expect(starts.map(iso)).toEqual(expected.map(iso));
    const catchUps = starts.filter((start) => start < input.resumeAt + HOUR_MS);
    expect(catchUps).toHaveLength(1);
  });
});
