import { vi } from 'vitest';
import type { CallHandlers } from '../../../shared/contract/calls';
import type { AppStatus } from '../../../shared/views/app-status';
import { EventBus } from '../../../electron/engine/events';
import type { ShellPort } from '../../../electron/main/shell-port';
import { healthCounts, sampleSettings } from '../../renderer/support/sample-views';

export function appStatus(overrides: Partial<AppStatus> = {}): AppStatus {
  return {
    version: '9.9.9',
    demo: false,
    apiUrl: 'https://customer.api.soundcharts.com',
    databaseFile: '/data/chart-sync.sqlite',
    schemaVersion: 1,
    charts: 3,
    schedules: { total: 2, active: 2, overdue: 0, resumable: 0, byHealth: healthCounts() },
    executions: { running: 0, pending: 0 },
    lastSync: null,
    unreadAlerts: 0,
    ...overrides,
  };
}

const emptyBulk = { results: [], succeeded: 0, skipped: 0, failed: 0 };

/** A port whose calls a test sets (status, settings) and whose events it emits, without an engine. */
export function fakePort() {
  const state = { status: appStatus(), settings: sampleSettings() };
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
