import { describe, expect, it } from 'vitest';
import { HEALTH_STATES, type Health } from '../../../shared/domain/health';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../shared/domain/policies';
import { agoText, trayView } from '../../../shared/domain/tray-view';
import type { AppStatus } from '../../../shared/views/app-status';

const NOW = Date.parse('2026-06-01T12:00:00Z');

function status(
  more: {
    total?: number;
    active?: number;
    health?: Partial<Record<Health, number>>;
    running?: number;
    pending?: number;
    lastSync?: AppStatus['lastSync'];
    unreadAlerts?: number;
    demo?: boolean;
  } = {},
): AppStatus {
  const byHealth = Object.fromEntries(HEALTH_STATES.map((h) => [h, more.health?.[h] ?? 0])) as Record<
    Health,
    number
  >;
  return {
    version: '1.0.0',
    demo: more.demo ?? false,
    apiUrl: 'https://customer.api.soundcharts.com',
    databaseFile: ':memory:',
    schemaVersion: 1,
    charts: 10,
    schedules: {
      total: more.total ?? 0,
      active: more.active ?? 0,
      overdue: byHealth.overdue,
      resumable: 0,
      byHealth,
    },
    executions: { running: more.running ?? 0, pending: more.pending ?? 0 },
    lastSync: more.lastSync ?? null,
    unreadAlerts: more.unreadAlerts ?? 0,
  };
}

describe('trayView: the icon', () => {
  it.each([
    { name: 'no schedules at all is idle', s: status(), icon: 'idle' },
    { name: 'active schedules, nothing running, all well', s: status({ total: 3, active: 3 }), icon: 'idle' },
    { name: 'a sync running', s: status({ total: 3, active: 3, running: 1 }), icon: 'syncing' },
    {
      name: 'only pending syncs is not syncing',
      s: status({ total: 3, active: 3, pending: 2 }),
      icon: 'idle',
    },
    {
      name: 'every schedule paused',
      s: status({ total: 3, active: 0, health: { paused: 3 } }),
      icon: 'paused',
    },
    { name: 'some paused, some active', s: status({ total: 3, active: 1 }), icon: 'idle' },
    {
      name: 'a failing schedule',
      s: status({ total: 3, active: 3, health: { failing: 1 } }),
      icon: 'attention',
    },
    {
      name: 'an action_required schedule',
      s: status({ total: 3, active: 3, health: { action_required: 1 } }),
      icon: 'attention',
    },
    {
      name: 'an overdue schedule',
      s: status({ total: 3, active: 3, health: { overdue: 2 } }),
      icon: 'attention',
    },
    {
      name: 'attention wins over a sync running',
      s: status({ total: 3, active: 3, running: 2, health: { failing: 1 } }),
      icon: 'attention',
    },
    {
      name: 'syncing wins over all paused (a manual sync of a paused chart)',
      s: status({ total: 2, active: 0, running: 1 }),
      icon: 'syncing',
    },
    {
      name: 'retrying and late do not turn it to attention (they usually mend themselves)',
      s: status({ total: 3, active: 3, health: { retrying: 1, late: 1 } }),
      icon: 'idle',
    },
  ])('$name', ({ s, icon }) => {
    expect(trayView(s, NOW).icon).toBe(icon);
  });
});

describe('trayView: the tooltip has the counts', () => {
  it.each([
    { name: 'nothing yet', s: status(), tooltip: 'Chart Sync: no schedules yet' },
    {
      name: 'demo data says so',
      s: status({ demo: true }),
      tooltip: 'Chart Sync (demo data): no schedules yet',
    },
    {
      name: 'one schedule',
      s: status({ total: 1, active: 1 }),
      tooltip: 'Chart Sync: 1 schedule (1 active)',
    },
    {
      name: 'all paused',
      s: status({ total: 4, active: 0 }),
      tooltip: 'Chart Sync: 4 schedules, all paused',
    },
    {
      name: 'syncing, waiting and attention',
      s: status({ total: 12, active: 10, running: 2, pending: 3, health: { failing: 1, overdue: 2 } }),
      tooltip: 'Chart Sync: 12 schedules (10 active) · 2 syncing · 3 waiting · 3 need attention',
    },
    {
      name: 'one needs attention',
      s: status({ total: 2, active: 2, health: { action_required: 1 } }),
      tooltip: 'Chart Sync: 2 schedules (2 active) · 1 needs attention',
    },
  ])('$name', ({ s, tooltip }) => {
    expect(trayView(s, NOW).tooltip).toBe(tooltip);
  });
});

describe('trayView: the last sync and unread lines', () => {
  const last = (status: 'completed' | 'failed' | 'cancelled', agoMs: number): AppStatus['lastSync'] => ({
    executionId: 4,
    chartName: 'Top Songs (global-28)',
    status,
    endedAt: NOW - agoMs,
  });
  it.each([
    { name: 'before the first sync', s: status(), line: null },
    {
      name: 'a completed sync 5 minutes ago',
      s: status({ lastSync: last('completed', 5 * MINUTE_MS) }),
      line: 'Last sync: Top Songs (global-28) — completed, 5 min ago',
    },
    {
      name: 'a failed sync 3 hours ago',
      s: status({ lastSync: last('failed', 3 * HOUR_MS + 10 * MINUTE_MS) }),
      line: 'Last sync: Top Songs (global-28) — failed, 3 h ago',
    },
    {
      name: 'a cancelled sync seconds ago',
      s: status({ lastSync: last('cancelled', 20_000) }),
      line: 'Last sync: Top Songs (global-28) — cancelled, just now',
    },
  ])('$name', ({ s, line }) => {
    expect(trayView(s, NOW).lastSyncLine).toBe(line);
  });

  it.each([
    { unread: 0, line: null },
    { unread: 1, line: '1 unread alert' },
    { unread: 3, line: '3 unread alerts' },
  ])('$unread unread → $line', ({ unread, line }) => {
    expect(trayView(status({ unreadAlerts: unread }), NOW).unreadLine).toBe(line);
  });
});

describe('agoText', () => {
  it.each([
    { ago: 0, text: 'just now' },
    { ago: 59_999, text: 'just now' },
    { ago: MINUTE_MS, text: '1 min ago' },
    { ago: 59 * MINUTE_MS, text: '59 min ago' },
    { ago: HOUR_MS, text: '1 h ago' },
    { ago: DAY_MS, text: '1 day ago' },
    { ago: 3 * DAY_MS + HOUR_MS, text: '3 days ago' },
    // A clock set back after the sync ended: never "in 2 minutes ago".
    { ago: -2 * MINUTE_MS, text: 'just now' },
  ])('$ago ms → $text', ({ ago, text }) => {
    expect(agoText(NOW - ago, NOW)).toBe(text);
  });
});
