// @vitest-environment jsdom
import '../support/dom';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConfirmDialog } from '../../../renderer/src/components/confirm-dialog';
import { Toasts } from '../../../renderer/src/components/toasts';
import { WebhooksSection } from '../../../renderer/src/screens/settings/webhooks-section';
import { useConfirmStore } from '../../../renderer/src/store/confirm-store';
import { useToasts } from '../../../renderer/src/store/toast-store';
import type { WebhookDeliveryView, WebhookView } from '../../../shared/views/webhook';
import { installFakeClient, type FakeClient } from '../support/fake-client';

const AT = Date.UTC(2026, 0, 2, 6);
const HOOK: WebhookView = {
  id: 3,
  url: 'http://127.0.0.1:8080/hook',
  events: ['execution.failed', 'alert.sync_failed'],
  isActive: true,
  createdBy: 'ui',
  createdAt: AT,
  deliveries: { pending: 1, delivered: 4, failed: 1 },
};
const DELIVERY: WebhookDeliveryView = {
  id: 11,
  webhookId: 3,
  url: HOOK.url,
  event: 'execution.failed',
  status: 'pending',
  attempts: 2,
  nextAttemptAt: AT + 20_000,
  lastStatusCode: 503,
  lastError: 'HTTP 503: busy',
  deliveredAt: null,
  createdAt: AT,
  log: [
    {
      attempt: 1,
      attemptedAt: AT,
      statusCode: null,
      error: 'Connection refused: is the receiver running?',
      durationMs: 3,
    },
    { attempt: 2, attemptedAt: AT + 10_000, statusCode: 503, error: 'HTTP 503: busy', durationMs: 12 },
  ],
};

function renderSection() {
  return render(
    <>
      <WebhooksSection />
      <Toasts />
      <ConfirmDialog />
    </>,
  );
}

describe('Settings › Webhooks', () => {
  let fake: FakeClient;
  const callsOf = (name: string) => fake.calls.filter((c) => c.name === name);

  beforeEach(() => {
    useToasts.setState({ toasts: [] });
    useConfirmStore.setState({ request: null });
    fake = installFakeClient();
    fake.answer('webhooks/list', () => [HOOK]);
  });

  it('lists each webhook with its events and counts, never its secret', async () => {
    renderSection();
    const list = await screen.findByRole('list', { name: 'Webhooks' });
    expect(within(list).getByText(HOOK.url)).toBeTruthy();
    expect(list.textContent).toContain(
      'execution.failed, alert.sync_failed · secret set (hidden) · 4 delivered, 1 pending, 1 failed',
    );
  });

  it('validates as the operator types and submits what the engine accepts', async () => {
    const created: unknown[] = [];
    fake.answer('webhooks/create', (input) => {
      created.push(input);
      return { ...HOOK, id: 4, url: input.url };
    });
    renderSection();
    await screen.findByRole('list', { name: 'Webhooks' });
    const url = screen.getByLabelText('URL');
    fireEvent.change(url, { target: { value: 'http://8.8.8.8/hook' } });
    fireEvent.blur(url);
    expect((await screen.findByText(/8\.8\.8\.8 is not a loopback or LAN address/)).id).toBe(
      'webhook-url-error',
    );
    expect(url.getAttribute('aria-invalid')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));
    expect(screen.getByText('The secret must be at least 8 characters long.')).toBeTruthy();
    expect(document.activeElement).toBe(url);
    expect(callsOf('webhooks/create')).toHaveLength(0);

    fireEvent.change(url, { target: { value: 'http://192.168.1.20:9000/hook' } });
    fireEvent.change(screen.getByLabelText('Secret'), { target: { value: 'a long secret' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /A sync failed for good/ }));
    expect(screen.getByText('Choose at least one event.')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: /Sync recovered/ }));
    expect(screen.queryByText('Choose at least one event.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));

    expect(await screen.findByText('Webhook added')).toBeTruthy();
    expect(created).toEqual([
      {
        url: 'http://192.168.1.20:9000/hook',
        secret: 'a long secret',
        events: ['alert.sync_recovered'],
        createdBy: 'ui',
      },
    ]);
    // The secret leaves the form once saved.
    expect((screen.getByLabelText('Secret') as HTMLInputElement).value).toBe('');
  });

  it("puts the engine's field errors under their fields", async () => {
    fake.answer('webhooks/create', () => ({
      code: 'invalid_input',
      message: 'url: nope',
      fields: { url: 'The engine says no to this URL.' },
    }));
    renderSection();
    await screen.findByRole('list', { name: 'Webhooks' });
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'http://127.0.0.1/' } });
    fireEvent.change(screen.getByLabelText('Secret'), { target: { value: 'a long secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));
    expect((await screen.findByText('The engine says no to this URL.')).id).toBe('webhook-url-error');
  });

  it('shows the delivery log: a line per attempt with status code, attempt, error and time, kept live', async () => {
    let log = [DELIVERY];
    fake.answer('webhooks/deliveries', () => log);
    renderSection();
    fireEvent.click(await screen.findByRole('button', { name: `Delivery log of ${HOOK.url}` }));
    const table = await screen.findByRole('table', { name: 'Delivery log of webhook 3' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((row) => [...row.querySelectorAll('td')].slice(0, 5).map((td) => td.textContent)),
    ).toEqual([
      ['execution.failed', 'Retrying', '2 of 2', '503', 'HTTP 503: busy'],
      ['execution.failed', 'Retrying', '1 of 2', '—', 'Connection refused: is the receiver running?'],
    ]);
    expect(rows[0]!.querySelector('time')?.getAttribute('dateTime')).toBe(
      new Date(AT + 10_000).toISOString(),
    );

    log = [
      {
        ...DELIVERY,
        status: 'delivered',
        attempts: 3,
        log: [
          ...DELIVERY.log,
          { attempt: 3, attemptedAt: AT + 30_000, statusCode: 200, error: null, durationMs: 5 },
        ],
      },
    ];
    fake.emit('webhooks/deliveries-changed', { webhookIds: [3] });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    expect(within(table).getAllByRole('row')[1]!.textContent).toMatch(/^execution\.failedDelivered3 of 3200/);
  });

  it('removes a webhook only after confirmation', async () => {
    fake.answer('webhooks/delete', () => null);
    renderSection();
    fireEvent.click(await screen.findByRole('button', { name: `Remove ${HOOK.url}` }));
    const dialog = await screen.findByRole('dialog', { hidden: true });
    expect(within(dialog).getByText('Remove this webhook?')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel', hidden: true }));
    await waitFor(() => expect(within(dialog).queryByText('Remove this webhook?')).toBeNull());
    expect(callsOf('webhooks/delete')).toHaveLength(0);

    fake.answer('webhooks/list', () => []);
    fireEvent.click(screen.getByRole('button', { name: `Remove ${HOOK.url}` }));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Remove webhook', hidden: true }));
    expect(await screen.findByText('Webhook removed')).toBeTruthy();
    expect(callsOf('webhooks/delete')[0]?.input).toEqual({ id: 3 });
    expect(await screen.findByText('No webhooks yet: add one below.')).toBeTruthy();
  });

  it('sends a test event', async () => {
    fake.answer('webhooks/test', () => ({ ...DELIVERY, event: 'webhook.test', attempts: 0, log: [] }));
    renderSection();
    fireEvent.click(await screen.findByRole('button', { name: `Send a test event to ${HOOK.url}` }));
    expect(await screen.findByText('Test event queued')).toBeTruthy();
    expect(callsOf('webhooks/test')[0]?.input).toEqual({ id: 3 });
  });
});
