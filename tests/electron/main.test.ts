import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE_NAME } from '../../electron/engine/config/data-dir';
import { CALL_NAMES } from '../../shared/contract/call-names';
import { CALL_CHANNEL_PREFIX, EVENT_CHANNEL_PREFIX } from '../../shared/contract/channels';
import { EVENT_NAMES } from '../../shared/contract/events';
import { useTempDir } from '../support/database';

type Handler = (event: unknown, input: unknown) => Promise<unknown>;

const electron = vi.hoisted(() => {
  const handlers = new Map<string, Handler>();
  const appListeners = new Map<string, (event?: unknown) => void>();
  const windows: BrowserWindow[] = [];
  const mainFrame = { id: 'main-frame' };
  class BrowserWindow {
    static fromWebContents = vi.fn((contents: unknown) =>
      windows.some((w) => w.webContents === contents) ? {} : null,
    );
    static getAllWindows = vi.fn(() => [...windows]);
    webContents = {
      mainFrame,
      setWindowOpenHandler: vi.fn(),
      on: vi.fn(),
      send: vi.fn(),
      isDestroyed: vi.fn(() => false),
    };
    isDestroyed = vi.fn(() => false);
    constructor(public options: Record<string, unknown>) {
      windows.push(this);
    }
    once = vi.fn();
    loadFile = vi.fn(() => Promise.resolve());
    loadURL = vi.fn(() => Promise.resolve());
    isMinimized = vi.fn(() => false);
    restore = vi.fn();
    focus = vi.fn();
  }
  return {
    handlers,
    appListeners,
    windows,
    mainFrame,
    module: {
      app: {
        requestSingleInstanceLock: vi.fn(() => true),
        whenReady: vi.fn(() => Promise.resolve()),
        getPath: vi.fn(() => '/nonexistent/user-data'),
        getVersion: vi.fn(() => '9.9.9'),
        quit: vi.fn(),
        exit: vi.fn(),
        on: vi.fn((name: string, listener: (event?: unknown) => void) => appListeners.set(name, listener)),
      },
      BrowserWindow,
      ipcMain: { handle: vi.fn((channel: string, handler: Handler) => handlers.set(channel, handler)) },
      dialog: { showErrorBox: vi.fn() },
      shell: { openExternal: vi.fn() },
    },
  };
});

vi.mock('electron', () => electron.module);

const { main } = await import('../../electron/main/index');

describe('electron main', () => {
  const tempDir = useTempDir();
  let dataDir: string;

  beforeEach(() => {
    dataDir = tempDir();
    vi.stubEnv('CHART_SYNC_DATA_DIR', dataDir);
    // Real credentials (for an address nothing listens on): no demo emulator, no demo schedules to run.
    vi.stubEnv('SOUNDCHARTS_APP_ID', 'test-app');
    vi.stubEnv('SOUNDCHARTS_API_KEY', 'test-key');
    vi.stubEnv('SOUNDCHARTS_API_URL', 'http://127.0.0.1:9');
    electron.handlers.clear();
    electron.windows.length = 0;
    vi.clearAllMocks();
  });
  afterEach(async () => {
    const willQuit = electron.appListeners.get('will-quit');
    if (willQuit) {
      const event = { preventDefault: vi.fn() };
      willQuit(event);
      // The shell holds the quit until the engine has closed, then exits.
      expect(event.preventDefault).toHaveBeenCalled();
      await vi.waitFor(() => expect(electron.module.app.exit).toHaveBeenCalledWith(0));
    }
    electron.appListeners.clear();
    vi.unstubAllEnvs();
  });

  it('opens the engine, binds one channel per contract call and opens a locked-down window', async () => {
    const hosted = await main();
    expect(hosted?.engine.database.file).toBe(join(dataDir, DATABASE_FILE_NAME));
    expect(hosted?.demo).toBe(false);
    expect([...electron.handlers.keys()]).toEqual(CALL_NAMES.map((name) => `${CALL_CHANNEL_PREFIX}${name}`));
    expect(electron.windows).toHaveLength(1);
    expect(electron.windows[0]!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
  });

  it('answers a contract call from its own window with a typed result', async () => {
    await main();
    const handler = electron.handlers.get(`${CALL_CHANNEL_PREFIX}app/status`)!;
    const webContents = electron.windows[0]!.webContents;
    const result = await handler({ sender: webContents, senderFrame: electron.mainFrame }, {});
    expect(result).toMatchObject({
      ok: true,
      value: { version: '9.9.9', charts: 0, schedules: { total: 0 } },
    });
    const invalid = await handler({ sender: webContents, senderFrame: electron.mainFrame }, { extra: 1 });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('logs what the window only sees as an internal error, with the call that raised it', async () => {
    const hosted = await main();
    const failure = new Error('disk on fire');
    Object.assign(hosted!.engine.handlers, {
      'app/status': () => {
        throw failure;
      },
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const own = { sender: electron.windows[0]!.webContents, senderFrame: electron.mainFrame };
      const status = await electron.handlers.get(`${CALL_CHANNEL_PREFIX}app/status`)!(own, {});
      expect(status).toEqual({
        ok: false,
        error: { code: 'internal', message: 'An unexpected error occurred. Details are in the log.' },
      });
      // A refusal the window can act on (not_found) is its business, not the log's.
      const missing = await electron.handlers.get(`${CALL_CHANNEL_PREFIX}schedules/get`)!(own, { id: 1 });
      expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(logged.mock.calls).toEqual([['chart-sync: app/status failed:', failure]]);
    } finally {
      logged.mockRestore();
    }
  });

  it('refuses calls from frames that are not its own', async () => {
    await main();
    const handler = electron.handlers.get(`${CALL_CHANNEL_PREFIX}app/status`)!;
    const foreign = await handler({ sender: { mainFrame: {} }, senderFrame: {} }, {});
    expect(foreign).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/did not come from Chart Sync/) },
    });
    const subframe = await handler(
      { sender: electron.windows[0]!.webContents, senderFrame: { id: 'iframe' } },
      {},
    );
    expect(subframe).toMatchObject({ ok: false });
  });

  it('forwards every engine event to every open window on its own channel, payload only', async () => {
    const hosted = await main();
    const [window] = electron.windows;
    const closing = new electron.module.BrowserWindow({});
    closing.isDestroyed.mockReturnValue(true);
    for (const [index, name] of EVENT_NAMES.entries())
      hosted!.engine.events.emit(name, { n: index } as never);
    expect(window!.webContents.send.mock.calls).toEqual(
      EVENT_NAMES.map((name, index) => [`${EVENT_CHANNEL_PREFIX}${name}`, { n: index }]),
    );
    // A window being destroyed is skipped rather than sent to (which would throw inside the engine's emit).
    expect(closing.webContents.send).not.toHaveBeenCalled();
  });

  it('stops forwarding events once it quits', async () => {
    const hosted = await main();
    const willQuit = electron.appListeners.get('will-quit')!;
    electron.appListeners.delete('will-quit');
    willQuit({ preventDefault: vi.fn() });
    await vi.waitFor(() => expect(electron.module.app.exit).toHaveBeenCalledWith(0));
    hosted!.engine.events.emit('schedule/updated', { scheduleId: 1 });
    expect(electron.windows[0]!.webContents.send).not.toHaveBeenCalled();
  });

  it('explains a refused database and quits instead of crashing', async () => {
    const file = join(dataDir, DATABASE_FILE_NAME);
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    expect(await main()).toBeNull();
    expect(electron.module.dialog.showErrorBox).toHaveBeenCalledWith(
      'Chart Sync cannot start',
      expect.stringMatching(/newer version of Chart Sync/),
    );
    expect(electron.module.app.quit).toHaveBeenCalled();
    expect(electron.windows).toHaveLength(0);
  });

  it('quits when another instance already runs', async () => {
    electron.module.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    expect(await main()).toBeNull();
    expect(electron.module.app.quit).toHaveBeenCalled();
  });
});
