import { z } from 'zod';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../domain/alert-kinds';
import {
  WEBHOOK_DELIVERIES_DEFAULT,
  WEBHOOK_DELIVERIES_MAX,
  WEBHOOK_EVENT_NAME_MAX_LENGTH,
  WEBHOOK_EVENTS_MAX,
  WEBHOOK_SECRET_MAX_LENGTH,
  WEBHOOK_SECRET_MIN_LENGTH,
} from '../domain/policies';
import { webhookUrlProblem } from '../domain/webhook-address';
import { pageLimit, recordId } from './whole-number';

const KNOWN_EVENTS: ReadonlySet<string> = new Set(WEBHOOK_EVENTS);

export const webhookUrl = z
  .string({ error: 'Enter the URL to send events to.' })
  .trim()
  .superRefine((url, ctx) => {
    const problem = webhookUrlProblem(url);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const webhookSecret = z
  .string({ error: 'Enter a secret: it signs every request.' })
  .min(WEBHOOK_SECRET_MIN_LENGTH, `The secret must be at least ${WEBHOOK_SECRET_MIN_LENGTH} characters long.`)
  .max(WEBHOOK_SECRET_MAX_LENGTH, `The secret must be at most ${WEBHOOK_SECRET_MAX_LENGTH} characters long.`)
  .refine((secret) => secret.trim() === secret, 'The secret must not start or end with a space.');

/** At least one event; an unknown one is refused by its name, with the list of those that exist. */
export const webhookEvents = z
  .array(
    z
      .string({ error: 'Each event is a name such as sync_failed.' })
      .max(WEBHOOK_EVENT_NAME_MAX_LENGTH, 'Each event is a name such as sync_failed.'),
    { error: 'Choose the events to send, as a list.' },
  )
  .min(1, 'Choose at least one event.')
  .max(WEBHOOK_EVENTS_MAX, `Choose at most ${WEBHOOK_EVENTS_MAX} events.`)
  .superRefine((events, ctx) => {
    // Past a cap the list already has its error; naming each unknown event would quote it all back.
    if (events.length > WEBHOOK_EVENTS_MAX) return;
    if (events.some((event) => event.length > WEBHOOK_EVENT_NAME_MAX_LENGTH)) return;
    const unknown = events.filter((event) => !KNOWN_EVENTS.has(event));
    if (unknown.length === 0) return;
    ctx.addIssue({
      code: 'custom',
      message: `Unknown event${unknown.length > 1 ? 's' : ''} ${unknown.map((e) => JSON.stringify(e)).join(', ')}; the events are ${WEBHOOK_EVENTS.join(', ')}.`,
    });
  })
  .transform((events) => [...new Set(events)] as WebhookEvent[]);

export const createWebhookInput = z
  .object({
    url: webhookUrl,
    secret: webhookSecret,
    events: webhookEvents,
    /** Who added it (ui, rest, cli), as the audit trail names actors. */
    createdBy: z.string().max(100).optional(),
  })
  .strict();
export type CreateWebhookInput = z.input<typeof createWebhookInput>;

export const webhookDeliveriesInput = z
  .object({
    id: recordId,
    limit: pageLimit(WEBHOOK_DELIVERIES_MAX, WEBHOOK_DELIVERIES_DEFAULT),
  })
  .strict();
