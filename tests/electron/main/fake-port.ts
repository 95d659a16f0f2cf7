import { vi } from 'vitest';
import type { CallHandlers } from '../../../shared/contract/calls';
import { HEALTH_STATES, type Health } from '../../../shared/domain/health';
import type { AppStatus } from '../../../shared/views/app-status';
import type { SettingsView } from '../../../shared/views/settings';
import { EventBus } from '../../../electron/engine/events';
import type { ShellPort } from '../../../electron/main/shell-port';

const byHealth = Object.fromEntries(HEALTH_STATES.map((h) => [h, 0])) as Record<Health, number>;

export function appStatus(overrides: Partial<AppStatus> = {}): AppStatus {
  return {
    version: '9.9.9',
    demo: false,
    apiUrl: 'https://customer.api.soundcharts.com',
    databaseFile: '/data/chart-sync.sqlite',
    schemaVersion: 1,
    charts: 3,
    schedules: { total: 2, active: 2, overdue: 0, resumable: 0, byHealth: { ...byHealth } },
    executions: { running: 0, pending: 0 },
    lastSync: null,
    unreadAlerts: 0,
    ...overrides,
  };
}

export function settingsView(overrides: Partial<SettingsView> = {}): SettingsView {
  return {
    disabledAlertKinds: [],
    quotaLowPercent: 10,
    quotaLowRequests: 1000,
    retentionDays: 365,
    billingCycleDay: 1,
    apiUrl: 'https://customer.api.soundcharts.com',
    rateLimitPerMinute: 300,
    defaultHistoryWindowDays: 30,
    closeToTray: true,
    launchAtLogin: false,
    theme: 'system',
    disabledNotificationKinds: [],
    notificationsPerMinute: 5,
    ...overrides,
  };
}

const emptyBulk = { results: [], succeeded: 0, skipped: 0, failed: 0 };

/** A port whose calls a test sets (status, settings) and whose events it emits, without an engine. */
export function fakePort() {
  const state = { status: appStatus(), settings: settingsView() };
  const events = new EventBus();
  const handlers = {
    'app/status': vi.fn(() => state.status),
    'settings/get': vi.fn(() => state.settings),
    'schedules/sync-due': vi.fn(() => emptyBulk),
    'schedules/pause-all': vi.fn(() => emptyBulk),
    'schedules/resume-all': vi.fn(() => emptyBulk),
  };
  const port: ShellPort = { handlers: handlers as unknown as CallHandlers, events };
  return { port, state, events, handlers };
}
