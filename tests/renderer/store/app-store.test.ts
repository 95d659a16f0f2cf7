// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { useApp } from '../../../renderer/src/store/app-store';
import { useToasts } from '../../../renderer/src/store/toast-store';
import type { SettingsView } from '../../../shared/views/settings';
import type { AppStatus } from '../../../shared/views/app-status';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { OTHER_STATUS, healthCounts, sampleSettings } from '../support/sample-views';

const SETTINGS_BASE: SettingsView = sampleSettings();

const status = (active: number): AppStatus => ({
  version: '0.1.0',
  demo: true,
  apiUrl: 'http://127.0.0.1:1',
  databaseFile: ':memory:',
  schemaVersion: 1,
  charts: 10,
  schedules: { total: active, active, overdue: 0, resumable: 0, byHealth: healthCounts({ on_time: active }) },
  executions: { running: 0, pending: 0 },
  ...OTHER_STATUS,
});

let fake: FakeClient;

/** Asks twice, then lets the second request answer before the first, as a busy engine may. */
async function twoRequestsAnsweredOutOfOrder(releases: (() => void)[]): Promise<void> {
  const first = useApp.getState().refreshStatus();
  const second = useApp.getState().refreshStatus();
  await Promise.resolve();
  releases[1]!();
  await second;
  releases[0]!();
  await first;
}
beforeEach(() => {
  useApp.setState({ status: null, statusError: null });
  fake = installFakeClient();
});

describe('app status', () => {
  it('keeps the newest answer when an older request answers last', async () => {
    const releases: (() => void)[] = [];
    let asked = 0;
    fake.answer('app/status', () => {
      const answer = status(++asked);
      return new Promise<AppStatus>((resolve) => releases.push(() => resolve(answer)));
    });
    await twoRequestsAnsweredOutOfOrder(releases);
    expect(useApp.getState().status?.schedules.active).toBe(2);
  });

  it('clears an earlier failure once a later request succeeds, whatever order they answer in', async () => {
    const releases: (() => void)[] = [];
    fake.answer('app/status', () => {
      const n = releases.length;
      return new Promise((resolve) =>
        releases.push(() => resolve(n === 0 ? { code: 'internal', message: 'Busy.' } : status(3))),
      );
    });
    await twoRequestsAnsweredOutOfOrder(releases);
    expect(useApp.getState().statusError).toBeNull();
    expect(useApp.getState().status?.schedules.active).toBe(3);
  });
});

describe('theme', () => {
  const settings = (theme: 'light' | 'dark' | 'system') => ({ ...SETTINGS_BASE, theme });

  beforeEach(() => {
    useApp.setState({ theme: 'system' });
    localStorage.clear();
    useToasts.setState({ toasts: [] });
  });

  it('saves a choice as the setting, shows it at once and caches it for the next first paint', async () => {
    fake.answer('settings/update', (change) => ({ ...settings('system'), ...change }));
    const saving = useApp.getState().setTheme('dark');
    expect(useApp.getState().theme).toBe('dark');
    await saving;
    expect(fake.calls).toEqual([{ name: 'settings/update', input: { theme: 'dark' } }]);
    expect(localStorage.getItem('chart-sync-theme')).toBe('dark');
  });

  it('puts the theme back and says so when the engine refuses it', async () => {
    useApp.getState().followTheme('light');
    fake.answer('settings/update', () => ({ code: 'internal', message: 'Locked.' }));
    await useApp.getState().setTheme('dark');
    expect(useApp.getState().theme).toBe('light');
    expect(localStorage.getItem('chart-sync-theme')).toBe('light');
    expect(useToasts.getState().toasts[0]?.title).toBe('Could not save the theme');
  });

  it('reads the stored setting, unless a choice was made while it was asked', async () => {
    fake.answer('settings/get', () => settings('dark'));
    await useApp.getState().loadTheme();
    expect(useApp.getState().theme).toBe('dark');
    expect(localStorage.getItem('chart-sync-theme')).toBe('dark');

    let release: () => void = () => {};
    fake.answer('settings/get', () => new Promise((resolve) => (release = () => resolve(settings('dark')))));
    fake.answer('settings/update', (change) => ({ ...settings('dark'), ...change }));
    const loading = useApp.getState().loadTheme();
    await useApp.getState().setTheme('light');
    release();
    await loading;
    expect(useApp.getState().theme).toBe('light');
  });
});
