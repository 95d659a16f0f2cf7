import { describe, expect, it } from 'vitest';
import { ALERT_KINDS, type AlertKind } from '../../../shared/domain/alert-kinds';
import { ALERT_SEVERITY } from '../../../shared/domain/alert-rules';
import {
  floodAdmits,
  floodReleaseAt,
  heldNotification,
  notificationForAlert,
  notificationHref,
  notificationTarget,
  notifies,
} from '../../../shared/domain/notification-rules';
import { MINUTE_MS } from '../../../shared/domain/policies';
import type { AlertView } from '../../../shared/views/alert';

const AT = Date.parse('2026-06-01T12:00:00Z');

function alert(kind: AlertKind, more: Partial<AlertView> = {}): AlertView {
  const aboutChart = !kind.startsWith('quota') && kind !== 'credentials_rejected';
  return {
    id: 41,
    kind,
    severity: ALERT_SEVERITY[kind],
    scheduleId: aboutChart ? 3 : null,
    executionId: aboutChart && kind !== 'schedule_overdue' ? 7 : null,
    chart: aboutChart ? { id: 12, slug: 'global-28', name: 'Top Songs' } : null,
    message: `The message of ${kind}.`,
    count: 1,
    createdAt: AT,
    lastSeenAt: AT,
    readAt: null,
    resolvedAt: null,
    ...more,
  };
}

describe('notificationTarget: a click opens what the operator acts on', () => {
  it.each([
    { kind: 'sync_failed', target: { screen: 'execution', id: 7 } },
    { kind: 'performance_degraded', target: { screen: 'execution', id: 7 } },
    { kind: 'schedule_overdue', target: { screen: 'schedule', id: 3 } },
    { kind: 'sync_recovered', target: { screen: 'schedule', id: 3 } },
    { kind: 'credentials_rejected', target: { screen: 'settings' } },
    { kind: 'quota_low', target: { screen: 'alerts' } },
    { kind: 'quota_exhausted', target: { screen: 'alerts' } },
  ] as const)('$kind → $target.screen', ({ kind, target }) => {
    expect(notificationTarget(alert(kind))).toEqual(target);
  });

  it.each([
    { name: 'a failure without its execution', a: alert('sync_failed', { executionId: null }) },
    { name: 'an overdue schedule since deleted', a: alert('schedule_overdue', { scheduleId: null }) },
  ])('$name falls back to the Alerts screen', ({ a }) => {
    expect(notificationTarget(a)).toEqual({ screen: 'alerts' });
  });
});

describe('notificationForAlert: what the operator reads', () => {
  it.each([
    { kind: 'sync_failed', title: 'Sync failed: Top Songs', advice: /see the error and retry/ },
    { kind: 'schedule_overdue', title: 'Overdue: Top Songs', advice: /sync it now/ },
    { kind: 'credentials_rejected', title: 'Soundcharts refused the credentials', advice: /Open Settings/ },
    { kind: 'quota_low', title: 'Soundcharts quota is low', advice: /Pause the schedules/ },
    { kind: 'quota_exhausted', title: 'Soundcharts quota is spent', advice: /plan renews/ },
    { kind: 'performance_degraded', title: 'Slow sync: Top Songs', advice: /where the time went/ },
    { kind: 'sync_recovered', title: 'Syncing again: Top Songs', advice: /Nothing to do/ },
  ] as const)('$kind: "$title"', ({ kind, title, advice }) => {
    const shown = notificationForAlert(alert(kind));
    expect(shown).toMatchObject({ id: 'alert-41', kind, severity: ALERT_SEVERITY[kind], title });
    // What happened (the alert's message, naming the chart), then what to do.
    expect(shown.body.startsWith(`The message of ${kind}. `)).toBe(true);
    expect(shown.body).toMatch(advice);
  });

  it('credentials_rejected: the advice fits credentials from anywhere (the message says where to fix them)', () => {
    const body = notificationForAlert(alert('credentials_rejected')).body;
    // Environment variables, flags or an OAuth client are not checked "in Settings" as an app ID and API key.
    expect(body).not.toMatch(/app ID and API key/);
    expect(body).toMatch(/Open Settings/);
  });

  it('every kind has a title and advice', () => {
    for (const kind of ALERT_KINDS) {
      const shown = notificationForAlert(alert(kind, { chart: null }));
      expect(shown.title.length).toBeGreaterThan(0);
      expect(shown.body.length).toBeGreaterThan(`The message of ${kind}. `.length);
    }
  });
});

describe('notifies: kinds turned off for notifications', () => {
  it.each([
    { kind: 'sync_failed', disabled: [], shown: true },
    { kind: 'sync_failed', disabled: ['sync_failed'], shown: false },
    { kind: 'sync_recovered', disabled: ['sync_failed', 'quota_low'], shown: true },
    { kind: 'quota_low', disabled: ['sync_failed', 'quota_low'], shown: false },
  ] as const)('$kind with $disabled off → $shown', ({ kind, disabled, shown }) => {
    expect(notifies({ kind }, disabled)).toBe(shown);
  });
});

describe('the flood guard', () => {
  it.each([
    { name: 'nothing shown yet', shown: [], limit: 1, admits: true, releaseAt: AT },
    { name: 'below the limit', shown: [AT - 10_000], limit: 2, admits: true, releaseAt: AT },
    {
      name: 'at the limit: the slot frees when the oldest counted leaves the minute',
      shown: [AT - 10_000, AT - 5_000],
      limit: 2,
      admits: false,
      releaseAt: AT - 10_000 + MINUTE_MS,
    },
    {
      name: 'a limit of one: the minute of the latest',
      shown: [AT - 30_000, AT - 5_000],
      limit: 1,
      admits: false,
      releaseAt: AT - 5_000 + MINUTE_MS,
    },
    {
      name: 'shown a minute ago or more no longer counts',
      shown: [AT - MINUTE_MS, AT - 2 * MINUTE_MS],
      limit: 1,
      admits: true,
      releaseAt: AT,
    },
    {
      name: 'order of the record does not matter',
      shown: [AT - 1_000, AT - 40_000, AT - 20_000],
      limit: 2,
      admits: false,
      releaseAt: AT - 20_000 + MINUTE_MS,
    },
  ])('$name', ({ shown, limit, admits, releaseAt }) => {
    expect(floodAdmits(shown, AT, limit)).toBe(admits);
    expect(floodReleaseAt(shown, AT, limit)).toBe(releaseAt);
  });
});

describe('heldNotification: what the held alerts arrive as', () => {
  it('nothing held, nothing shown', () => {
    expect(heldNotification([], AT)).toBeNull();
  });

  it('one held alert is shown as itself', () => {
    const one = alert('schedule_overdue');
    expect(heldNotification([one], AT)).toEqual(notificationForAlert(one));
  });

  it.each([
    {
      name: 'three failures',
      held: [alert('sync_failed'), alert('sync_failed'), alert('sync_failed')],
      title: '3 more alerts',
      body: '3 syncs failed. Open Alerts to see them all.',
      severity: 'error',
    },
    {
      name: 'mixed kinds, counted in the order they came; the worst severity',
      held: [
        alert('schedule_overdue'),
        alert('sync_recovered'),
        alert('schedule_overdue'),
        alert('quota_low'),
      ],
      title: '4 more alerts',
      body: '2 schedules overdue, 1 chart syncing again, 1 quota low. Open Alerts to see them all.',
      severity: 'warning',
    },
    {
      name: 'two recoveries are information only',
      held: [alert('sync_recovered'), alert('sync_recovered')],
      title: '2 more alerts',
      body: '2 charts syncing again. Open Alerts to see them all.',
      severity: 'info',
    },
  ])('$name', ({ held, title, body, severity }) => {
    expect(heldNotification(held, AT)).toEqual({
      id: `summary-${AT}`,
      kind: null,
      severity,
      title,
      body,
      target: { screen: 'alerts' },
    });
  });
});

describe('notificationHref', () => {
  it.each([
    { target: { screen: 'execution', id: 7 }, href: '#/executions/7' },
    { target: { screen: 'schedule', id: 3 }, href: '#/schedules/3' },
    { target: { screen: 'alerts' }, href: '#/alerts' },
    { target: { screen: 'settings' }, href: '#/settings' },
  ] as const)('$target.screen → $href', ({ target, href }) => {
    expect(notificationHref(target)).toBe(href);
  });
});
