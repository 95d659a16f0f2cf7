import type { AlertView } from '../views/alert';
import type { NotificationTarget, NotificationView } from '../views/notification';
import { ALERT_SEVERITIES, type AlertKind, type AlertSeverity } from './alert-kinds';
import { MINUTE_MS } from './policies';

/**
 * Which alerts become desktop notifications, what they say and where a click leads. The engine applies these
 * rules (notifications/), so the desktop app and a browser on the headless host show the same thing.
 */

/** A kind turned off for notifications stays in the inbox: only the pop-up is dropped. */
export function notifies(alert: Pick<AlertView, 'kind'>, disabledKinds: readonly AlertKind[]): boolean {
  return !disabledKinds.includes(alert.kind);
}

/** Where clicking leads: what the operator has to look at to act on the alert. */
export function notificationTarget(alert: AlertView): NotificationTarget {
  switch (alert.kind) {
    case 'sync_failed':
    case 'performance_degraded':
      if (alert.executionId !== null) return { screen: 'execution', id: alert.executionId };
      break;
    case 'schedule_overdue':
    case 'sync_recovered':
      if (alert.scheduleId !== null) return { screen: 'schedule', id: alert.scheduleId };
      break;
    case 'credentials_rejected':
      return { screen: 'settings' };
    case 'quota_low':
    case 'quota_exhausted':
      break;
  }
  // The execution or schedule is unknown (an alert about the plan, or one whose schedule was deleted).
  return { screen: 'alerts' };
}

/** What each kind is called in a title, and what the operator can do about it (the body's last sentence). */
const WORDING: Record<AlertKind, { title: (chart: string | null) => string; advice: string }> = {
  sync_failed: {
    title: (chart) => (chart ? `Sync failed: ${chart}` : 'A sync failed'),
    advice: 'Open it to see the error and retry.',
  },
  schedule_overdue: {
    title: (chart) => (chart ? `Overdue: ${chart}` : 'A schedule is overdue'),
    advice: 'Open the schedule to sync it now or check why it did not run.',
  },
  credentials_rejected: {
    title: () => 'Soundcharts refused the credentials',
    // The alert's message already says no sync runs until they are accepted.
    advice: 'Open Settings to see which credentials are in use and where they come from.',
  },
  quota_low: {
    title: () => 'Soundcharts quota is low',
    advice: 'Pause the schedules you can do without, or raise the plan, before syncs stop.',
  },
  quota_exhausted: {
    title: () => 'Soundcharts quota is spent',
    advice: 'Syncs wait until the plan renews; nothing needs doing unless the plan should be raised.',
  },
  performance_degraded: {
    title: (chart) => (chart ? `Slow sync: ${chart}` : 'A sync was slow'),
    advice: 'Open it to see where the time went.',
  },
  sync_recovered: {
    title: (chart) => (chart ? `Syncing again: ${chart}` : 'A chart syncs again'),
    advice: 'Nothing to do.',
  },
};

/**
 * One alert as a notification: the chart in the title, what happened (the alert's own message, which names
 * the chart fully) and what to do in the body.
 */
export function notificationForAlert(alert: AlertView): NotificationView {
  const wording = WORDING[alert.kind];
  return {
    id: `alert-${alert.id}`,
    kind: alert.kind,
    severity: alert.severity,
    title: wording.title(alert.chart?.name ?? null),
    body: `${alert.message} ${wording.advice}`,
    target: notificationTarget(alert),
  };
}

/** How a summary counts the alerts it stands for: [one, many]. */
const COUNTED: Record<AlertKind, [string, string]> = {
  sync_failed: ['sync failed', 'syncs failed'],
  schedule_overdue: ['schedule overdue', 'schedules overdue'],
  credentials_rejected: ['credentials refused', 'credentials refused'],
  quota_low: ['quota low', 'quota low'],
  quota_exhausted: ['quota spent', 'quota spent'],
  performance_degraded: ['slow sync', 'slow syncs'],
  sync_recovered: ['chart syncing again', 'charts syncing again'],
};

const severityRank = (severity: AlertSeverity): number => ALERT_SEVERITIES.indexOf(severity);

/**
 * What the alerts the flood guard held back arrive as, once the minute ends: one "N more alerts" notification
 * that opens the Alerts screen. A single held alert is shown as itself (a summary of one would only hide it).
 */
export function heldNotification(held: readonly AlertView[], at: number): NotificationView | null {
  if (held.length === 0) return null;
  if (held.length === 1) return notificationForAlert(held[0]!);
  const byKind = new Map<AlertKind, number>();
  for (const alert of held) byKind.set(alert.kind, (byKind.get(alert.kind) ?? 0) + 1);
  const counts = [...byKind].map(([kind, count]) => `${count} ${COUNTED[kind][count === 1 ? 0 : 1]}`);
  const severity = held
    .map((a) => a.severity)
    .reduce((worst, s) => (severityRank(s) > severityRank(worst) ? s : worst));
  return {
    id: `summary-${at}`,
    kind: null,
    severity,
    title: `${held.length} more alerts`,
    body: `${counts.join(', ')}. Open Alerts to see them all.`,
    target: { screen: 'alerts' },
  };
}

/**
 * The flood guard: at most `perMinute` notifications in any minute (a sliding one). `shownAt` holds when the
 * recent ones were shown; older entries do not matter and may be dropped with recentShown.
 */
export function floodAdmits(shownAt: readonly number[], at: number, perMinute: number): boolean {
  return recentShown(shownAt, at).length < perMinute;
}

/** The notifications shown within the minute before `at`, oldest first. */
export function recentShown(shownAt: readonly number[], at: number): number[] {
  return shownAt.filter((t) => t > at - MINUTE_MS && t <= at).sort((a, b) => a - b);
}

/**
 * When the held alerts are let out: the moment the minute of the oldest notification counted against the limit
 * ends, so the summary itself keeps within `perMinute`. `at` when there is room already.
 */
export function floodReleaseAt(shownAt: readonly number[], at: number, perMinute: number): number {
  const recent = recentShown(shownAt, at);
  if (recent.length < perMinute) return at;
  return recent[recent.length - perMinute]! + MINUTE_MS;
}

/** The address (URL hash) of a notification's target: what the renderer opens, in both hosts. */
export function notificationHref(target: NotificationTarget): string {
  switch (target.screen) {
    case 'execution':
      return `#/executions/${target.id}`;
    case 'schedule':
      return `#/schedules/${target.id}`;
    case 'alerts':
      return '#/alerts';
    case 'settings':
      return '#/settings';
  }
}
