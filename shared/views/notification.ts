import type { AlertKind, AlertSeverity } from '../domain/alert-kinds';

/** Where clicking a notification takes the operator. */
export type NotificationTarget =
  | { screen: 'execution'; id: number }
  | { screen: 'schedule'; id: number }
  | { screen: 'alerts' }
  /** Credentials Soundcharts refused: where the operator enters them again. */
  | { screen: 'settings' };

/**
 * One desktop notification, decided by the engine (which alerts, how many a minute) and only shown by a host:
 * an OS notification in the desktop app, a browser notification on the headless host when allowed.
 */
export type NotificationView = {
  /** Unique per notification (the alert's id, or `summary-<time>`). */
  id: string;
  /** null for a summary of several alerts held back by the flood guard. */
  kind: AlertKind | null;
  severity: AlertSeverity;
  title: string;
  body: string;
  target: NotificationTarget;
};
