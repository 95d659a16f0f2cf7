import { useState } from 'react';
import type { WebhookView } from '../../../../shared/views/webhook';
import { ErrorState, Loading, RefreshError } from '../../components/states';
import { useCallResult } from '../../components/use-call-result';
import { LIVE_REFETCH_DEBOUNCE_MS, useDebouncedCallback } from '../../components/use-debounced-callback';
import { confirm } from '../../store/confirm-store';
import { toast } from '../../store/toast-store';
import { call, useEvent } from '../../transport/api';
import { AddWebhookForm } from './add-webhook-form';
import { DeliveryLog } from './delivery-log';
import './webhooks-section.css';

/**
 * Settings › Webhooks: where Chart Sync POSTs signed events (sync outcomes, overdue schedules, alerts), the
 * delivery log of each, and the form to add one. A saved secret is never shown again.
 */
export function WebhooksSection() {
  const webhooks = useCallResult(() => call('webhooks/list', {}), []);
  const [openLog, setOpenLog] = useState<number | null>(null);
  // A burst of deliveries (a bulk sync's outcomes) costs one request.
  const refresh = useDebouncedCallback(webhooks.refresh, LIVE_REFETCH_DEBOUNCE_MS);
  useEvent('webhooks/deliveries-changed', refresh);
  useEvent('app/external-change', refresh);

  return (
    <section className="card settings-section webhooks-section" aria-labelledby="webhooks-title">
      <h3 id="webhooks-title">Webhooks</h3>
      <p className="muted">
        Chart Sync POSTs JSON to these URLs (loopback or LAN only) when the events you choose happen, signed
        with <code>X-Chart-Sync-Signature: sha256=…</code> (an HMAC of the body with your secret). Failed
        deliveries are retried up to 5 times.
      </p>
      {webhooks.data.state === 'loading' && <Loading what="webhooks" />}
      {webhooks.data.state === 'error' && (
        <ErrorState error={webhooks.data.error} onRetry={webhooks.reload} />
      )}
      {webhooks.refreshError && (
        <RefreshError what="the webhooks" error={webhooks.refreshError} onRetry={webhooks.refresh} />
      )}
      {webhooks.data.state === 'ready' &&
        (webhooks.data.value.length === 0 ? (
          <p className="muted" role="status">
            No webhooks yet: add one below.
          </p>
        ) : (
          <ul className="webhook-list" aria-label="Webhooks">
            {webhooks.data.value.map((webhook) => (
              <WebhookItem
                key={webhook.id}
                webhook={webhook}
                logOpen={openLog === webhook.id}
                onToggleLog={() => setOpenLog(openLog === webhook.id ? null : webhook.id)}
                onRemoved={() => {
                  if (openLog === webhook.id) setOpenLog(null);
                  webhooks.refresh();
                }}
              />
            ))}
          </ul>
        ))}
      <AddWebhookForm onAdded={webhooks.refresh} />
    </section>
  );
}

function WebhookItem({
  webhook,
  logOpen,
  onToggleLog,
  onRemoved,
}: {
  webhook: WebhookView;
  logOpen: boolean;
  onToggleLog(): void;
  onRemoved(): void;
}) {
  const [busy, setBusy] = useState(false);
  const { pending, delivered, failed } = webhook.deliveries;

  const remove = async () => {
    const ok = await confirm({
      title: 'Remove this webhook?',
      message: `Events stop going to ${webhook.url}. Its delivery log is kept; deliveries still waiting are not sent.`,
      confirmLabel: 'Remove webhook',
      danger: true,
    });
    if (!ok) return;
    setBusy(true);
    const result = await call('webhooks/delete', { id: webhook.id });
    setBusy(false);
    if (!result.ok) {
      toast.error('Could not remove the webhook', result.error);
      return;
    }
    toast.success('Webhook removed', webhook.url);
    onRemoved();
  };

  const test = async () => {
    setBusy(true);
    const result = await call('webhooks/test', { id: webhook.id });
    setBusy(false);
    if (!result.ok) toast.error('Could not send a test event', result.error);
    else toast.info('Test event queued', 'Its result shows in the delivery log.');
  };

  return (
    <li className="webhook-item">
      <div className="webhook-summary">
        <div className="webhook-target">
          <span className="webhook-url">{webhook.url}</span>
          <span className="muted">
            {webhook.events.join(', ')} · secret set (hidden) · {delivered} delivered, {pending} pending,{' '}
            <span className={failed > 0 ? 'webhook-failed-count' : undefined}>{failed} failed</span>
          </span>
        </div>
        <div className="webhook-actions">
          <button
            type="button"
            aria-expanded={logOpen}
            aria-label={`Delivery log of ${webhook.url}`}
            onClick={onToggleLog}
          >
            {logOpen ? 'Hide log' : 'Delivery log'}
          </button>
          <button
            type="button"
            disabled={busy}
            aria-label={`Send a test event to ${webhook.url}`}
            onClick={() => void test()}
          >
            Send test
          </button>
          <button
            type="button"
            className="danger"
            disabled={busy}
            aria-label={`Remove ${webhook.url}`}
            onClick={() => void remove()}
          >
            Remove
          </button>
        </div>
      </div>
      {logOpen && <DeliveryLog webhookId={webhook.id} />}
    </li>
  );
}
