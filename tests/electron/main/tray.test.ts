import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MainWindow } from '../../../electron/main/main-window';
import { NOTHING_DUE, setupTray, trayIconDirectory } from '../../../electron/main/tray';
import { trayIconFile } from '../../../electron/main/tray-service';
import { HOST_CHANNELS } from '../../../shared/contract/channels';
import { TRAY_REFRESH_MAX_INTERVAL_MS, TRAY_REFRESH_MIN_INTERVAL_MS } from '../../../shared/domain/policies';
import { ChartSyncError } from '../../../shared/errors';
import type { BulkResult } from '../../../shared/views/bulk-result';
import { notificationHref } from '../../../shared/domain/notification-rules';
import { app, BrowserWindowMock, NotificationMock, resetElectronMock, TrayMock } from '../../mocks/electron';
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

  it('a refused tray action is told to the operator (a notification that opens the window), not only logged', async () => {
    fake.handlers['schedules/resume-all'].mockImplementation(() => {
      throw new ChartSyncError(
        'invalid_state',
        'Nothing to resume: no schedule was paused with "Pause all".',
      );
    });
    fake.state.status = appStatus({ schedules: { ...appStatus().schedules, active: 0, resumable: 1 } });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    setupTray(fake.port, mainWindow, '/icons');
    await vi.advanceTimersByTimeAsync(0);
    window.hide();
    tray().contextMenu!.item('Resume all schedules').click!();
    await vi.advanceTimersByTimeAsync(0);
    expect(NotificationMock.instances).toHaveLength(1);
    const notice = NotificationMock.instances[0]!;
    expect(notice.shown).toBe(true);
    expect(notice.options.title).toBe('Resume all schedules failed');
    expect(notice.options.body).toBe('Nothing to resume: no schedule was paused with "Pause all".');
    notice.emit('click');
    expect(window.visible).toBe(true);
    logged.mockRestore();
  });

  it('a bulk action with items that failed says so, with the first reason and where to look', async () => {
    const answer: BulkResult = {
      results: [
        { id: 1, label: 'Top 50 (global)', ok: true, outcome: 'done', scheduleId: 1, executionId: 9 },
        {
          id: 2,
          label: 'Top 200 (us)',
          ok: false,
          outcome: 'failed',
          error: { code: 'invalid_state', message: 'The database is busy.' },
        },
      ],
      succeeded: 1,
      skipped: 0,
      failed: 1,
    };
    fake.handlers['schedules/sync-due'].mockReturnValue(answer as never);
    setupTray(fake.port, mainWindow, '/icons');
    await vi.advanceTimersByTimeAsync(0);
    tray().contextMenu!.item('Sync all due now').click!();
    await vi.advanceTimersByTimeAsync(0);
    expect(NotificationMock.instances).toHaveLength(1);
    expect(NotificationMock.instances[0]!.options).toMatchObject({
      title: 'Sync all due now: 1 of 2 failed',
      body: 'Top 200 (us): The database is busy.',
    });
    // Nothing is said when every item went through.
    fake.handlers['schedules/pause-all'].mockClear();
    tray().contextMenu!.item('Pause all schedules').click!();
    await vi.advanceTimersByTimeAsync(0);
    expect(NotificationMock.instances).toHaveLength(1);
  });

  it('"Sync all due now" with nothing due says so, rather than doing nothing visible', async () => {
    setupTray(fake.port, mainWindow, '/icons');
    await vi.advanceTimersByTimeAsync(0);
    tray().contextMenu!.item('Sync all due now').click!();
    await vi.advanceTimersByTimeAsync(0);
    expect(NotificationMock.instances.map((n) => n.options)).toMatchObject([
      { title: 'Nothing is due', body: NOTHING_DUE },
    ]);
  });

  it('the last sync opens its execution, at the href the router knows', async () => {
    fake.state.status = appStatus({
      lastSync: { executionId: 41, chartName: 'Top', status: 'completed', endedAt: Date.now() },
    });
    setupTray(fake.port, mainWindow, '/icons');
    await vi.advanceTimersByTimeAsync(0);
    tray().contextMenu!.item(/^Last sync/).click!();
    expect(window.webContents.send).toHaveBeenCalledWith(
      HOST_CHANNELS.navigate,
      notificationHref({ screen: 'execution', id: 41 }),
    );
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
