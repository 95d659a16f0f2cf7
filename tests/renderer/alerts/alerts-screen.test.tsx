// @vitest-environment jsdom
import '../support/dom';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { AlertsScreen } from '../../../renderer/src/screens/alerts/alerts-screen';
import { AlertsBell } from '../../../renderer/src/shell/alerts-bell';
import { useAlerts } from '../../../renderer/src/store/alerts-store';
import { useToasts } from '../../../renderer/src/store/toast-store';
import type { CallInput } from '../../../shared/contract/calls';
import type { AlertView } from '../../../shared/views/alert';
import { installFakeClient, type FakeClient } from '../support/fake-client';

const NOW = Date.now();

function alert(over: Partial<AlertView>): AlertView {
  return {
    id: 1,
    kind: 'sync_failed',
    severity: 'error',
    scheduleId: 4,
    executionId: 31,
    chart: { id: 9, slug: 'global-28', name: 'Top Songs' },
    message: 'The sync of Top Songs · Worldwide (global-28) failed after 3 retries: 503.',
    count: 1,
    createdAt: NOW - 60_000,
    lastSeenAt: NOW - 60_000,
    readAt: null,
    resolvedAt: null,
    ...over,
  };
}

let fake: FakeClient;
let stored: AlertView[];
let listInputs: CallInput<'alerts/list'>[];

beforeEach(() => {
  window.location.hash = '#/alerts';
  useToasts.setState({ toasts: [] });
  useAlerts.setState({ unread: null });
  fake = installFakeClient();
  listInputs = [];
  stored = [
    alert({
      id: 2,
      kind: 'quota_low',
      severity: 'warning',
      scheduleId: null,
      executionId: null,
      chart: null,
      message: 'The Soundcharts quota is low: 900 requests remaining.',
    }),
    alert({ id: 1, count: 3 }),
    alert({
      id: 3,
      kind: 'schedule_overdue',
      severity: 'warning',
      executionId: null,
      readAt: NOW,
      resolvedAt: NOW,
    }),
  ];
  fake.answer('alerts/list', (input) => {
    listInputs.push(input);
    const matching = stored.filter(
      (a) =>
        (input.unread === undefined || (a.readAt === null) === input.unread) &&
        (!input.kind || a.kind === input.kind),
    );
    return {
      alerts: matching,
      total: matching.length,
      unread: stored.filter((a) => a.readAt === null).length,
    };
  });
  fake.answer('alerts/mark-read', (input) => {
    const ids = 'all' in input ? stored.map((a) => a.id) : input.ids;
    let marked = 0;
    stored = stored.map((a) =>
      ids.includes(a.id) && a.readAt === null ? (marked++, { ...a, readAt: NOW }) : a,
    );
    return { marked, unread: stored.filter((a) => a.readAt === null).length };
  });
});

const rows = () => within(screen.getByRole('list', { name: 'Alerts' })).getAllByRole('listitem');

describe('Alerts screen', () => {
  it('lists alerts newest first with kind, chart, count and a link to the execution or schedule', async () => {
    render(<AlertsScreen filter={{}} />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    const [quota, failed, overdue] = rows();
    expect(quota!.textContent).toContain('Quota low');
    expect(within(quota!).queryByRole('link')).toBeNull();
    expect(failed!.textContent).toContain('Sync failed');
    expect(failed!.textContent).toContain('global-28');
    expect(failed!.textContent).toContain('×3');
    expect(within(failed!).getByRole('link', { name: 'Open the execution' }).getAttribute('href')).toBe(
      '#/executions/31',
    );
    expect(within(overdue!).getByRole('link', { name: 'Open the schedule' }).getAttribute('href')).toBe(
      '#/schedules/4',
    );
    expect(overdue!.textContent).toContain('Resolved');
    expect(within(overdue!).queryByRole('button', { name: 'Mark read' })).toBeNull();
    expect(screen.getByText('2 unread')).toBeTruthy();
  });

  it('asks for what the URL filter says, and changing a filter changes the URL', async () => {
    render(<AlertsScreen filter={{ unread: '1', kind: 'sync_failed' }} />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(listInputs[0]).toMatchObject({ unread: true, kind: 'sync_failed' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), { target: { value: 'quota_low' } });
    expect(window.location.hash).toBe('#/alerts?unread=1&kind=quota_low');
    fireEvent.change(screen.getByRole('combobox', { name: 'Read or unread' }), { target: { value: '' } });
    expect(window.location.hash).toBe('#/alerts?kind=sync_failed');
  });

  it('marks one alert read, then all, following the answers', async () => {
    render(<AlertsScreen filter={{}} />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(within(rows()[1]!).getByRole('button', { name: 'Mark read' }));
    await waitFor(() => expect(screen.getByText('1 unread')).toBeTruthy());
    expect(fake.calls.find((c) => c.name === 'alerts/mark-read')?.input).toEqual({ ids: [1] });
    fireEvent.click(screen.getByRole('button', { name: 'Mark all read' }));
    await waitFor(() => expect(screen.getByText('All read')).toBeTruthy());
    expect((screen.getByRole('button', { name: 'Mark all read' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('fetches again when alerts change', async () => {
    render(<AlertsScreen filter={{}} />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    stored = [
      alert({ id: 9, kind: 'credentials_rejected', message: 'Soundcharts refused the credentials.' }),
      ...stored,
    ];
    fake.emit('alerts/changed', { unread: 3 });
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(rows()[0]!.textContent).toContain('Credentials rejected');
  });

  it('says when there are no alerts, and when none match', async () => {
    stored = [];
    const { unmount } = render(<AlertsScreen filter={{}} />);
    expect(await screen.findByRole('heading', { name: 'No alerts' })).toBeTruthy();
    unmount();
    render(<AlertsScreen filter={{ kind: 'quota_low' }} />);
    expect(await screen.findByRole('heading', { name: 'No alerts match' })).toBeTruthy();
  });

  it('says why marking read failed', async () => {
    fake.answer('alerts/mark-read', () => ({ code: 'not_found', message: 'No alert 1.' }));
    render(<AlertsScreen filter={{}} />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(within(rows()[1]!).getByRole('button', { name: 'Mark read' }));
    await waitFor(() => expect(useToasts.getState().toasts[0]).toMatchObject({ kind: 'error' }));
  });
});

describe('the alerts bell', () => {
  it('shows the unread count at start, follows alerts/changed, and links to the unread alerts', async () => {
    fake.answer('alerts/unread-count', () => ({ unread: 2 }));
    render(<AlertsBell />);
    const bell = await screen.findByRole('link', { name: 'Alerts: 2 unread' });
    expect(bell.getAttribute('href')).toBe('#/alerts?unread=1');
    expect(bell!.textContent).toContain('2');
    fake.emit('alerts/changed', { unread: 0 });
    const quiet = await screen.findByRole('link', { name: 'Alerts: none unread' });
    expect(quiet.getAttribute('href')).toBe('#/alerts');
    expect(quiet!.textContent).not.toMatch(/\d/);
  });

  it('caps a large count at 99+', async () => {
    fake.answer('alerts/unread-count', () => ({ unread: 250 }));
    render(<AlertsBell />);
    expect((await screen.findByRole('link', { name: 'Alerts: 250 unread' })).textContent).toContain('99+');
  });
});
