import type { LookupFunction } from 'node:net';
import type { AlertKind } from '../../../shared/domain/alert-kinds';
import type { AppDatabase } from '../db/open-database';
import type { EventBus } from '../events';
import { guardedLookup } from './address-guard';
import { DEFAULT_DELIVERY_POLICY, DeliveryDispatcher, type DeliveryPolicy } from './delivery-dispatcher';
import { alertData, executionData, overdueData } from './event-payloads';
import { openSecretBox, type SecretBox } from './secret-box';
import { WebhookService } from './webhook-service';

export { WebhookService } from './webhook-service';
export type { SecretBox } from './secret-box';

export type WebhooksOptions = {
  database: AppDatabase;
  events: EventBus;
  now: () => number;
  report(error: unknown): void;
  /** Default: AES-256-GCM with a key file beside the database (the desktop shell may pass safeStorage's). */
  secrets?: SecretBox;
  policy?: Partial<DeliveryPolicy>;
  lookup?: LookupFunction;
  random?: () => number;
};

export type Webhooks = {
  readonly service: WebhookService;
  /** Resumes what earlier processes left pending (the process that syncs calls it). */
  start(): void;
  /** A one-shot host waits at most `maxWaitMs` for the deliveries it queued. */
  settle(maxWaitMs: number): Promise<void>;
  close(): Promise<void>;
};

/**
 * Webhooks as an engine capability: subscriptions, and a delivery queued for each engine event a webhook
 * subscribes to (a final execution outcome, an overdue schedule, a new alert), sent within moments.
 */
export function attachWebhooks(options: WebhooksOptions): Webhooks {
  const { database, events, report } = options;
  const secrets = options.secrets ?? openSecretBox(database.file);
  const dispatcher = new DeliveryDispatcher({
    database,
    secrets,
    now: options.now,
    policy: { ...DEFAULT_DELIVERY_POLICY, ...options.policy },
    lookup: options.lookup ?? guardedLookup(),
    ...(options.random ? { random: options.random } : {}),
    onAttempt: (webhookId) => events.emit('webhooks/deliveries-changed', { webhookIds: [webhookId] }),
    report,
  });
  const service = new WebhookService(database, secrets, dispatcher, options.now, (webhookIds) =>
    events.emit('webhooks/deliveries-changed', { webhookIds }),
  );
  // A listener that throws would break the service emitting the event: queueing problems go to the log.
  const guard =
    <T>(listener: (payload: T) => void) =>
    (payload: T) => {
      try {
        listener(payload);
      } catch (error) {
        report(error);
      }
    };
  const off = [
    events.on(
      'execution/updated',
      guard((execution) => {
        // `failed` is final (a run that will retry goes back to pending instead); interrupted runs are resumed.
        if (execution.status === 'completed' || execution.status === 'failed') {
          service.enqueue(`execution.${execution.status}`, () => executionData(database, execution));
        }
      }),
    ),
    events.on(
      'schedule/overdue',
      guard(({ scheduleId, chartId }) =>
        service.enqueue('schedule.overdue', () => overdueData(database, scheduleId, chartId)),
      ),
    ),
    events.on(
      'alert/raised',
      guard((alert) =>
        service.enqueue(`alert.${alert.kind satisfies AlertKind}`, () => alertData(database, alert)),
      ),
    ),
    // Another process queued deliveries (or released a lease): look now rather than at the next retry.
    events.on('app/external-change', () => dispatcher.kick()),
  ];
  return {
    service,
    start: () => dispatcher.kick(),
    settle: (maxWaitMs) => dispatcher.settle(maxWaitMs),
    close: async () => {
      for (const stop of off) stop();
      await dispatcher.close();
    },
  };
}
