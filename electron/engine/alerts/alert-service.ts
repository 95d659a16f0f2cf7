import {
  alertChartLabel,
  alertsForExecution,
  alertsForTick,
  quotaAlerts,
  type AlertDecision,
  type CredentialsOrigin,
  type QuotaThresholds,
} from '../../../shared/domain/alert-rules';
import { isFinalStatus } from '../../../shared/domain/execution';
import type { ExecutionView } from '../../../shared/views/schedule-view';
import type { SettingsView } from '../../../shared/views/settings';
import type { AppDatabase } from '../db/open-database';
import type { EventBus } from '../events';
import type { ScheduleService } from '../schedules/schedule-service';
import type { QuotaTracker } from '../soundcharts/quota';
import type { SettingsService } from '../settings/settings-service';
import type { AlertPage } from '../../../shared/views/alert';
import { AlertStore, type AlertFilter } from './alert-store';
import { chartHistory } from './chart-history';
import { loadScheduleHealth } from '../health/load-schedule-health';

export type AlertServiceOptions = {
  database: AppDatabase;
  events: EventBus;
  schedules: ScheduleService;
  settings: SettingsService;
  quota: QuotaTracker;
  /** The plan's quota size when team/usage told it, for the quota-low percentage. */
  quotaLimit?: () => number | null;
  now: () => number;
  report: (error: unknown) => void;
  /** Where the credentials in use came from, so credentials_rejected says where to fix them. */
  credentials?: () => CredentialsOrigin | undefined;
};

/**
 * Evaluates the alert rules when an execution ends and on each scheduler tick, records what they decide (kinds
 * turned off in the settings are left out) and tells the UI: `alert/raised` for new alerts, `alerts/changed`
 * with the unread count, and `schedule/overdue` once per overdue stretch whatever the settings.
 */
export class AlertService {
  readonly store: AlertStore;
  /** Schedules in an overdue stretch, so `schedule/overdue` is emitted once per stretch. */
  private overdue: Set<number>;

  constructor(private readonly options: AlertServiceOptions) {
    this.store = new AlertStore(options.database);
    // After a restart an open overdue alert says the stretch had already begun.
    this.overdue = new Set(
      [...this.store.openKeys()]
        .map((key) => /^schedule_overdue:schedule:(\d+)$/.exec(key)?.[1])
        .filter((id): id is string => id !== undefined)
        .map(Number),
    );
  }

  /** Listens for executions reaching a final status; returns the unsubscribe. */
  attach(): () => void {
    return this.options.events.on('execution/updated', (execution) => {
      if (!isFinalStatus(execution.status)) return;
      // A listener runs inside the execution service's hook: an alert problem must never fail the sync.
      try {
        this.executionEnded(execution);
      } catch (error) {
        this.options.report(error);
      }
    });
  }

  executionEnded(execution: ExecutionView): void {
    const history = chartHistory(this.options.database, execution.chartId, execution.id);
    const decision = alertsForExecution({
      execution,
      chartLabel: history.chart ? alertChartLabel(history.chart) : `chart ${execution.chartId}`,
      previousStatus: history.previousStatus,
      recentDurationsMs: history.recentDurationsMs,
      credentials: this.options.credentials?.(),
    });
    const settings = this.options.settings.get();
    const quota = quotaAlerts(this.quotaFacts(), thresholdsOf(settings), this.store.openKeys());
    this.record({
      raise: [...decision.raise, ...quota.raise],
      resolve: [...decision.resolve, ...quota.resolve],
    });
  }

  /** The scheduler's tick: overdue schedules (by health) and the quota. */
  tick(): void {
    const { database, schedules, settings, now } = this.options;
    const at = now();
    const views = schedules.list();
    const health = loadScheduleHealth(database, at);
    const current = settings.get();
    const decision = alertsForTick({
      schedules: views.flatMap((view) => {
        const result = health.get(view.id);
        if (!result) return [];
        return [
          {
            scheduleId: view.id,
            chartId: view.chart.id,
            chartLabel: alertChartLabel(view.chart),
            health: result.health,
            reason: result.reason,
          },
        ];
      }),
      overdueBefore: this.overdue,
      open: this.store.openKeys(),
      quota: this.quotaFacts(),
      thresholds: thresholdsOf(current),
    });
    this.overdue = decision.overdueNow;
    this.record(decision);
    for (const started of decision.overdueStarted) this.options.events.emit('schedule/overdue', started);
  }

  list(filter: AlertFilter): AlertPage {
    return this.store.list(filter);
  }

  markRead(target: { ids: number[] } | { all: true }): { marked: number; unread: number } {
    const marked = this.store.markRead(target, this.options.now());
    const unread = this.store.unreadCount();
    if (marked > 0) this.options.events.emit('alerts/changed', { unread });
    return { marked, unread };
  }

  unreadCount(): number {
    return this.store.unreadCount();
  }

  /** The quota as last reported by Soundcharts, with the plan's size when team/usage told it. */
  private quotaFacts(): { remaining: number; limit: number | null } | null {
    const snapshot = this.options.quota.snapshot();
    return snapshot === null
      ? null
      : { remaining: snapshot.remaining, limit: this.options.quotaLimit?.() ?? null };
  }

  private record(decision: AlertDecision): void {
    const disabled = new Set(this.options.settings.get().disabledAlertKinds);
    // Two rules may see one condition at once (a sync stopped by a spent quota, and the quota itself): once.
    const seen = new Set<string>();
    const raise = decision.raise.filter((alert) => {
      if (disabled.has(alert.kind) || seen.has(alert.foldKey)) return false;
      seen.add(alert.foldKey);
      return true;
    });
    if (raise.length === 0 && decision.resolve.length === 0) return;
    const recorded = this.store.record({ raise, resolve: decision.resolve }, this.options.now());
    for (const alert of recorded.raised) this.options.events.emit('alert/raised', alert);
    if (recorded.changed) this.options.events.emit('alerts/changed', { unread: this.store.unreadCount() });
  }
}

function thresholdsOf(settings: SettingsView): QuotaThresholds {
  return { percent: settings.quotaLowPercent, requests: settings.quotaLowRequests };
}
