// @vitest-environment jsdom
import '../support/dom';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppearanceSection } from '../../../renderer/src/screens/settings/appearance-section';
import { DesktopSection } from '../../../renderer/src/screens/settings/desktop-section';
import { NotificationsSection } from '../../../renderer/src/screens/settings/notifications-section';
import { SyncingSection } from '../../../renderer/src/screens/settings/syncing-section';
import { useApp } from '../../../renderer/src/store/app-store';
import { useToasts } from '../../../renderer/src/store/toast-store';
import type { ErrorShape, Result } from '../../../shared/errors';
import type { SettingsView } from '../../../shared/views/settings';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { sampleSettings } from '../support/sample-views';

const SETTINGS: SettingsView = sampleSettings();

const REFUSED: ErrorShape = { code: 'internal', message: 'The database is locked.' };

/** A save that keeps what it is given, or refuses everything. */
function saver(refuse: ErrorShape | null = null) {
  return vi.fn(async (change: Partial<SettingsView>): Promise<Result<SettingsView>> =>
    refuse ? { ok: false, error: refuse } : { ok: true, value: { ...SETTINGS, ...change } },
  );
}

const checkbox = (name: RegExp) => screen.getByRole('checkbox', { name }) as HTMLInputElement;
const toasts = () => useToasts.getState().toasts;

let fake: FakeClient;
beforeEach(() => {
  useToasts.setState({ toasts: [] });
  fake = installFakeClient();
});
afterEach(() => {
  delete window.chartSyncHost;
  delete (globalThis as { Notification?: unknown }).Notification;
});

describe('Syncing section', () => {
  it('checks the default history window as the engine does, and saves it', async () => {
    const save = saver();
    render(<SyncingSection settings={SETTINGS} save={save} />);
    const input = screen.getByLabelText('Default history window (days)');
    const button = screen.getByRole('button', { name: 'Save history window' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.change(input, { target: { value: '0' } });
    expect(screen.getByRole('alert').textContent).toBe('The default history window is between 1 and 1,098.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(button.disabled).toBe(true);
    fireEvent.change(input, { target: { value: '90' } });
    fireEvent.click(button);
    await waitFor(() => expect(save).toHaveBeenCalledWith({ defaultHistoryWindowDays: 90 }));
    await waitFor(() => expect(toasts()[0]?.title).toBe('New schedules fetch the last 90 days'));
  });

  it('shows the engine’s refusal under the field', async () => {
    const save = vi.fn(async () => ({
      ok: false as const,
      error: {
        code: 'invalid_input' as const,
        message: 'Not valid.',
        fields: { defaultHistoryWindowDays: 'The engine refuses 90.' },
      },
    }));
    render(<SyncingSection settings={SETTINGS} save={save} />);
    fireEvent.change(screen.getByLabelText('Default history window (days)'), { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save history window' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The engine refuses 90.'));
  });

  it('checks requests in flight against 1–32 as the engine does, and saves it', async () => {
    const save = saver();
    render(<SyncingSection settings={SETTINGS} save={save} />);
    const input = screen.getByLabelText('Requests in flight per sync') as HTMLInputElement;
    expect(input.value).toBe(String(SETTINGS.requestsInFlight));
    expect(screen.getByText(/The rate limit still spaces every request/)).toBeTruthy();
    const button = screen.getByRole('button', { name: 'Save requests in flight' }) as HTMLButtonElement;
    fireEvent.change(input, { target: { value: '33' } });
    expect(screen.getByRole('alert').textContent).toBe('Requests in flight is between 1 and 32.');
    expect(button.disabled).toBe(true);
    fireEvent.change(input, { target: { value: '16' } });
    fireEvent.click(button);
    await waitFor(() => expect(save).toHaveBeenCalledWith({ requestsInFlight: 16 }));
    await waitFor(() => expect(toasts()[0]?.title).toBe('Syncs keep up to 16 requests in flight'));
  });
});

describe('Desktop app section', () => {
  it('saves each toggle at once and, on the headless host, says they apply to the desktop app', async () => {
    const save = saver();
    render(<DesktopSection settings={SETTINGS} save={save} />);
    expect(screen.getByText(/These apply to the installed desktop app/)).toBeTruthy();
    expect(checkbox(/Keep syncing in the tray/).checked).toBe(true);
    fireEvent.click(checkbox(/Keep syncing in the tray/));
    expect(checkbox(/Keep syncing in the tray/).checked).toBe(false);
    await waitFor(() => expect(save).toHaveBeenCalledWith({ closeToTray: false }));
    fireEvent.click(checkbox(/Start at login/));
    await waitFor(() => expect(save).toHaveBeenCalledWith({ launchAtLogin: true }));
  });

  it('puts a toggle back and says so when the save fails', async () => {
    render(<DesktopSection settings={SETTINGS} save={saver(REFUSED)} />);
    fireEvent.click(checkbox(/Start at login/));
    await waitFor(() => expect(toasts()[0]?.title).toBe('Could not save “launch at login”'));
    expect(checkbox(/Start at login/).checked).toBe(false);
  });

  it('has no note in the desktop app', () => {
    window.chartSyncHost = {};
    render(<DesktopSection settings={SETTINGS} save={saver()} />);
    expect(screen.queryByText(/These apply to the installed desktop app/)).toBeNull();
  });
});

describe('Notifications section', () => {
  it('turns one kind’s notifications off, apart from recording it', async () => {
    const save = saver();
    render(
      <NotificationsSection
        settings={{ ...SETTINGS, disabledNotificationKinds: ['quota_low'] }}
        save={save}
      />,
    );
    expect(checkbox(/Quota low/).checked).toBe(false);
    fireEvent.click(checkbox(/Slow sync/));
    await waitFor(() =>
      expect(save).toHaveBeenCalledWith({ disabledNotificationKinds: ['quota_low', 'performance_degraded'] }),
    );
    expect(checkbox(/Slow sync/).checked).toBe(false);
  });

  it('cannot notify a kind that is not recorded, and says why', () => {
    render(
      <NotificationsSection
        settings={{ ...SETTINGS, disabledAlertKinds: ['sync_recovered'] }}
        save={saver()}
      />,
    );
    const recovered = checkbox(/Sync recovered/);
    expect(recovered.disabled).toBe(true);
    expect(recovered.checked).toBe(false);
    expect(screen.getByText(/Not recorded \(turned off under Alerts\)/)).toBeTruthy();
  });

  it('puts the toggle back when the save fails', async () => {
    render(<NotificationsSection settings={SETTINGS} save={saver(REFUSED)} />);
    fireEvent.click(checkbox(/Sync failed/));
    await waitFor(() => expect(toasts()[0]?.title).toBe('Could not save the notification settings'));
    expect(checkbox(/Sync failed/).checked).toBe(true);
  });

  it('checks and saves the flood guard', async () => {
    const save = saver();
    render(<NotificationsSection settings={SETTINGS} save={save} />);
    const input = screen.getByLabelText('At most this many notifications a minute');
    fireEvent.change(input, { target: { value: '61' } });
    expect(screen.getByRole('alert').textContent).toBe('Notifications per minute is between 1 and 60.');
    fireEvent.change(input, { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save limit' }));
    await waitFor(() => expect(save).toHaveBeenCalledWith({ notificationsPerMinute: 12 }));
  });

  it('asks the browser for permission on the headless host, with a click', async () => {
    const requestPermission = vi.fn(async () => 'granted' as const);
    (globalThis as { Notification?: unknown }).Notification = { permission: 'default', requestPermission };
    render(<NotificationsSection settings={SETTINGS} save={saver()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Allow browser notifications' }));
    await screen.findByText('This browser shows Chart Sync’s notifications.');
    expect(requestPermission).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Allow browser notifications' })).toBeNull();
  });

  it('says when the browser blocks notifications, or cannot show them', () => {
    (globalThis as { Notification?: unknown }).Notification = {
      permission: 'denied',
      requestPermission: vi.fn(),
    };
    const { unmount } = render(<NotificationsSection settings={SETTINGS} save={saver()} />);
    expect(screen.getByText(/This browser blocks Chart Sync’s notifications/)).toBeTruthy();
    unmount();
    delete (globalThis as { Notification?: unknown }).Notification;
    render(<NotificationsSection settings={SETTINGS} save={saver()} />);
    expect(screen.getByText('This browser cannot show notifications.')).toBeTruthy();
  });

  it('has no browser permission in the desktop app', () => {
    window.chartSyncHost = {};
    render(<NotificationsSection settings={SETTINGS} save={saver()} />);
    expect(screen.queryByText(/This browser/)).toBeNull();
    expect(screen.getByText(/also pop up as desktop notifications/)).toBeTruthy();
  });
});

describe('Appearance section', () => {
  it('writes the theme setting and shows it at once', async () => {
    useApp.setState({ theme: 'system' });
    fake.answer('settings/update', (change) => ({ ...SETTINGS, ...change }));
    render(<AppearanceSection />);
    expect((screen.getByRole('radio', { name: /System/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: /Dark/ }));
    expect((screen.getByRole('radio', { name: /Dark/ }) as HTMLInputElement).checked).toBe(true);
    await waitFor(() =>
      expect(fake.calls.find((c) => c.name === 'settings/update')?.input).toEqual({ theme: 'dark' }),
    );
    expect(useApp.getState().theme).toBe('dark');
  });
});
