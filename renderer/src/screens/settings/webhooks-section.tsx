import { useState, type FormEvent } from 'react';
import type { WebhookEvent } from '../../../../shared/domain/alert-kinds';
import type { WebhookView } from '../../../../shared/views/webhook';
import { ErrorState, Loading, RefreshError } from '../../components/states';
import { useCallResult } from '../../components/use-call-result';
import { LIVE_REFETCH_DEBOUNCE_MS, useDebouncedCallback } from '../../components/use-debounced-callback';
import { confirm } from '../../store/confirm-store';
import { toast } from '../../store/toast-store';
import { call, useEvent } from '../../transport/api';
import { DeliveryLog } from './delivery-log';
import {
  EMPTY_WEBHOOK_FORM,
  WEBHOOK_EVENT_GROUPS,
  WEBHOOK_FIELD_ID,
  webhookFormProblems,
  type WebhookField,
  type WebhookFieldErrors,
  type WebhookForm,
} from './webhook-form';
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
      <h2 id="webhooks-title">Webhooks</h2>
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

function AddWebhookForm({ onAdded }: { onAdded(): void }) {
  const [form, setForm] = useState<WebhookForm>(EMPTY_WEBHOOK_FORM);
  const [touched, setTouched] = useState<Partial<Record<WebhookField, boolean>>>({});
  const [serverErrors, setServerErrors] = useState<WebhookFieldErrors>({});
  const [saving, setSaving] = useState(false);
  const problems = webhookFormProblems(form);
  const shown = (field: WebhookField) =>
    serverErrors[field] ?? (touched[field] ? problems[field] : undefined);

  const change = (patch: Partial<WebhookForm>) => {
    setForm({ ...form, ...patch });
    setServerErrors({});
  };
  const toggleEvent = (event: WebhookEvent, on: boolean) => {
    change({ events: on ? [...form.events, event] : form.events.filter((e) => e !== event) });
    setTouched({ ...touched, events: true });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched({ url: true, secret: true, events: true });
    const first = (Object.keys(WEBHOOK_FIELD_ID) as WebhookField[]).find((field) => problems[field]);
    if (first) {
      document.getElementById(WEBHOOK_FIELD_ID[first])?.focus();
      return;
    }
    setSaving(true);
    const result = await call('webhooks/create', { ...form, createdBy: 'ui' });
    setSaving(false);
    if (!result.ok) {
      if (result.error.fields) setServerErrors(result.error.fields as WebhookFieldErrors);
      else toast.error('Could not add the webhook', result.error);
      return;
    }
    toast.success('Webhook added', 'Its secret is stored encrypted and will not be shown again.');
    setForm(EMPTY_WEBHOOK_FORM);
    setTouched({});
    onAdded();
  };

  const urlError = shown('url');
  const secretError = shown('secret');
  const eventsError = shown('events');
  return (
    <form
      className="webhook-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label="Add a webhook"
    >
      <h3>Add a webhook</h3>
      <div className="webhook-form-row">
        <div className="form-field">
          <label htmlFor={WEBHOOK_FIELD_ID.url}>URL</label>
          <input
            id={WEBHOOK_FIELD_ID.url}
            type="url"
            placeholder="http://127.0.0.1:8080/hook"
            value={form.url}
            aria-invalid={urlError ? true : undefined}
            aria-describedby={urlError ? 'webhook-url-error' : undefined}
            onChange={(event) => change({ url: event.target.value })}
            onBlur={() => setTouched({ ...touched, url: true })}
          />
          {urlError && (
            <p id="webhook-url-error" className="field-error">
              {urlError}
            </p>
          )}
        </div>
        <div className="form-field">
          <label htmlFor={WEBHOOK_FIELD_ID.secret}>Secret</label>
          <input
            id={WEBHOOK_FIELD_ID.secret}
            type="password"
            autoComplete="new-password"
            value={form.secret}
            aria-invalid={secretError ? true : undefined}
            aria-describedby={
              secretError ? 'webhook-secret-error webhook-secret-hint' : 'webhook-secret-hint'
            }
            onChange={(event) => change({ secret: event.target.value })}
            onBlur={() => setTouched({ ...touched, secret: true })}
          />
          {secretError && (
            <p id="webhook-secret-error" className="field-error">
              {secretError}
            </p>
          )}
          <p id="webhook-secret-hint" className="field-hint muted">
            Signs every request; stored encrypted, never shown again.
          </p>
        </div>
      </div>
      <fieldset
        className="webhook-events"
        aria-invalid={eventsError ? true : undefined}
        aria-describedby={eventsError ? 'webhook-events-error' : undefined}
      >
        <legend>Events</legend>
        {WEBHOOK_EVENT_GROUPS.map((group) => (
          <div key={group.title} className="webhook-event-group">
            <p className="webhook-event-group-title">{group.title}</p>
            {group.events.map(({ event, label }) => (
              <label key={event} htmlFor={`webhook-event-${event}`}>
                <input
                  id={`webhook-event-${event}`}
                  type="checkbox"
                  checked={form.events.includes(event)}
                  onChange={(change) => toggleEvent(event, change.target.checked)}
                />{' '}
                {label} <code className="muted">{event}</code>
              </label>
            ))}
          </div>
        ))}
        {eventsError && (
          <p id="webhook-events-error" className="field-error">
            {eventsError}
          </p>
        )}
      </fieldset>
      <button type="submit" className="primary" disabled={saving}>
        {saving ? 'Adding…' : 'Add webhook'}
      </button>
    </form>
  );
}
