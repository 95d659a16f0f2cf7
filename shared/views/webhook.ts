import type { WebhookEvent } from '../domain/alert-kinds';

/**
 * A webhook subscription as every surface shows it. The secret is never part of it: once saved it is kept
 * encrypted and only ever used to sign; lists say that one is set, nothing more.
 */
export type WebhookView = {
  id: number;
  url: string;
  events: WebhookEvent[];
  isActive: boolean;
  createdBy: string;
  createdAt: number;
  /** Deliveries by status, for the list. */
  deliveries: { pending: number; delivered: number; failed: number };
};

/** One try of a delivery: what the receiver answered (or why nothing came back) and how long it took. */
export type WebhookAttemptView = {
  attempt: number;
  attemptedAt: number;
  statusCode: number | null;
  error: string | null;
  durationMs: number | null;
};

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event sent (or to be sent) to one webhook, with every attempt. */
export type WebhookDeliveryView = {
  id: number;
  webhookId: number | null;
  url: string;
  event: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: number | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: number | null;
  createdAt: number;
  log: WebhookAttemptView[];
};
