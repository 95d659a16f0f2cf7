import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MainWindow } from '../../../electron/main/main-window';
import { setupTray, trayIconDirectory } from '../../../electron/main/tray';
import { trayIconFile } from '../../../electron/main/tray-service';
import { HOST_CHANNELS } from '../../../shared/contract/channels';
import { TRAY_REFRESH_MAX_INTERVAL_MS, TRAY_REFRESH_MIN_INTERVAL_MS } from '../../../shared/domain/policies';
import { app, BrowserWindowMock, resetElectronMock, TrayMock } from '../../mocks/electron';
import { appStatus, fakePort } from './fake-port';

describe('setupTray', () => {
  let fake: ReturnType<typeof fakePort>;
  let mainWindow: MainWindow;
  let window: BrowserWindowMock;

  beforeEach(() => {
    resetElectronMock();
    vi.useFakeTimers();
    fake = fakePort();
    mainWindow = new MainWindow();
    mainWindow.open({ hidden: false });
    window = BrowserWindowMock.windows[0]!;
    window.show();
  });
  afterEach(() => vi.useRealTimers());

  const tray = () => TrayMock.instances[0]!;

  it('renders the status at once, then after engine events, at most once a second', async () => {
    setupTray(fake.port, mainWindow, '/icons');
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.handlers['app/status']).toHaveBeenCalledTimes(1);
    expect(tray().tooltip).toBe('Chart Sync: 2 schedules (2 active)');

    fake.state.status = appStatus({ executions: { running: 1, pending: 0 }, unreadAlerts: 2 });
    for (let i = 0; i < 20; i++) fake.events.emit('execution/updated', {} as never);
    await vi.advanceTimersByTimeAsync(TRAY_REFRESH_MIN_INTERVAL_MS - 1);
    expect(fake.handlers['app/status']).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.handlers['app/status']).toHaveBeenCalledTimes(2);
    expect(tray().tooltip).toMatch(/1 syncing/);
    expect(tray().contextMenu!.labels()).toContain('2 unread alerts');

    fake.state.status = appStatus({ unreadAlerts: 0 });
    fake.events.emit('alerts/changed', { unread: 0 });
    await vi.advanceTimersByTimeAsync(TRAY_REFRESH_MIN_INTERVAL_MS);
    expect(tray().contextMenu!.labels()).not.toContain('2 unread alerts');
  });

  it('reads the status again every minute, for the last sync’s age', async () => {
    setupTray(fake.port, mainWindow, '/icons');
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(TRAY_REFRESH_MAX_INTERVAL_MS - 1);
    expect(fake.handlers['app/status']).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.handlers['app/status']).toHaveBeenCalledTimes(2);
  });

  it('its items call the contract, open the alerts screen, show or hide the window, and quit', async () => {
    fake.state.status = appStatus({ unreadAlerts: 1 });
    setupTray(fake.port, mainWindow, '/icons');
    await vi.advanceTimersByTimeAsync(0);
    const menu = () => tray().contextMenu!;
    menu().item('Sync all due now').click!();
    menu().item('Pause all schedules').click!();
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.handlers['schedules/sync-due']).toHaveBeenCalledTimes(1);
    expect(fake.handlers['schedules/pause-all']).toHaveBeenCalledTimes(1);

    menu().item('Hide Chart Sync').click!();
    expect(window.visible).toBe(false);
    // The window's own hide re-renders the menu, without asking the engine again.
    expect(menu().labels()[0]).toBe('Show Chart Sync');
    expect(fake.handlers['app/status']).toHaveBeenCalledTimes(1);

    menu().item('1 unread alert').click!();
    expect(window.visible).toBe(true);
    expect(window.webContents.send).toHaveBeenCalledWith(HOST_CHANNELS.navigate, '#/alerts');

    menu().item('Quit Chart Sync').click!();
    expect(app.quit).toHaveBeenCalled();
  });

  it('a refused tray action is logged, not thrown', async () => {
    fake.handlers['schedules/resume-all'].mockImplementation(() => {
      throw new Error('disk on fire');
    });
    fake.state.status = appStatus({ schedules: { ...appStatus().schedules, active: 0 } });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    setupTray(fake.port, mainWindow, '/icons');
    await vi.advanceTimersByTimeAsync(0);
    tray().contextMenu!.item('Resume all schedules').click!();
    await vi.advanceTimersByTimeAsync(0);
    expect(logged).toHaveBeenCalledWith('chart-sync: tray schedules/resume-all failed:', expect.any(Error));
    logged.mockRestore();
  });

  it('stops listening and removes the tray when disposed', async () => {
    const dispose = setupTray(fake.port, mainWindow, '/icons');
    await vi.advanceTimersByTimeAsync(0);
    dispose();
    fake.events.emit('execution/updated', {} as never);
    await vi.advanceTimersByTimeAsync(TRAY_REFRESH_MAX_INTERVAL_MS * 2);
    expect(fake.handlers['app/status']).toHaveBeenCalledTimes(1);
    expect(tray().destroyed).toBe(true);
  });

  it('every icon the tray can show exists in resources/tray, on every platform', () => {
    const directory = trayIconDirectory();
    for (const platform of ['linux', 'win32', 'darwin'] as const)
      for (const icon of ['idle', 'syncing', 'attention', 'paused'] as const) {
        const file = trayIconFile(directory, icon, platform);
        expect(existsSync(file), file).toBe(true);
        expect(existsSync(file.replace(/\.png$/, '@2x.png')), file).toBe(true);
      }
  });
});
