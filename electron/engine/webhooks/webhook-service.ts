import type { z } from 'zod';
import type { WebhookEvent } from '../../../shared/domain/alert-kinds';
import { ChartSyncError } from '../../../shared/errors';
import { parseInput } from '../../../shared/schemas/parse-input';
import { createWebhookInput } from '../../../shared/schemas/webhook-input';
import type { WebhookDeliveryView, WebhookView } from '../../../shared/views/webhook';
import type { AppDatabase } from '../db/open-database';
import type { DeliveryDispatcher } from './delivery-dispatcher';
import { testData, webhookBody, type WebhookData } from './event-payloads';
import type { SecretBox } from './secret-box';
import {
  activeWebhooks,
  getDelivery,
  getWebhook,
  insertDeliveries,
  insertWebhook,
  listDeliveries,
  listWebhooks,
  removeWebhook,
} from './webhook-store';

/** The event a test delivery carries: not one a webhook subscribes to, so receivers can tell it apart. */
export const TEST_EVENT = 'webhook.test';

/** Subscriptions and their delivery log; the secret goes in encrypted and never comes back out. */
export class WebhookService {
  constructor(
    private readonly database: AppDatabase,
    private readonly secrets: SecretBox,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly now: () => number,
    /** Deliveries of these webhooks were queued: the screens showing their log fetch it again. */
    private readonly onQueued: (webhookIds: number[]) => void = () => {},
  ) {}

  list(): WebhookView[] {
    return listWebhooks(this.database);
  }

  /** Validated here too, so a caller that skips dispatch gets the same errors. */
  create(input: z.input<typeof createWebhookInput>): WebhookView {
    const { url, secret, events, createdBy } = parseInput(createWebhookInput, input);
    const row = insertWebhook(
      this.database,
      { url, secretCiphertext: this.secrets.encrypt(secret), events, createdBy: createdBy ?? '' },
      this.now(),
    );
    return this.get(row.id);
  }

  get(id: number): WebhookView {
    const view = this.list().find((webhook) => webhook.id === id);
    if (!view) throw notFound(id);
    return view;
  }

  remove(id: number): void {
    if (!removeWebhook(this.database, id, this.now())) throw notFound(id);
  }

  deliveries(id: number, limit: number): WebhookDeliveryView[] {
    if (!getWebhook(this.database, id)) throw notFound(id);
    return listDeliveries(this.database, id, limit);
  }

  /** Queues a signed `webhook.test` delivery to this webhook, whatever its events, and answers it. */
  test(id: number): WebhookDeliveryView {
    const webhook = getWebhook(this.database, id);
    if (!webhook) throw notFound(id);
    const at = this.now();
    const [deliveryId] = insertDeliveries(
      this.database,
      [
        {
          webhookId: id,
          url: webhook.url,
          event: TEST_EVENT,
          body: webhookBody(TEST_EVENT, at, testData(id)),
        },
      ],
      at,
    );
    this.dispatcher.queued([deliveryId!]);
    this.onQueued([id]);
    return getDelivery(this.database, deliveryId!)!;
  }

  /** One delivery per active webhook that subscribes to `event`; the body is built only if one does. */
  enqueue(event: WebhookEvent, data: () => WebhookData): number[] {
    const targets = activeWebhooks(this.database).filter((webhook) => webhook.events.includes(event));
    if (targets.length === 0) return [];
    const at = this.now();
    const body = webhookBody(event, at, data());
    const ids = insertDeliveries(
      this.database,
      targets.map((webhook) => ({ webhookId: webhook.id, url: webhook.url, event, body })),
      at,
    );
    this.dispatcher.queued(ids);
    this.onQueued(targets.map((webhook) => webhook.id));
    return ids;
  }
}

function notFound(id: number): ChartSyncError {
  return new ChartSyncError('not_found', `Webhook ${id} does not exist (it may have been removed).`);
}
