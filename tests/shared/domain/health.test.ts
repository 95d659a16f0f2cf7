import { describe, expect, it } from 'vitest';
import type { ExecutionStatus } from '../../../shared/domain/execution';
import {
  describeSpan,
  HEALTH_STATES,
  scheduleHealth,
  type Health,
  type HealthExecution,
  type HealthInput,
} from '../../../shared/domain/health';
import { healthIntervalMs } from '../../../shared/domain/health-interval';
import type { ScheduleTiming } from '../../../shared/domain/next-sync';
import {
  DAY_MS,
  HEALTH_FAILING_STREAK,
  HEALTH_LATE_GRACE_MS,
  HOUR_MS,
  MINUTE_MS,
} from '../../../shared/domain/policies';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const I = DAY_MS;
const GRACE = HEALTH_LATE_GRACE_MS;

const run = (status: ExecutionStatus, extra: Partial<HealthExecution> = {}): HealthExecution => ({
  status,
  retryCount: 0,
  maxRetries: 3,
  nextAttemptAt: null,
  errorMessage: null,
  ...extra,
});
const ok = run('completed');
const failed = run('failed', { retryCount: 3, errorMessage: 'Soundcharts answered 503.' });

/** A healthy daily schedule: synced an hour ago, next slot in 23 hours, created long ago. */
const base: HealthInput = {
  isActive: true,
  intervalMs: I,
  nextSyncAt: NOW + 23 * HOUR_MS,
  lastSyncAt: NOW - HOUR_MS,
  createdAt: NOW - 30 * I,
  attentionReason: null,
  recent: [ok, ok, ok],
  now: NOW,
};

const health = (change: Partial<HealthInput>): Health => scheduleHealth({ ...base, ...change }).health;

describe('scheduleHealth: each state', () => {
  it.each<{ name: string; change: Partial<HealthInput>; expected: Health }>([
    { name: 'not active', change: { isActive: false }, expected: 'paused' },
    { name: 'an execution running', change: { recent: [run('running'), ok] }, expected: 'running' },
    {
      name: 'the engine flagged something only the operator can fix',
      change: { attentionReason: 'Soundcharts refused the credentials. Check them in Settings.' },
      expected: 'action_required',
    },
    {
      name: 'a retry is scheduled',
      change: { recent: [run('pending', { retryCount: 1, nextAttemptAt: NOW + 5 * MINUTE_MS }), ok] },
      expected: 'retrying',
    },
    {
      name: 'a retry whose backoff a restart cleared',
      change: { recent: [run('pending', { retryCount: 2, nextAttemptAt: null }), ok] },
      expected: 'retrying',
    },
    { name: 'the last execution failed for good', change: { recent: [failed, ok, ok] }, expected: 'failing' },
    {
      name: 'the last 3 did not complete (interrupted and failed)',
      change: { recent: [run('interrupted'), run('interrupted'), failed, ok] },
      expected: 'failing',
    },
    { name: 'no success for 3 intervals', change: { lastSyncAt: NOW - 3 * I }, expected: 'overdue' },
    { name: 'no success for 1.5 intervals', change: { lastSyncAt: NOW - 1.5 * I }, expected: 'late' },
    {
      name: 'due 20 minutes ago and not started',
      change: { lastSyncAt: NOW - I + HOUR_MS, nextSyncAt: NOW - 20 * MINUTE_MS },
      expected: 'late',
    },
    {
      name: 'created an hour ago, never synced',
      change: { lastSyncAt: null, createdAt: NOW - HOUR_MS, recent: [] },
      expected: 'never_synced',
    },
    { name: 'synced on schedule', change: {}, expected: 'on_time' },
  ])('$name → $expected', ({ change, expected }) => {
    expect(health(change)).toBe(expected);
  });

  it('reaches every state of HEALTH_STATES in this table', () => {
    // Guards the table above against a state added to the model without a rule or a test.
    expect(HEALTH_STATES).toEqual([
      'paused',
      'running',
      'action_required',
      'retrying',
      'failing',
      'overdue',
      'late',
      'never_synced',
      'on_time',
    ]);
  });
});

describe('scheduleHealth: precedence (the first state that applies wins)', () => {
  const everythingWrong: Partial<HealthInput> = {
    attentionReason: 'The plan does not cover this chart.',
    lastSyncAt: NOW - 10 * I,
    nextSyncAt: NOW - 9 * I,
    recent: [run('pending', { retryCount: 1, nextAttemptAt: NOW + MINUTE_MS }), failed, failed, failed],
  };
  it.each<{ name: string; change: Partial<HealthInput>; expected: Health }>([
    { name: 'paused beats everything', change: { ...everythingWrong, isActive: false }, expected: 'paused' },
    {
      name: 'paused beats running',
      change: { isActive: false, recent: [run('running')] },
      expected: 'paused',
    },
    {
      name: 'running beats action required',
      change: { ...everythingWrong, recent: [run('running'), failed, failed, failed] },
      expected: 'running',
    },
    { name: 'action required beats retrying', change: everythingWrong, expected: 'action_required' },
    {
      name: 'retrying beats failing and overdue',
      change: { ...everythingWrong, attentionReason: null },
      expected: 'retrying',
    },
    {
      name: 'failing beats overdue',
      change: { lastSyncAt: NOW - 10 * I, recent: [failed] },
      expected: 'failing',
    },
    {
      name: 'failing beats never synced',
      change: { lastSyncAt: null, createdAt: NOW - HOUR_MS, recent: [failed] },
      expected: 'failing',
    },
    {
      name: 'overdue beats late (due and not started)',
      change: { lastSyncAt: NOW - 3 * I, nextSyncAt: NOW - 2 * I },
      expected: 'overdue',
    },
    {
      name: 'late beats never synced',
      change: { lastSyncAt: null, createdAt: NOW - 1.5 * I, recent: [] },
      expected: 'late',
    },
    {
      name: 'overdue beats never synced',
      change: { lastSyncAt: null, createdAt: NOW - 3 * I, recent: [] },
      expected: 'overdue',
    },
    {
      name: 'a pending first run (not a retry) is still never synced',
      change: {
        lastSyncAt: null,
        createdAt: NOW - MINUTE_MS,
        nextSyncAt: NOW - MINUTE_MS,
        recent: [run('pending')],
      },
      expected: 'never_synced',
    },
    {
      name: 'a pending scheduled run after a success stays on time within the grace',
      change: { nextSyncAt: NOW - GRACE, recent: [run('pending'), ok] },
      expected: 'on_time',
    },
  ])('$name', ({ change, expected }) => {
    expect(health(change)).toBe(expected);
  });
});

describe('scheduleHealth: the failing streak ignores cancelled runs', () => {
  const cancelled = run('cancelled');
  it.each<{ name: string; recent: HealthExecution[]; expected: Health }>([
    {
      name: 'three failures in a row',
      recent: [run('interrupted'), run('interrupted'), failed],
      expected: 'failing',
    },
    {
      name: 'cancelled runs between the failures do not break the streak',
      recent: [run('interrupted'), cancelled, run('interrupted'), cancelled, failed, ok],
      expected: 'failing',
    },
    {
      name: 'a cancelled run last does not hide a failure before it',
      recent: [cancelled, failed, ok],
      expected: 'failing',
    },
    {
      name: 'a cancelled run is not a failure',
      recent: [cancelled, cancelled, cancelled],
      expected: 'on_time',
    },
    {
      name: 'two interrupted then a success: not a streak',
      recent: [run('interrupted'), run('interrupted'), ok],
      expected: 'on_time',
    },
    {
      name: 'fewer than the streak, all interrupted',
      recent: [run('interrupted'), run('interrupted')],
      expected: 'on_time',
    },
    {
      name: 'the latest succeeded after failures',
      recent: [ok, failed, failed, failed],
      expected: 'on_time',
    },
    {
      name: 'an open run does not count in the streak',
      recent: [run('pending'), run('interrupted'), run('interrupted'), ok],
      expected: 'on_time',
    },
  ])('$name → $expected', ({ recent, expected }) => {
    expect(health({ recent })).toBe(expected);
  });

  it(`needs exactly ${HEALTH_FAILING_STREAK} in a row`, () => {
    const streak = Array.from({ length: HEALTH_FAILING_STREAK }, () => run('interrupted'));
    expect(health({ recent: streak })).toBe('failing');
    expect(health({ recent: streak.slice(1) })).toBe('on_time');
  });
});

describe('scheduleHealth: a schedule that never succeeded never reads on time', () => {
  it.each<{ name: string; change: Partial<HealthInput> }>([
    { name: 'just created', change: { createdAt: NOW, nextSyncAt: NOW + I, recent: [] } },
    { name: 'created with an immediate sync waiting', change: { createdAt: NOW, recent: [run('pending')] } },
    { name: 'only cancelled runs', change: { createdAt: NOW - HOUR_MS, recent: [run('cancelled')] } },
    { name: 'created in the future (clock skew)', change: { createdAt: NOW + HOUR_MS, recent: [] } },
    { name: 'created exactly one interval ago', change: { createdAt: NOW - I, recent: [] } },
  ])('$name', ({ change }) => {
    const result = scheduleHealth({ ...base, lastSyncAt: null, ...change });
    expect(result.health).not.toBe('on_time');
    expect(result.health).toBe('never_synced');
  });

  it('counts "no success" from the creation until the first success', () => {
    const never = { ...base, lastSyncAt: null, recent: [] };
    expect(scheduleHealth({ ...never, createdAt: NOW - I - GRACE }).health).toBe('never_synced');
    expect(scheduleHealth({ ...never, createdAt: NOW - I - GRACE - 1 }).health).toBe('late');
    expect(scheduleHealth({ ...never, createdAt: NOW - 2 * I }).health).toBe('late');
    expect(scheduleHealth({ ...never, createdAt: NOW - 2 * I - 1 })).toEqual({
      health: 'overdue',
      reason: 'No successful sync since it was created 2 days ago: more than twice its interval of 1 day.',
    });
  });
});

describe('scheduleHealth: thresholds, exactly at and just past', () => {
  it.each<{ name: string; change: Partial<HealthInput>; expected: Health }>([
    {
      name: 'no success for exactly 1× + grace',
      change: { lastSyncAt: NOW - I - GRACE },
      expected: 'on_time',
    },
    {
      name: 'no success for 1× + grace + 1 ms',
      change: { lastSyncAt: NOW - I - GRACE - 1 },
      expected: 'late',
    },
    {
      name: 'no success for a few minutes past 1× (a sync on its slot still running its course)',
      change: {
        lastSyncAt: NOW - I - 5 * MINUTE_MS,
        nextSyncAt: NOW - 4 * MINUTE_MS,
        recent: [run('pending'), ok],
      },
      expected: 'on_time',
    },
    { name: 'no success for exactly 2×', change: { lastSyncAt: NOW - 2 * I }, expected: 'late' },
    { name: 'no success for 2× + 1 ms', change: { lastSyncAt: NOW - 2 * I - 1 }, expected: 'overdue' },
    { name: 'due exactly the grace ago', change: { nextSyncAt: NOW - GRACE }, expected: 'on_time' },
    { name: 'due the grace + 1 ms ago', change: { nextSyncAt: NOW - GRACE - 1 }, expected: 'late' },
    { name: 'no next slot (timing cannot be used)', change: { nextSyncAt: null }, expected: 'on_time' },
    {
      name: 'a success in the future (clock skew)',
      change: { lastSyncAt: NOW + HOUR_MS },
      expected: 'on_time',
    },
    {
      name: 'an hourly schedule 2 h 1 min without a success',
      change: { intervalMs: HOUR_MS, lastSyncAt: NOW - 2 * HOUR_MS - MINUTE_MS, nextSyncAt: NOW + HOUR_MS },
      expected: 'overdue',
    },
    {
      name: 'an hourly schedule 1 h 16 min without a success',
      change: { intervalMs: HOUR_MS, lastSyncAt: NOW - HOUR_MS - 16 * MINUTE_MS, nextSyncAt: NOW + HOUR_MS },
      expected: 'late',
    },
  ])('$name → $expected', ({ change, expected }) => {
    expect(health(change)).toBe(expected);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses interval %s', (intervalMs) => {
    expect(() => scheduleHealth({ ...base, intervalMs })).toThrow(RangeError);
  });
});

describe('scheduleHealth: reasons are sentences that say what happened and what to do', () => {
  it.each<{ name: string; change: Partial<HealthInput>; reason: string }>([
    { name: 'paused', change: { isActive: false }, reason: 'Paused: no syncs run until it is resumed.' },
    { name: 'running', change: { recent: [run('running')] }, reason: 'A sync is running now.' },
    {
      name: 'action required says what to do (the engine wrote it)',
      change: { attentionReason: 'Soundcharts refused the credentials. Check the app id and API key.' },
      reason: 'Soundcharts refused the credentials. Check the app id and API key.',
    },
    {
      name: 'retrying: which retry, when, after what',
      change: {
        recent: [
          run('pending', {
            retryCount: 2,
            nextAttemptAt: NOW + 4 * MINUTE_MS + 30_000,
            errorMessage: 'Soundcharts answered 503.',
          }),
        ],
      },
      reason: 'The last attempt failed: Soundcharts answered 503. Retry 2 of 3 runs in 4 minutes.',
    },
    {
      name: 'retrying whose time has come',
      change: { recent: [run('pending', { retryCount: 1, nextAttemptAt: NOW - 1 })] },
      reason: 'The last attempt failed. Retry 1 of 3 is waiting to start.',
    },
    {
      name: 'failing after its retries (the message keeps one full stop)',
      change: { recent: [failed] },
      reason:
        'The last sync failed after 3 retries: Soundcharts answered 503. Sync now to try again, or open the execution for details.',
    },
    {
      name: 'failing without a message',
      change: { recent: [run('failed')] },
      reason: 'The last sync failed. Sync now to try again, or open the execution for details.',
    },
    {
      name: 'failing streak',
      change: { recent: [run('interrupted'), run('interrupted'), run('interrupted')] },
      reason: 'The last 3 syncs did not complete. Open the executions to see why.',
    },
    {
      name: 'overdue',
      change: { lastSyncAt: NOW - 3 * I - 2 * HOUR_MS },
      reason: 'No successful sync for 3 days 2 hours: more than twice its interval of 1 day.',
    },
    {
      name: 'late (interval)',
      change: { lastSyncAt: NOW - I - HOUR_MS },
      reason: 'No successful sync for 1 day 1 hour: more than its interval of 1 day.',
    },
    {
      name: 'late (not started)',
      change: { nextSyncAt: NOW - 20 * MINUTE_MS },
      reason: 'Due 20 minutes ago and not started yet.',
    },
    {
      name: 'never synced, nothing waiting',
      change: { lastSyncAt: null, createdAt: NOW, recent: [] },
      reason: 'Not synced yet: the first sync runs at its next slot.',
    },
    {
      name: 'never synced, first sync waiting',
      change: { lastSyncAt: null, createdAt: NOW, recent: [run('pending')] },
      reason: 'Not synced yet: the first sync is waiting to start.',
    },
    { name: 'on time', change: {}, reason: 'Synced on schedule.' },
  ])('$name', ({ change, reason }) => {
    expect(scheduleHealth({ ...base, ...change }).reason).toBe(reason);
  });
});

describe('describeSpan', () => {
  it.each([
    { ms: 0, expected: 'less than a minute' },
    { ms: 59_999, expected: 'less than a minute' },
    { ms: MINUTE_MS, expected: '1 minute' },
    { ms: 90 * MINUTE_MS, expected: '1 hour 30 minutes' },
    { ms: 2 * HOUR_MS, expected: '2 hours' },
    { ms: DAY_MS, expected: '1 day' },
    { ms: 25 * HOUR_MS, expected: '1 day 1 hour' },
    { ms: 2 * DAY_MS + 5 * MINUTE_MS, expected: '2 days' },
    { ms: 3 * DAY_MS + 2 * HOUR_MS + 59 * MINUTE_MS, expected: '3 days 2 hours' },
    { ms: -5, expected: 'less than a minute' },
    { ms: Number.NaN, expected: 'less than a minute' },
  ])('$ms → $expected', ({ ms, expected }) => {
    expect(describeSpan(ms)).toBe(expected);
  });
});

describe('healthIntervalMs', () => {
  const cron = (cronExpression: string, timeZone = 'UTC'): ScheduleTiming => ({
    frequency: 'cron',
    customIntervalHours: null,
    cronExpression,
    timeZone,
    anchorAt: Date.parse('2026-01-01T00:00:00Z'),
  });
  // Friday 2026-05-29, 09:05 UTC: just after a weekday cron's Friday run.
  const FRIDAY = Date.parse('2026-05-29T09:05:00Z');

  it.each<{ name: string; timing: ScheduleTiming; since: number; expected: number }>([
    {
      name: 'daily',
      timing: {
        frequency: 'daily',
        customIntervalHours: null,
        cronExpression: null,
        timeZone: null,
        anchorAt: 0,
      },
      since: FRIDAY,
      expected: DAY_MS,
    },
    {
      name: 'every 6 hours',
      timing: {
        frequency: 'custom',
        customIntervalHours: 6,
        cronExpression: null,
        timeZone: null,
        anchorAt: 0,
      },
      since: FRIDAY,
      expected: 6 * HOUR_MS,
    },
    { name: 'cron every day at 09:00', timing: cron('0 9 * * *'), since: FRIDAY, expected: DAY_MS },
    {
      name: 'cron on weekdays: the weekend gap, from Friday',
      timing: cron('0 9 * * 1-5'),
      since: FRIDAY,
      expected: 3 * DAY_MS,
    },
    {
      name: 'cron on weekdays: the weekend gap, from a Tuesday',
      timing: cron('0 9 * * 1-5'),
      since: Date.parse('2026-05-26T09:05:00Z'),
      expected: 3 * DAY_MS,
    },
    {
      name: 'cron hourly on weekdays, from Friday night',
      timing: cron('0 * * * 1-5'),
      since: Date.parse('2026-05-29T23:05:00Z'),
      expected: 48 * HOUR_MS + 55 * MINUTE_MS,
    },
    {
      name: 'cron across the end of daylight saving time (Europe/Paris, 25 h day)',
      timing: cron('30 1 * * *', 'Europe/Paris'),
      since: Date.parse('2026-10-24T00:00:00Z'),
      expected: 25 * HOUR_MS,
    },
  ])('$name', ({ timing, since, expected }) => {
    expect(healthIntervalMs(timing, since)).toBe(expected);
  });

  it("on a weekday cron, Friday's success is not late on Monday morning, and is late once Monday's run is missed", () => {
    const timing = cron('0 9 * * 1-5');
    const mondayMorning = Date.parse('2026-06-01T08:00:00Z');
    const intervalMs = healthIntervalMs(timing, FRIDAY);
    const input = { ...base, intervalMs, lastSyncAt: FRIDAY, nextSyncAt: Date.parse('2026-06-01T09:00:00Z') };
    expect(scheduleHealth({ ...input, now: mondayMorning }).health).toBe('on_time');
    expect(scheduleHealth({ ...input, now: Date.parse('2026-06-01T09:30:00Z') }).health).toBe('late');
  });
});
