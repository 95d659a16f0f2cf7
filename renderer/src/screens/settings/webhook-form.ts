import { ALERT_KINDS, type WebhookEvent } from '../../../../shared/domain/alert-kinds';
import { webhookEvents, webhookSecret, webhookUrl } from '../../../../shared/schemas/webhook-input';

export type WebhookForm = { url: string; secret: string; events: WebhookEvent[] };
export type WebhookField = keyof WebhookForm;
export type WebhookFieldErrors = Partial<Record<WebhookField, string>>;

export const EMPTY_WEBHOOK_FORM: WebhookForm = { url: '', secret: '', events: ['execution.failed'] };

/** Each field's control id: where its label points and where the focus goes to show its problem. */
export const WEBHOOK_FIELD_ID: Record<WebhookField, string> = {
  url: 'webhook-url',
  secret: 'webhook-secret',
  events: 'webhook-event-execution.completed',
};

/** The problems of a form, field by field, by the same schemas the engine validates with. */
export function webhookFormProblems(form: WebhookForm): WebhookFieldErrors {
  const problems: WebhookFieldErrors = {};
  const check = (
    field: WebhookField,
    result: { success: boolean; error?: { issues: { message: string }[] } },
  ) => {
    if (!result.success) problems[field] = result.error?.issues[0]?.message ?? 'Check this field.';
  };
  check('url', webhookUrl.safeParse(form.url));
  check('secret', webhookSecret.safeParse(form.secret));
  check('events', webhookEvents.safeParse(form.events));
  return problems;
}

const ALERT_LABELS: Record<(typeof ALERT_KINDS)[number], string> = {
  sync_failed: 'Sync failed',
  schedule_overdue: 'Schedule overdue',
  credentials_rejected: 'Credentials rejected',
  quota_low: 'Quota low',
  quota_exhausted: 'Quota exhausted',
  performance_degraded: 'Sync slower than usual',
  sync_recovered: 'Sync recovered',
};

/** The events as the form offers them, grouped, each with words beside its name. */
export const WEBHOOK_EVENT_GROUPS: { title: string; events: { event: WebhookEvent; label: string }[] }[] = [
  {
    title: 'Syncs and schedules',
    events: [
      { event: 'execution.completed', label: 'A sync completed' },
      { event: 'execution.failed', label: 'A sync failed for good (retries used up)' },
      { event: 'schedule.overdue', label: 'A schedule turned overdue' },
    ],
  },
  {
    title: 'Alerts',
    events: ALERT_KINDS.map((kind) => ({ event: `alert.${kind}` as const, label: ALERT_LABELS[kind] })),
  },
];
