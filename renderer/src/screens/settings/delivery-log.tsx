import type { WebhookAttemptView, WebhookDeliveryView } from '../../../../shared/views/webhook';
import { ErrorState, Loading, RefreshError } from '../../components/states';
import { TimeText } from '../../components/time-text';
import { useCallResult } from '../../components/use-call-result';
import { LIVE_REFETCH_DEBOUNCE_MS, useDebouncedCallback } from '../../components/use-debounced-callback';
import { call, useEvent } from '../../transport/api';

type Line = { delivery: WebhookDeliveryView; attempt: WebhookAttemptView | null };

/** One webhook's deliveries, newest first, a line per attempt: status code, attempt, error and time. */
export function DeliveryLog({ webhookId }: { webhookId: number }) {
  const log = useCallResult(() => call('webhooks/deliveries', { id: webhookId }), [webhookId]);
  const refresh = useDebouncedCallback(log.refresh, LIVE_REFETCH_DEBOUNCE_MS);
  useEvent('webhooks/deliveries-changed', ({ webhookIds }) => {
    if (webhookIds.includes(webhookId)) refresh();
  });

  if (log.data.state === 'loading') return <Loading what="the delivery log" />;
  if (log.data.state === 'error') return <ErrorState error={log.data.error} onRetry={log.reload} />;
  const lines = log.data.value.flatMap((delivery): Line[] =>
    delivery.log.length === 0
      ? [{ delivery, attempt: null }]
      : [...delivery.log].reverse().map((attempt) => ({ delivery, attempt })),
  );
  return (
    <div className="delivery-log">
      {log.refreshError && (
        <RefreshError what="the delivery log" error={log.refreshError} onRetry={log.refresh} />
      )}
      {lines.length === 0 ? (
        <p className="muted" role="status">
          Nothing was sent to this webhook yet.
        </p>
      ) : (
        <table aria-label={`Delivery log of webhook ${webhookId}`}>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Delivery</th>
              <th scope="col">Attempt</th>
              <th scope="col">Status code</th>
              <th scope="col">Error</th>
              <th scope="col">Time</th>
            </tr>
          </thead>
          <tbody>
            {lines.map(({ delivery, attempt }) => (
              <tr key={`${delivery.id}-${attempt?.attempt ?? 0}`}>
                <td>
                  <code>{delivery.event}</code>
                </td>
                <td>
                  <span className={`badge delivery-${delivery.status}`}>{deliveryStatus(delivery)}</span>
                </td>
                <td>
                  {attempt ? `${attempt.attempt} of ${Math.max(delivery.attempts, attempt.attempt)}` : '—'}
                </td>
                <td>{attempt?.statusCode ?? '—'}</td>
                <td className="delivery-error">{attempt?.error ?? (attempt ? '' : 'Not attempted yet')}</td>
                <td>
                  <TimeText at={attempt?.attemptedAt ?? delivery.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function deliveryStatus(delivery: WebhookDeliveryView): string {
  if (delivery.status === 'delivered') return 'Delivered';
  if (delivery.status === 'failed') return 'Failed';
  return delivery.attempts === 0 ? 'Waiting' : 'Retrying';
}
