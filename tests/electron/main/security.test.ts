import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isSafeExternalUrl, setupSecurity } from '../../../electron/main/security';
import { BrowserWindowMock, ElectronEvent, resetElectronMock, session, shell } from '../../mocks/electron';

describe('setupSecurity', () => {
  beforeEach(() => {
    resetElectronMock();
    setupSecurity();
  });

  it('refuses every permission request and check', () => {
    const callback = vi.fn();
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      session.defaultSession.permissionRequestHandler!(
        {} as never,
        permission as never,
        callback as never,
        {} as never,
      );
      expect(session.defaultSession.permissionCheckHandler!({} as never, permission as never)).toBe(false);
    }
    expect(callback.mock.calls).toEqual(Array.from({ length: 5 }, () => [false]));
  });

  it('refuses navigation, redirects and <webview> in every window it opens', () => {
    const window = new BrowserWindowMock({});
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = new ElectronEvent();
      window.webContents.emit(name, event, 'https://elsewhere.example/');
      expect(event.defaultPrevented, name).toBe(true);
    }
  });

  it('opens no window; https links go to the browser, nothing else does', () => {
    const window = new BrowserWindowMock({});
    const open = window.webContents.windowOpenHandler!;
    expect(open({ url: 'https://soundcharts.com/docs' })).toEqual({ action: 'deny' });
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://x/y',
      'nonsense',
    ])
      expect(open({ url })).toEqual({ action: 'deny' });
    expect(shell.openExternal.mock.calls).toEqual([['https://soundcharts.com/docs']]);
  });

  it('knows a safe external address', () => {
    expect(isSafeExternalUrl('https://a.example/x?y')).toBe(true);
    expect(isSafeExternalUrl('HTTPS://A.EXAMPLE')).toBe(true);
    expect(isSafeExternalUrl('http://a.example')).toBe(false);
    expect(isSafeExternalUrl('')).toBe(false);
  });
});
