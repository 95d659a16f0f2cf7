import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setupTheme } from '../../../electron/main/theme';
import { nativeTheme, resetElectronMock } from '../../mocks/electron';
import { sampleSettings } from '../../renderer/support/sample-views';
import { fakePort } from './fake-port';

describe('setupTheme', () => {
  beforeEach(() => resetElectronMock());

  it('sets Electron’s theme from the setting now and on every change', async () => {
    const fake = fakePort();
    fake.state.settings = sampleSettings({ theme: 'dark' });
    const dispose = setupTheme(fake.port);
    await vi.waitFor(() => expect(nativeTheme.themeSource).toBe('dark'));
    fake.events.emit('settings/changed', sampleSettings({ theme: 'light' }));
    expect(nativeTheme.themeSource).toBe('light');
    fake.events.emit('settings/changed', sampleSettings({ theme: 'system' }));
    expect(nativeTheme.themeSource).toBe('system');
    dispose();
    fake.events.emit('settings/changed', sampleSettings({ theme: 'dark' }));
    expect(nativeTheme.themeSource).toBe('system');
  });

  it('a change that arrives while the first read is under way wins', async () => {
    const fake = fakePort();
    fake.state.settings = sampleSettings({ theme: 'dark' });
    setupTheme(fake.port);
    fake.events.emit('settings/changed', sampleSettings({ theme: 'light' }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fake.handlers['settings/get']).toHaveBeenCalled();
    expect(nativeTheme.themeSource).toBe('light');
  });
});

describe('the shell after a reconnection', () => {
  beforeEach(() => resetElectronMock());

  it('reads the settings of the other database (which may differ: carried only where it lacked them)', async () => {
    const fake = fakePort();
    fake.state.settings = sampleSettings({ theme: 'dark' });
    const dispose = setupTheme(fake.port);
    await vi.waitFor(() => expect(nativeTheme.themeSource).toBe('dark'));
    // The real database, used before, has its own theme: no settings/changed says so, only the reconnection.
    fake.state.settings = sampleSettings({ theme: 'light' });
    fake.events.emit('app/connection-changed', {
      demo: false,
      apiUrl: 'https://customer.api.soundcharts.com',
    });
    await vi.waitFor(() => expect(nativeTheme.themeSource).toBe('light'));
    dispose();
    fake.state.settings = sampleSettings({ theme: 'system' });
    fake.events.emit('app/connection-changed', { demo: true, apiUrl: 'http://127.0.0.1:1' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(nativeTheme.themeSource).toBe('light');
  });
});
