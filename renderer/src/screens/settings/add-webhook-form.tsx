import { useState, type FormEvent } from 'react';
import type { WebhookEvent } from '../../../../shared/domain/alert-kinds';
import { toast } from '../../store/toast-store';
import { call } from '../../transport/api';
import {
  EMPTY_WEBHOOK_FORM,
  WEBHOOK_EVENT_GROUPS,
  WEBHOOK_FIELD_ID,
  webhookFormProblems,
  type WebhookField,
  type WebhookFieldErrors,
  type WebhookForm,
} from './webhook-form';

/**
 * Adds a webhook: each field says its problem once touched (the engine's own schemas), submitting shows them
 * all and focuses the first; the engine's answer puts its field errors in the same places.
 */
export function AddWebhookForm({ onAdded }: { onAdded(): void }) {
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
      <h4>Add a webhook</h4>
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
