import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setupTheme } from '../../../electron/main/theme';
import { nativeTheme, resetElectronMock } from '../../mocks/electron';
import { fakePort, settingsView } from './fake-port';

describe('setupTheme', () => {
  beforeEach(() => resetElectronMock());

  it('sets Electron’s theme from the setting now and on every change', async () => {
    const fake = fakePort();
    fake.state.settings = settingsView({ theme: 'dark' });
    const dispose = setupTheme(fake.port);
    await vi.waitFor(() => expect(nativeTheme.themeSource).toBe('dark'));
    fake.events.emit('settings/changed', settingsView({ theme: 'light' }));
    expect(nativeTheme.themeSource).toBe('light');
    fake.events.emit('settings/changed', settingsView({ theme: 'system' }));
    expect(nativeTheme.themeSource).toBe('system');
    dispose();
    fake.events.emit('settings/changed', settingsView({ theme: 'dark' }));
    expect(nativeTheme.themeSource).toBe('system');
  });

  it('a change that arrives while the first read is under way wins', async () => {
    const fake = fakePort();
    fake.state.settings = settingsView({ theme: 'dark' });
    setupTheme(fake.port);
    fake.events.emit('settings/changed', settingsView({ theme: 'light' }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fake.handlers['settings/get']).toHaveBeenCalled();
    expect(nativeTheme.themeSource).toBe('light');
  });
});
