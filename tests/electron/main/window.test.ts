import { beforeEach, describe, expect, it } from 'vitest';
import { MainWindow } from '../../../electron/main/main-window';
import { setupWindow } from '../../../electron/main/window';
import { HOST_CHANNELS } from '../../../shared/contract/channels';
import { app, BrowserWindowMock, resetElectronMock } from '../../mocks/electron';

function onlyWindow(): BrowserWindowMock {
  expect(BrowserWindowMock.windows).toHaveLength(1);
  return BrowserWindowMock.windows[0]!;
}

describe('setupWindow', () => {
  beforeEach(() => resetElectronMock());

  it('opens an isolated, sandboxed window without Node, on the built page, shown once ready', () => {
    setupWindow(new MainWindow(), ['electron', '.']);
    const window = onlyWindow();
    expect(window.options).toMatchObject({ show: false, title: 'Chart Sync' });
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      preload: expect.stringMatching(/preload[/\\]index\.js$/),
    });
    expect(window.loaded.file).toMatch(/renderer[/\\]index\.html$/);
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('started at login (--hidden) shows no window until asked', () => {
    const mainWindow = new MainWindow();
    setupWindow(mainWindow, ['chart-sync', '--hidden']);
    const window = onlyWindow();
    window.emit('ready-to-show');
    expect(window.visible).toBe(false);
    mainWindow.show();
    expect(window.visible).toBe(true);
    expect(window.focus).toHaveBeenCalled();
  });

  it('macOS: a login item start (no arguments there) is hidden too', async () => {
    app.getLoginItemSettings.mockReturnValue({ openAtLogin: true, wasOpenedAtLogin: true });
    const { startsHidden } = await import('../../../electron/main/start-options');
    expect(startsHidden(['Chart Sync'], 'darwin')).toBe(true);
    expect(startsHidden(['Chart Sync'], 'linux')).toBe(false);
  });

  it('navigate shows the window (restored if minimized) and hands the page the href', () => {
    const mainWindow = new MainWindow();
    setupWindow(mainWindow, ['chart-sync', '--hidden']);
    const window = onlyWindow();
    window.minimized = true;
    mainWindow.navigate('#/alerts');
    expect(window.restore).toHaveBeenCalled();
    expect(window.visible).toBe(true);
    expect(window.webContents.send).toHaveBeenCalledWith(HOST_CHANNELS.navigate, '#/alerts');
  });
});
