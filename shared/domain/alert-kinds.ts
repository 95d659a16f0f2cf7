/** Every kind of alert the engine raises (issue "health that never lies"); each can be turned off in Settings. */
export const ALERT_KINDS = [
  'sync_failed',
  'schedule_overdue',
  'credentials_rejected',
  'quota_low',
  'quota_exhausted',
  'performance_degraded',
  'sync_recovered',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_SEVERITIES = ['info', 'warning', 'error'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** What a webhook can subscribe to: execution outcomes, overdue schedules, and one event per alert kind. */
export const WEBHOOK_EVENTS = [
  'execution.completed',
  'execution.failed',
  'schedule.overdue',
  ...ALERT_KINDS.map((kind) => `alert.${kind}` as const),
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
