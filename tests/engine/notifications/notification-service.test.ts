import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../electron/engine/events';
import { attachNotifications, type Notifications } from '../../../electron/engine/notifications';
import type { AlertKind } from '../../../shared/domain/alert-kinds';
import { ALERT_SEVERITY } from '../../../shared/domain/alert-rules';
import { MINUTE_MS } from '../../../shared/domain/policies';
import type { AlertView } from '../../../shared/views/alert';
import type { NotificationView } from '../../../shared/views/notification';
import type { SettingsView } from '../../../shared/views/settings';
import { FakeClock } from '../../support/fake-clock';

const START = Date.UTC(2026, 10, 23, 9, 0, 0);

let notifications: Notifications | null = null;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  notifications?.close();
  notifications = null;
  vi.useRealTimers();
});

let nextId = 1;
function alert(kind: AlertKind = 'sync_failed'): AlertView {
  const id = nextId++;
  return {
    id,
    kind,
    severity: ALERT_SEVERITY[kind],
    scheduleId: 3,
    executionId: 100 + id,
    chart: { id: 12, slug: 'global-28', name: 'Top Songs' },
    message: `Alert ${id}.`,
    count: 1,
    createdAt: START,
    lastSeenAt: START,
    readAt: null,
    resolvedAt: null,
  };
}

function setup(settings: Partial<SettingsView> = {}) {
  const clock = new FakeClock(START);
  const events = new EventBus();
  const current = { disabledNotificationKinds: [], notificationsPerMinute: 2, ...settings } as SettingsView;
  const shown: NotificationView[] = [];
  events.on('notification/show', (n) => shown.push(n));
  const errors: unknown[] = [];
  /** Alerts the store has resolved since they were raised. */
  const resolved = new Set<number>();
  notifications = attachNotifications({
    events,
    settings: { get: () => current },
    now: clock.nowFn,
    report: (e) => errors.push(e),
    resolvedAmong: (ids) => new Set(ids.filter((id) => resolved.has(id))),
  });
  /** Time passing on both clocks, as it does for the engine. */
  const pass = async (ms: number) => {
    clock.advance(ms);
    await vi.advanceTimersByTimeAsync(ms);
  };
  return {
    clock,
    events,
    current,
    shown,
    errors,
    resolved,
    pass,
    raise: (a: AlertView) => events.emit('alert/raised', a),
  };
}

describe('notifications from alerts', () => {
  it('shows each new alert once, with its chart, what to do and where a click leads', () => {
    const { shown, raise } = setup();
    const a = alert('sync_failed');
    raise(a);
    expect(shown).toEqual([
      {
        id: `alert-${a.id}`,
        kind: 'sync_failed',
        severity: 'error',
        title: 'Sync failed: Top Songs',
        body: `Alert ${a.id}. Open it to see the error and retry.`,
        target: { screen: 'execution', id: a.executionId },
      },
    ]);
  });

  it('drops the kinds turned off for notifications, read when each alert comes', () => {
    const { shown, raise, current } = setup({ disabledNotificationKinds: ['sync_recovered'] });
    raise(alert('sync_recovered'));
    expect(shown).toEqual([]);
    raise(alert('schedule_overdue'));
    current.disabledNotificationKinds = ['schedule_overdue'];
    raise(alert('schedule_overdue'));
    raise(alert('sync_recovered'));
    expect(shown.map((n) => n.kind)).toEqual(['schedule_overdue', 'sync_recovered']);
  });

  it('the flood guard: at most N in a minute, the rest as one summary when the minute ends', async () => {
    const { shown, raise, pass } = setup({ notificationsPerMinute: 2 });
    for (let i = 0; i < 6; i += 1) raise(alert('sync_failed'));
    raise(alert('schedule_overdue'));
    expect(shown).toHaveLength(2);

    await pass(MINUTE_MS - 1);
    expect(shown).toHaveLength(2);
    await pass(1);
    expect(shown).toHaveLength(3);
    expect(shown[2]).toMatchObject({
      kind: null,
      title: '5 more alerts',
      body: '4 syncs failed, 1 schedule overdue. Open Alerts to see them all.',
      target: { screen: 'alerts' },
    });

    // The summary counts against the next minute: one more fits now, the one after waits for its minute.
    raise(alert('sync_failed'));
    expect(shown).toHaveLength(4);
    await pass(10_000);
    raise(alert('quota_low'));
    expect(shown).toHaveLength(4);
    await pass(MINUTE_MS - 10_000);
    // One held alert arrives as itself.
    expect(shown).toHaveLength(5);
    expect(shown[4]).toMatchObject({ kind: 'quota_low', title: 'Soundcharts quota is low' });
  });

  it('in any minute, never more than the limit (a sliding minute, summaries counted)', async () => {
    const { shown, raise, pass, clock, events } = setup({ notificationsPerMinute: 3 });
    const times: number[] = [];
    events.on('notification/show', () => times.push(clock.now()));
    const raised = Math.ceil((5 * 60) / 7);
    for (let i = 0; i < raised; i += 1) {
      raise(alert(i % 2 ? 'sync_failed' : 'schedule_overdue'));
      await pass(7_000);
    }
    await pass(2 * MINUTE_MS);
    for (const t of times) {
      expect(times.filter((other) => other > t - MINUTE_MS && other <= t).length).toBeLessThanOrEqual(3);
    }
    // Nothing was lost: every alert is in a notification of its own or counted in a summary.
    const counted = shown.reduce((sum, n) => sum + (n.kind === null ? Number(n.title.split(' ')[0]) : 1), 0);
    expect(counted).toBe(raised);
    expect(shown.some((n) => n.kind === null)).toBe(true);
  });

  it('a kind turned off while held is left out of the summary', async () => {
    const { shown, raise, pass, current } = setup({ notificationsPerMinute: 1 });
    raise(alert('sync_failed'));
    raise(alert('sync_recovered'));
    raise(alert('sync_recovered'));
    raise(alert('schedule_overdue'));
    current.disabledNotificationKinds = ['sync_recovered'];
    await pass(MINUTE_MS);
    expect(shown.map((n) => n.kind)).toEqual(['sync_failed', 'schedule_overdue']);
  });

  it('an alert resolved while held is left out (an overdue schedule that synced since), an event kept', async () => {
    const { shown, raise, pass, resolved } = setup({ notificationsPerMinute: 1 });
    raise(alert('sync_failed'));
    const overdue = alert('schedule_overdue');
    raise(overdue);
    const recovered = { ...alert('sync_recovered'), resolvedAt: START };
    raise(recovered);
    // The schedule synced before the minute ended: its overdue alert is resolved, no longer news.
    resolved.add(overdue.id);
    resolved.add(recovered.id);
    await pass(MINUTE_MS);
    expect(shown.map((n) => n.kind)).toEqual(['sync_failed', 'sync_recovered']);
  });

  it('close() stops listening and clears the held alerts and their timer', () => {
    const { shown, raise } = setup({ notificationsPerMinute: 1 });
    raise(alert());
    raise(alert());
    expect(vi.getTimerCount()).toBe(1);
    notifications!.close();
    expect(vi.getTimerCount()).toBe(0);
    raise(alert());
    expect(shown).toHaveLength(1);
  });

  it('a failing settings read is reported, never thrown into the alert service', () => {
    const events = new EventBus();
    const errors: unknown[] = [];
    notifications = attachNotifications({
      events,
      settings: {
        get: () => {
          throw new Error('database closed');
        },
      },
      now: () => START,
      report: (e) => errors.push(e),
    });
    expect(() => events.emit('alert/raised', alert())).not.toThrow();
    expect(errors).toHaveLength(1);
  });
});
