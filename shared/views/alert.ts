import type { AlertKind, AlertSeverity } from '../domain/alert-kinds';

/** One alert as the UI, the CLI, REST and webhooks show it. Ids are copies: the alert outlives what it names. */
export type AlertView = {
  id: number;
  kind: AlertKind;
  severity: AlertSeverity;
  scheduleId: number | null;
  executionId: number | null;
  chart: { id: number; slug: string; name: string } | null;
  message: string;
  /** How many times the same open condition was seen (repeats fold into one alert). */
  count: number;
  createdAt: number;
  lastSeenAt: number;
  readAt: number | null;
  resolvedAt: number | null;
};

/** One page of alerts, newest first, with the total that matches the filter and the unread count of all. */
export type AlertPage = { alerts: AlertView[]; total: number; unread: number };
