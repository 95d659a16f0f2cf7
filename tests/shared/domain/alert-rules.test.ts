import { describe, expect, it } from 'vitest';
import {
  ALERT_SEVERITY,
  alertsForExecution,
  alertsForTick,
  foldKeys,
  median,
  quotaAlerts,
  slowerThanUsual,
  type ExecutionOutcome,
  type TickSchedule,
  type TickState,
} from '../../../shared/domain/alert-rules';
import { ALERT_KINDS } from '../../../shared/domain/alert-kinds';
import type { ExecutionStatus } from '../../../shared/domain/execution';
import {
  PERFORMANCE_BASELINE_MIN,
  PERFORMANCE_DEGRADED_FACTOR,
  PERFORMANCE_DEGRADED_MIN_MS,
  QUOTA_LOW_PERCENT_DEFAULT,
  QUOTA_LOW_REQUESTS_DEFAULT,
} from '../../../shared/domain/policies';

const MINUTE = 60_000;

function outcome(
  status: ExecutionStatus,
  more: Partial<ExecutionOutcome['execution']> = {},
  history: Partial<Omit<ExecutionOutcome, 'execution'>> = {},
): ExecutionOutcome {
  return {
    execution: {
      id: 7,
      scheduleId: 3,
      chartId: 12,
      status,
      errorCode: null,
      errorMessage: null,
      durationMs: MINUTE,
      retryCount: 0,
      ...more,
    },
    chartLabel: 'Top Songs (global-28)',
    previousStatus: null,
    recentDurationsMs: [],
    ...history,
  };
}

const kinds = (decision: { raise: { kind: string }[] }) => decision.raise.map((a) => a.kind);

describe('alertsForExecution: which alerts an ended execution raises and resolves', () => {
  it.each([
    { name: 'a final failure raises sync_failed', o: outcome('failed'), raise: ['sync_failed'], resolve: [] },
    {
      name: 'a 401 also raises credentials_rejected',
      o: outcome('failed', { errorCode: 'auth' }),
      raise: ['sync_failed', 'credentials_rejected'],
      resolve: [],
    },
    {
      name: 'a 403 (plan) is not a credentials problem',
      o: outcome('failed', { errorCode: 'forbidden' }),
      raise: ['sync_failed'],
      resolve: [],
    },
    {
      name: 'a spent quota also raises quota_exhausted',
      o: outcome('failed', { errorCode: 'quota_exhausted' }),
      raise: ['sync_failed', 'quota_exhausted'],
      resolve: [],
    },
    {
      name: 'a pending retry raises nothing',
      o: outcome('pending', { retryCount: 1 }),
      raise: [],
      resolve: [],
    },
    { name: 'a running execution raises nothing', o: outcome('running'), raise: [], resolve: [] },
    { name: 'a cancelled execution raises nothing', o: outcome('cancelled'), raise: [], resolve: [] },
    { name: 'an interrupted execution raises nothing', o: outcome('interrupted'), raise: [], resolve: [] },
    {
      name: 'a first success raises nothing and resolves the failure, credentials and slowness',
      o: outcome('completed'),
      raise: [],
      resolve: [foldKeys.syncFailed(12), foldKeys.credentials, foldKeys.performance(12)],
    },
    {
      name: 'a success after a failure raises sync_recovered',
      o: outcome('completed', {}, { previousStatus: 'failed' }),
      raise: ['sync_recovered'],
      resolve: [foldKeys.syncFailed(12), foldKeys.credentials, foldKeys.performance(12)],
    },
    {
      name: 'a success after an interrupted run raises sync_recovered',
      o: outcome('completed', {}, { previousStatus: 'interrupted' }),
      raise: ['sync_recovered'],
      resolve: [foldKeys.syncFailed(12), foldKeys.credentials, foldKeys.performance(12)],
    },
    {
      name: 'a success after a success raises nothing',
      o: outcome('completed', {}, { previousStatus: 'completed' }),
      raise: [],
      resolve: [foldKeys.syncFailed(12), foldKeys.credentials, foldKeys.performance(12)],
    },
    {
      name: 'a slow success raises performance_degraded and does not resolve it',
      o: outcome(
        'completed',
        { durationMs: 10 * MINUTE },
        { recentDurationsMs: [1, 1, 1, 1, 1].map(() => MINUTE) },
      ),
      raise: ['performance_degraded'],
      resolve: [foldKeys.syncFailed(12), foldKeys.credentials],
    },
    {
      name: 'a slow failure is a failure, not a slowness',
      o: outcome(
        'failed',
        { durationMs: 10 * MINUTE },
        { recentDurationsMs: [1, 1, 1, 1, 1].map(() => MINUTE) },
      ),
      raise: ['sync_failed'],
      resolve: [],
    },
  ])('$name', ({ o, raise, resolve }) => {
    const decision = alertsForExecution(o);
    expect(kinds(decision)).toEqual(raise);
    expect(decision.resolve).toEqual(resolve);
  });

  it('names the chart, the retries and the error in the failure, about its schedule and execution', () => {
    const [alert] = alertsForExecution(
      outcome('failed', { retryCount: 3, errorMessage: 'Soundcharts answered 503.' }),
    ).raise;
    expect(alert).toEqual({
      kind: 'sync_failed',
      severity: 'error',
      foldKey: 'sync_failed:chart:12',
      scheduleId: 3,
      executionId: 7,
      chartId: 12,
      message: 'The sync of Top Songs (global-28) failed after 3 retries: Soundcharts answered 503.',
    });
  });

  it('records a recovery already resolved, under a key of its own execution (it never folds)', () => {
    const [alert] = alertsForExecution(outcome('completed', { id: 9 }, { previousStatus: 'failed' })).raise;
    expect(alert).toMatchObject({ kind: 'sync_recovered', severity: 'info', resolved: true });
    expect(alert!.foldKey).toBe('sync_recovered:execution:9');
  });

  it('folds the failures of one chart under one key, whatever the execution', () => {
    const a = alertsForExecution(outcome('failed', { id: 1 })).raise[0]!;
    const b = alertsForExecution(outcome('failed', { id: 2 })).raise[0]!;
    expect(a.foldKey).toBe(b.foldKey);
    const other = alertsForExecution(outcome('failed', { chartId: 13 })).raise[0]!;
    expect(other.foldKey).not.toBe(a.foldKey);
  });
});

describe('slowerThanUsual: more than 3× the median of the last 10 completed, with at least 5', () => {
  const five = (ms: number) => [ms, ms, ms, ms, ms];
  it.each([
    {
      name: 'fewer than 5 to compare',
      duration: 20 * MINUTE,
      recent: [MINUTE, MINUTE, MINUTE, MINUTE],
      slow: false,
    },
    { name: 'exactly 5, over 3×', duration: 3 * MINUTE + 1, recent: five(MINUTE), slow: true },
    { name: 'exactly 3× is not slower', duration: 3 * MINUTE, recent: five(MINUTE), slow: false },
    { name: 'unknown duration', duration: null, recent: five(MINUTE), slow: false },
    {
      name: 'below the minimum duration, however fast the others',
      duration: PERFORMANCE_DEGRADED_MIN_MS - 1,
      recent: five(1),
      slow: false,
    },
    {
      name: 'only the newest 10 count (older slow runs are ignored)',
      duration: 4 * MINUTE,
      recent: [...Array.from({ length: 10 }, () => MINUTE), ...Array.from({ length: 10 }, () => 60 * MINUTE)],
      slow: true,
    },
    {
      name: 'one old outlier does not move the median',
      duration: 4 * MINUTE,
      recent: [MINUTE, MINUTE, MINUTE, MINUTE, 100 * MINUTE],
      slow: true,
    },
  ])('$name', ({ duration, recent, slow }) => {
    expect(slowerThanUsual(duration, recent) !== null).toBe(slow);
  });

  it('reports the duration, the median and how many runs it compared', () => {
    expect(
      slowerThanUsual(10 * MINUTE, [MINUTE, 2 * MINUTE, MINUTE, 2 * MINUTE, 3 * MINUTE, MINUTE]),
    ).toEqual({
      durationMs: 10 * MINUTE,
      medianMs: 1.5 * MINUTE,
      compared: 6,
    });
  });

  it('uses the named policy numbers', () => {
    expect(PERFORMANCE_DEGRADED_FACTOR).toBe(3);
    expect(PERFORMANCE_BASELINE_MIN).toBe(5);
  });
});

describe('median', () => {
  it.each([
    { values: [5], expected: 5 },
    { values: [3, 1, 2], expected: 2 },
    { values: [4, 1, 3, 2], expected: 2.5 },
  ])('$values → $expected', ({ values, expected }) => expect(median(values)).toBe(expected));

  it('refuses an empty list', () => expect(() => median([])).toThrow(RangeError));
});

const thresholds = { percent: QUOTA_LOW_PERCENT_DEFAULT, requests: QUOTA_LOW_REQUESTS_DEFAULT };

describe('quotaAlerts: facts only, one open alert per condition', () => {
  it.each([
    { name: 'unknown quota: nothing', quota: null, open: [], raise: [], resolve: [] },
    {
      name: 'spent: quota_exhausted',
      quota: { remaining: 0, limit: null },
      open: [],
      raise: ['quota_exhausted'],
      resolve: [],
    },
    {
      name: 'spent and already open: nothing new',
      quota: { remaining: 0, limit: null },
      open: ['quota_exhausted'],
      raise: [],
      resolve: [],
    },
    {
      name: 'below the requests threshold: quota_low',
      quota: { remaining: 999, limit: null },
      open: [],
      raise: ['quota_low'],
      resolve: [],
    },
    {
      name: 'at the requests threshold: fine',
      quota: { remaining: 1_000, limit: null },
      open: [],
      raise: [],
      resolve: [],
    },
    {
      name: 'below 10 % of a known plan: quota_low',
      quota: { remaining: 9_999, limit: 100_000 },
      open: [],
      raise: ['quota_low'],
      resolve: [],
    },
    {
      name: 'above both thresholds: resolves what was open',
      quota: { remaining: 50_000, limit: 100_000 },
      open: ['quota_low', 'quota_exhausted'],
      raise: [],
      resolve: ['quota_exhausted', 'quota_low'],
    },
    {
      name: 'renewed but low: resolves exhausted, raises low',
      quota: { remaining: 10, limit: null },
      open: ['quota_exhausted'],
      raise: ['quota_low'],
      resolve: ['quota_exhausted'],
    },
    {
      name: 'low and already open: nothing new',
      quota: { remaining: 10, limit: null },
      open: ['quota_low'],
      raise: [],
      resolve: [],
    },
  ])('$name', ({ quota, open, raise, resolve }) => {
    const decision = quotaAlerts(quota, thresholds, new Set(open));
    expect(kinds(decision)).toEqual(raise);
    expect(decision.resolve).toEqual(resolve);
  });

  it('a percentage threshold of a plan of unknown size is never guessed', () => {
    expect(
      kinds(quotaAlerts({ remaining: 5_000, limit: null }, { percent: 100, requests: 10 }, new Set())),
    ).toEqual([]);
  });

  it('says what remains, and of how much when known', () => {
    expect(quotaAlerts({ remaining: 900, limit: 20_000 }, thresholds, new Set()).raise[0]!.message).toBe(
      'The Soundcharts quota is low: 900 of 20,000 requests remaining.',
    );
  });
});

describe('alertsForTick: overdue when health turns overdue, resolved when it no longer is', () => {
  const schedule = (scheduleId: number, health: TickSchedule['health']): TickSchedule => ({
    scheduleId,
    chartId: scheduleId * 10,
    chartLabel: `Chart ${scheduleId}`,
    health,
    reason: 'No successful sync for 3 days (more than twice its interval).',
  });
  const state = (over: Partial<TickState>): TickState => ({
    schedules: [],
    overdueBefore: new Set(),
    open: new Set(),
    quota: null,
    thresholds,
    ...over,
  });

  it.each([
    {
      name: 'turns overdue: alert and overdue event',
      s: state({ schedules: [schedule(1, 'overdue')] }),
      raise: ['schedule_overdue'],
      resolve: [],
      started: [1],
      now: [1],
    },
    {
      name: 'stays overdue with its alert open: nothing again',
      s: state({
        schedules: [schedule(1, 'overdue')],
        overdueBefore: new Set([1]),
        open: new Set([foldKeys.overdue(1)]),
      }),
      raise: [],
      resolve: [],
      started: [],
      now: [1],
    },
    {
      name: 'stays overdue with the kind turned off (no alert open): no second event',
      s: state({ schedules: [schedule(1, 'overdue')], overdueBefore: new Set([1]) }),
      raise: ['schedule_overdue'],
      resolve: [],
      started: [],
      now: [1],
    },
    {
      name: 'no longer overdue: resolved',
      s: state({
        schedules: [schedule(1, 'on_time')],
        overdueBefore: new Set([1]),
        open: new Set([foldKeys.overdue(1)]),
      }),
      raise: [],
      resolve: [foldKeys.overdue(1)],
      started: [],
      now: [],
    },
    {
      name: 'failing is not overdue',
      s: state({ schedules: [schedule(1, 'failing'), schedule(2, 'late')] }),
      raise: [],
      resolve: [],
      started: [],
      now: [],
    },
    {
      name: 'deleted while overdue: resolved',
      s: state({ schedules: [], open: new Set([foldKeys.overdue(4), 'quota_low']) }),
      raise: [],
      resolve: [foldKeys.overdue(4)],
      started: [],
      now: [],
    },
  ])('$name', ({ s, raise, resolve, started, now }) => {
    const decision = alertsForTick(s);
    expect(kinds(decision)).toEqual(raise);
    expect(decision.resolve).toEqual(resolve);
    expect(decision.overdueStarted.map((o) => o.scheduleId)).toEqual(started);
    expect([...decision.overdueNow]).toEqual(now);
  });

  it('includes the quota rules', () => {
    expect(kinds(alertsForTick(state({ quota: { remaining: 0, limit: null } })))).toEqual([
      'quota_exhausted',
    ]);
  });

  it('says which chart and why, with the schedule and chart it is about', () => {
    const [alert] = alertsForTick(state({ schedules: [schedule(2, 'overdue')] })).raise;
    expect(alert).toMatchObject({
      severity: 'warning',
      scheduleId: 2,
      chartId: 20,
      executionId: null,
      message: 'Chart 2 is overdue: No successful sync for 3 days (more than twice its interval).',
    });
  });
});

describe('ALERT_SEVERITY', () => {
  it('gives every kind a severity', () => {
    expect(Object.keys(ALERT_SEVERITY).sort()).toEqual([...ALERT_KINDS].sort());
  });
});

describe('credentials_rejected: the advice names where the refused credentials came from', () => {
  const rejected = (credentials?: ExecutionOutcome['credentials']) =>
    alertsForExecution(
      outcome('failed', { errorCode: 'auth' }, credentials ? { credentials } : {}),
    ).raise.find((a) => a.kind === 'credentials_rejected')!.message;

  it.each([
    {
      name: 'saved in Settings or by the CLI',
      credentials: { source: 'saved', kind: 'api-key' },
      says: /saved in Settings.*chart-sync credentials set/,
      never: /SOUNDCHARTS_/,
    },
    {
      name: 'an app id and key from the environment',
      credentials: { source: 'environment', kind: 'api-key' },
      says: /SOUNDCHARTS_APP_ID and SOUNDCHARTS_API_KEY/,
      never: /Settings/,
    },
    {
      name: 'an OAuth client from the environment',
      credentials: { source: 'environment', kind: 'oauth' },
      says: /SOUNDCHARTS_CLIENT_ID and SOUNDCHARTS_CLIENT_SECRET/,
      never: /SOUNDCHARTS_APP_ID/,
    },
    {
      name: 'the command line',
      credentials: { source: 'command line', kind: 'api-key' },
      says: /--app-id and --api-key/,
      never: /SOUNDCHARTS_/,
    },
    { name: 'unknown (an engine without a host)', credentials: undefined, says: /Settings/, never: /^$/ },
  ] as const)('$name', ({ credentials, says, never }) => {
    const message = rejected(credentials);
    expect(message).toMatch(says);
    expect(message).not.toMatch(never);
    expect(message).toMatch(/no sync can run until they are accepted/);
  });
});
