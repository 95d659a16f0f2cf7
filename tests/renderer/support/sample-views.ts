import type { SettingsView } from '../../../shared/views/settings';
import { HEALTH_STATES, type Health } from '../../../shared/domain/health';
import type { ExecutionProgress } from '../../../shared/contract/events';
import type { ChartListItem } from '../../../shared/views/chart-list-item';
import type { ChartSummary, ExecutionView, ScheduleView } from '../../../shared/views/schedule-view';

/** A fixed instant for component tests: 2026-11-23 12:00 UTC. */
export const UI_NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const HOUR = 3_600_000;

export function chartSummary(overrides: Partial<ChartSummary> = {}): ChartSummary {
  return {
    id: 1,
    slug: 'top-200-global',
    name: 'Top 200 Global',
    platform: 'spotify',
    frequency: 'daily',
    countryCode: 'GLOBAL',
    countryName: 'Global',
    ...overrides,
  };
}

export function chartItem(overrides: Partial<ChartListItem> = {}): ChartListItem {
  return {
    ...chartSummary(overrides),
    syncStatus: 'not_scheduled',
    health: null,
    healthReason: null,
    scheduleId: null,
    lastSyncAt: null,
    nextSyncAt: null,
    hasExecutions: false,
    ...overrides,
  };
}

export function scheduleView(overrides: Partial<ScheduleView> = {}): ScheduleView {
  return {
    id: 1,
    chart: chartSummary(),
    isActive: true,
    syncFrequency: 'daily',
    customIntervalHours: null,
    cronExpression: null,
    timeZone: null,
    anchorAt: UI_NOW - 48 * HOUR,
    lastSyncAt: UI_NOW - 2 * HOUR,
    nextSyncAt: UI_NOW + 22 * HOUR,
    totalExecutions: 10,
    successfulExecutions: 9,
    failedExecutions: 1,
    syncImmediately: false,
    syncHistoricalData: true,
    fetchTrackMetadata: true,
    historyWindowDays: 365,
    attentionReason: null,
    createdBy: '',
    createdAt: UI_NOW - 48 * HOUR,
    updatedAt: UI_NOW - 2 * HOUR,
    intervalMs: 24 * HOUR,
    successRate: 90,
    health: 'on_time',
    healthReason: 'Synced on schedule.',
    status: 'active',
    ...overrides,
  };
}

/** Every health state at zero, with the given counts: the `byHealth` of an AppStatus. */
export function healthCounts(counts: Partial<Record<Health, number>> = {}): Record<Health, number> {
  return {
    ...(Object.fromEntries(HEALTH_STATES.map((state) => [state, 0])) as Record<Health, number>),
    ...counts,
  };
}

export function executionView(overrides: Partial<ExecutionView> = {}): ExecutionView {
  return {
    id: 1,
    scheduleId: 1,
    chartId: 1,
    status: 'completed',
    trigger: 'scheduled',
    createdAt: UI_NOW - 2 * HOUR,
    startedAt: UI_NOW - 2 * HOUR,
    completedAt: UI_NOW - 2 * HOUR + 65_000,
    nextAttemptAt: null,
    errorMessage: null,
    errorCode: null,
    rankingsCreated: 2_000,
    rankingsUpdated: 0,
    tracksCreated: 350,
    tracksUpdated: 20,
    periodsPlanned: 10,
    periodsSynced: 10,
    periodsFailed: 0,
    failedPeriods: [],
    requestsMade: 2,
    requestsFailed: 0,
    requestFailures: {},
    heartbeatAt: null,
    workerTaskId: null,
    retryCount: 0,
    maxRetries: 3,
    durationMs: 65_000,
    ...overrides,
  };
}

/** A progress event of a running execution; counts default to nothing stored yet. */
export function progressEvent(overrides: Partial<ExecutionProgress> = {}): ExecutionProgress {
  return {
    executionId: 1,
    scheduleId: 1,
    periodsPlanned: 0,
    periodsSynced: 0,
    periodsFailed: 0,
    rankingsCreated: 0,
    rankingsUpdated: 0,
    tracksCreated: 0,
    tracksUpdated: 0,
    lastPeriod: null,
    ...overrides,
  };
}

/** The settings at their defaults, with what a test cares about over them. */
export function sampleSettings(overrides: Partial<SettingsView> = {}): SettingsView {
  return {
    disabledAlertKinds: [],
    quotaLowPercent: 10,
    quotaLowRequests: 1000,
    retentionDays: 365,
    billingCycleDay: 1,
    apiUrl: 'https://customer.api.soundcharts.com',
    rateLimitPerMinute: 1200,
    requestsInFlight: 8,
    defaultHistoryWindowDays: 365,
    closeToTray: true,
    launchAtLogin: false,
    theme: 'system',
    disabledNotificationKinds: [],
    notificationsPerMinute: 5,
    ...overrides,
  };
}

/** The status keys a test does not care about: nothing synced yet, no alert. */
export const OTHER_STATUS = { lastSync: null, unreadAlerts: 0 } as const;
