import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE_NAME } from '../../../electron/engine/config/data-dir';
import { SyncLock } from '../../../electron/engine/sync/sync-lock';
import { CALL_NAMES } from '../../../shared/contract/call-names';
import { CALL_CHANNEL_PREFIX, EVENT_CHANNEL_PREFIX, HOST_CHANNELS } from '../../../shared/contract/channels';
import { EVENT_NAMES } from '../../../shared/contract/events';
import {
  app,
  BrowserWindowMock,
  dialog,
  ipcMain,
  NotificationMock,
  ownFrameEvent,
  powerMonitor,
  TrayMock,
} from '../../mocks/electron';
import { useShell } from './harness';

describe('electron main', () => {
  const shell = useShell();

  it('opens the engine, binds one channel per contract call and opens a locked-down window', async () => {
    const hosted = await shell.start();
    expect(hosted?.engine.database.file).toBe(join(shell.dataDir(), DATABASE_FILE_NAME));
    expect(hosted?.demo).toBe(false);
    expect([...ipcMain.handlers.keys()]).toEqual([
      ...CALL_NAMES.map((name) => `${CALL_CHANNEL_PREFIX}${name}`),
      HOST_CHANNELS.chooseSaveFile,
    ]);
    expect(BrowserWindowMock.windows).toHaveLength(1);
    expect(shell.window().options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    await vi.waitFor(() => expect(TrayMock.instances[0]?.contextMenu?.labels()).toContain('Quit Chart Sync'));
  });

  it('answers a contract call from its own window with a typed result', async () => {
    await shell.start();
    const own = ownFrameEvent(shell.window());
    const result = await ipcMain.invoke(`${CALL_CHANNEL_PREFIX}app/status`, own, {});
    expect(result).toMatchObject({
      ok: true,
      value: { version: '9.9.9', charts: 0, schedules: { total: 0 } },
    });
    const invalid = await ipcMain.invoke(`${CALL_CHANNEL_PREFIX}app/status`, own, { extra: 1 });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('logs what the window only sees as an internal error, with the call that raised it', async () => {
    const hosted = await shell.start();
    const failure = new Error('disk on fire');
    Object.assign(hosted!.engine.handlers, {
      'app/status': () => {
        throw failure;
      },
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const own = ownFrameEvent(shell.window());
      const status = await ipcMain.invoke(`${CALL_CHANNEL_PREFIX}app/status`, own, {});
      expect(status).toEqual({
        ok: false,
        error: { code: 'internal', message: 'An unexpected error occurred. Details are in the log.' },
      });
      // A refusal the window can act on (not_found) is its business, not the log's.
      const missing = await ipcMain.invoke(`${CALL_CHANNEL_PREFIX}schedules/get`, own, { id: 1 });
      expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(logged.mock.calls).toEqual([['chart-sync: app/status failed:', failure]]);
    } finally {
      logged.mockRestore();
    }
  });

  it('forwards every engine event to every open window on its own channel, payload only', async () => {
    const hosted = await shell.start();
    const window = shell.window();
    const closing = new BrowserWindowMock({});
    closing.isDestroyed.mockReturnValue(true);
    window.webContents.send.mockClear();
    for (const [index, name] of EVENT_NAMES.entries())
      hosted!.engine.events.emit(name, { n: index } as never);
    expect(window.webContents.send.mock.calls).toEqual(
      EVENT_NAMES.map((name, index) => [`${EVENT_CHANNEL_PREFIX}${name}`, { n: index }]),
    );
    // A window being destroyed is skipped rather than sent to (which would throw inside the engine's emit).
    expect(closing.webContents.send).not.toHaveBeenCalled();
  });

  it('stops forwarding events once it quits, after the engine closed', async () => {
    const hosted = await shell.start();
    app.quit();
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
    expect(() => hosted!.engine.database.sqlite.prepare('select 1')).toThrow(/not open/);
    const openedLater = new BrowserWindowMock({});
    hosted!.engine.events.emit('schedule/updated', { scheduleId: 1 });
    expect(openedLater.webContents.send).not.toHaveBeenCalled();
  });

  it('runs the engine of the moment’s catch-up when the machine wakes', async () => {
    const hosted = await shell.start();
    const resume = vi.spyOn(hosted!.engine, 'resume');
    powerMonitor.emit('resume');
    expect(resume).toHaveBeenCalledTimes(1);
  });

  it('another process syncing this database (chart-sync serve): the app runs without syncing and says so', async () => {
    const lock = SyncLock.acquire(join(shell.dataDir(), DATABASE_FILE_NAME), Date.now());
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const hosted = await shell.start();
      expect(hosted).not.toBeNull();
      expect(hosted!.engine.scheduler.started).toBe(false);
      const notice = NotificationMock.instances.find((n) => n.options.title === 'Chart Sync is not syncing');
      expect(notice?.shown).toBe(true);
      expect(notice?.options.body).toMatch(/sync/);
    } finally {
      logged.mockRestore();
      lock.release();
    }
  });

  it('explains a refused database and quits instead of crashing', async () => {
    const raw = new Database(join(shell.dataDir(), DATABASE_FILE_NAME));
    raw.pragma('user_version = 999');
    raw.close();
    expect(await shell.start()).toBeNull();
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      'Chart Sync cannot start',
      expect.stringMatching(/newer version of Chart Sync/),
    );
    expect(app.quit).toHaveBeenCalled();
    expect(BrowserWindowMock.windows).toHaveLength(0);
  });
});
