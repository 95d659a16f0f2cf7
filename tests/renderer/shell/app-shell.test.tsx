// @vitest-environment jsdom
import '../support/dom';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/shell/app';
import { useApp } from '../../../renderer/src/store/app-store';
import { confirm, useConfirmStore } from '../../../renderer/src/store/confirm-store';
import { useToasts } from '../../../renderer/src/store/toast-store';
import type { AppStatus } from '../../../shared/views/app-status';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { OTHER_STATUS, healthCounts } from '../support/sample-views';

const STATUS: AppStatus = {
  version: '0.1.0',
  demo: true,
  apiUrl: 'http://127.0.0.1:1',
  databaseFile: ':memory:',
  schemaVersion: 1,
  charts: 0,
  schedules: { total: 0, active: 0, overdue: 0, resumable: 0, byHealth: healthCounts() },
  executions: { running: 0, pending: 0 },
  ...OTHER_STATUS,
};

let fake: FakeClient;

beforeEach(() => {
  window.location.hash = '#/executions';
  useApp.setState({ status: null, statusError: null });
  useToasts.setState({ toasts: [] });
  useConfirmStore.setState({ request: null });
  fake = installFakeClient();
  fake.answer('app/status', () => STATUS);
  fake.answer('charts/list', () => []);
  fake.answer('schedules/list', () => []);
  fake.answer('executions/list', () => ({ items: [], total: 0 }));
});

async function openApp() {
  render(<App />);
  await screen.findByText('Demo data');
  await screen.findByRole('heading', { name: 'No executions yet' });
}

const press = (key: string) => fireEvent.keyDown(document.activeElement ?? document.body, { key });

describe('keyboard shortcuts', () => {
  it('go to another screen with g then a letter', async () => {
    await openApp();
    press('g');
    press('s');
    await waitFor(() => expect(window.location.hash).toBe('#/schedules'));
  });

  it('do nothing while the confirmation dialog is open, so nothing changes behind it', async () => {
    await openApp();
    let answered: boolean | null = null;
    act(() => {
      void confirm({
        title: 'Delete the schedule?',
        message: 'Really?',
        confirmLabel: 'Delete',
        danger: true,
      }).then((ok) => (answered = ok));
    });
    await screen.findByText('Delete the schedule?');
    press('g');
    press('c');
    press('/');
    await act(async () => {});
    expect(window.location.hash).toBe('#/executions');
    expect(answered).toBeNull();
  });
});

describe('header counts', () => {
  it('follow a burst of engine events with one status request, not one per event', async () => {
    await openApp();
    const before = fake.calls.filter((c) => c.name === 'app/status').length;
    fake.answer('app/status', () => ({ ...STATUS, executions: { running: 5, pending: 0 } }));
    act(() => {
      for (let id = 1; id <= 20; id++) fake.emit('schedule/updated', { scheduleId: id });
    });
    expect(await screen.findByText(/5 running/)).toBeTruthy();
    expect(fake.calls.filter((c) => c.name === 'app/status').length - before).toBe(1);
  });
});

describe('focus on navigation', () => {
  it('moves to the new screen when the screen changes, so the old one is not left holding it', async () => {
    await openApp();
    const link = screen.getByRole('link', { name: 'Schedules' });
    link.focus();
    act(() => {
      window.location.hash = '#/schedules';
    });
    await screen.findByRole('heading', { name: 'No charts are scheduled yet' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('main')));
  });

  it('stays where it is when only the filter of the same screen changes', async () => {
    await openApp();
    const status = screen.getByLabelText('Status');
    status.focus();
    fireEvent.change(status, { target: { value: 'failed' } });
    await waitFor(() => expect(window.location.hash).toBe('#/executions?status=failed'));
    await screen.findByRole('heading', { name: 'No executions match these filters' });
    expect(document.activeElement).toBe(status);
  });
});
