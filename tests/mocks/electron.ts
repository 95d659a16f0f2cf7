/**
 * The one fake `electron` module (Electron cannot run on these machines). Vitest maps `electron` to this file
 * (vitest.config.ts); the smoke test of the built app maps it with a Node resolve hook (electron-loader.mjs).
 * Like Electron Fiddle's tests/mocks: classes whose methods are vi.fn, state a test can read (visible, tooltip,
 * menu, handlers) and `emit` to play what Electron or the OS would do. `resetElectronMock()` between tests.
 */
import { EventEmitter } from 'node:events';
import { resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { vi } from 'vitest';

/** An Electron event: handlers call preventDefault() to refuse what it announces. */
export class ElectronEvent {
  defaultPrevented = false;
  preventDefault = vi.fn(() => {
    this.defaultPrevented = true;
  });
}

type Listener = (...args: never[]) => unknown;

export class SessionMock {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  setPermissionRequestHandler = vi.fn((handler: Listener | null) => {
    this.permissionRequestHandler = handler;
  });
  setPermissionCheckHandler = vi.fn((handler: Listener | null) => {
    this.permissionCheckHandler = handler;
  });
}

export const session = { defaultSession: new SessionMock() };

let nextWebContentsId = 1;

export class WebContentsMock extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly mainFrame = { routingId: this.id, url: 'file:///app/out/renderer/index.html' };
  readonly session = session.defaultSession;
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  destroyed = false;
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: 'allow' | 'deny' }) => {
    this.windowOpenHandler = handler;
  });
  send = vi.fn((_channel: string, ..._args: unknown[]) => {});
  isDestroyed = vi.fn(() => this.destroyed);
}

export class BrowserWindowMock extends EventEmitter {
  static windows: BrowserWindowMock[] = [];
  static getAllWindows = vi.fn(() => BrowserWindowMock.windows.filter((w) => !w.destroyed));
  static fromWebContents = vi.fn(
    (contents: unknown) => BrowserWindowMock.windows.find((w) => w.webContents === contents) ?? null,
  );

  readonly webContents = new WebContentsMock();
  visible = false;
  minimized = false;
  focused = false;
  destroyed = false;
  loaded: { file?: string; url?: string } = {};

  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    BrowserWindowMock.windows.push(this);
    if (options.show !== false) this.visible = true;
    app.emit('web-contents-created', new ElectronEvent(), this.webContents);
  }

  show = vi.fn(() => {
    this.visible = true;
    this.minimized = false;
    this.emit('show');
  });
  hide = vi.fn(() => {
    this.visible = false;
    this.emit('hide');
  });
  focus = vi.fn(() => {
    this.focused = true;
  });
  restore = vi.fn(() => {
    this.minimized = false;
  });
  minimize = vi.fn(() => {
    this.minimized = true;
  });
  isVisible = vi.fn(() => this.visible);
  isMinimized = vi.fn(() => this.minimized);
  isDestroyed = vi.fn(() => this.destroyed);
  loadFile = vi.fn((file: string) => {
    this.loaded = { file };
    // As Electron: the main frame then shows that file's URL (the IPC check compares it).
    this.webContents.mainFrame.url = pathToFileURL(resolvePath(file)).href;
    return Promise.resolve();
  });
  loadURL = vi.fn((url: string) => {
    this.loaded = { url };
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  });
  /** As Electron: 'close' can be refused; otherwise the window is destroyed ('closed'). */
  close = vi.fn(() => {
    const event = new ElectronEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  });
  destroy = vi.fn(() => {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.visible = false;
    this.emit('closed');
    if (!app.quitting && BrowserWindowMock.getAllWindows().length === 0) app.emit('window-all-closed');
  });
}

export class AppMock extends EventEmitter {
  /** Set once app.quit() got past 'before-quit' (Electron then closes the windows without 'window-all-closed'). */
  quitting = false;
  /** The process would have ended: 'will-quit' was not refused, or app.exit() was called. */
  ended: { code: number } | null = null;
  isPackaged = false;
  paths: Record<string, string> = { userData: '/nonexistent/user-data', home: '/nonexistent/home' };

  requestSingleInstanceLock = vi.fn(() => true);
  whenReady = vi.fn(() => Promise.resolve());
  getPath = vi.fn((name: string) => this.paths[name] ?? `/nonexistent/${name}`);
  /** The project (where package.json is), as for `electron .`. */
  getAppPath = vi.fn(() => process.cwd());
  getVersion = vi.fn(() => '9.9.9');
  setAppUserModelId = vi.fn((_id: string) => {});
  getLoginItemSettings = vi.fn(() => ({ openAtLogin: false, wasOpenedAtLogin: false }));
  setLoginItemSettings = vi.fn((_settings: { openAtLogin?: boolean; args?: string[] }) => {});
  /**
   * As Electron: 'before-quit', then each window is asked to close (one refusing cancels the quit), then
   * 'will-quit' (refusable), then 'quit'.
   */
  quit = vi.fn(() => {
    const before = new ElectronEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    this.quitting = true;
    for (const window of BrowserWindowMock.getAllWindows()) {
      window.close();
      if (!window.destroyed) {
        this.quitting = false;
        return;
      }
    }
    const will = new ElectronEvent();
    this.emit('will-quit', will);
    if (will.defaultPrevented) return;
    this.emit('quit', new ElectronEvent(), 0);
    this.ended = { code: 0 };
  });
  exit = vi.fn((code = 0) => {
    this.ended = { code };
  });
}

export const app = new AppMock();

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

export class IpcMainMock extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();
  handle = vi.fn((channel: string, handler: InvokeHandler) => {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  });
  removeHandler = vi.fn((channel: string) => {
    this.handlers.delete(channel);
  });
  /** What ipcRenderer.invoke from `sender` would do (a missing handler rejects, as in Electron). */
  async invoke(channel: string, event: { sender: unknown; senderFrame: unknown }, ...args: unknown[]) {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

export const ipcMain = new IpcMainMock();

/** The IPC event a window's own main frame sends. */
export function ownFrameEvent(window: BrowserWindowMock): { sender: WebContentsMock; senderFrame: unknown } {
  return { sender: window.webContents, senderFrame: window.webContents.mainFrame };
}

type RendererListener = (event: unknown, ...args: unknown[]) => void;

export class IpcRendererMock {
  readonly listeners = new Map<string, Set<RendererListener>>();
  invoke = vi.fn((channel: string, ...args: unknown[]) =>
    Promise.resolve<unknown>({ ok: true, value: { channel, input: args[0] } }),
  );
  on = vi.fn((channel: string, listener: RendererListener) => {
    if (!this.listeners.has(channel)) this.listeners.set(channel, new Set());
    this.listeners.get(channel)!.add(listener);
    return this;
  });
  removeListener = vi.fn((channel: string, listener: RendererListener) => {
    this.listeners.get(channel)?.delete(listener);
    return this;
  });
  /** What main's webContents.send does: every listener of the channel gets (event, ...args). */
  deliver(channel: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(channel) ?? []) listener({ sender: 'ipc internals' }, ...args);
  }
}

export const ipcRenderer = new IpcRendererMock();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    contextBridge.exposed.set(key, api);
  }),
};

export class NativeImageMock {
  template = false;
  constructor(readonly path: string) {}
  setTemplateImage = vi.fn((template: boolean) => {
    this.template = template;
  });
  isTemplateImage = vi.fn(() => this.template);
  isEmpty = vi.fn(() => this.path === '');
}

export const nativeImage = {
  createFromPath: vi.fn((path: string) => new NativeImageMock(path)),
  createEmpty: vi.fn(() => new NativeImageMock('')),
};

export type MenuItemOptions = {
  label?: string;
  type?: 'normal' | 'separator' | 'checkbox' | 'radio' | 'submenu';
  enabled?: boolean;
  visible?: boolean;
  click?: (...args: unknown[]) => unknown;
};

export class MenuMock {
  constructor(readonly items: MenuItemOptions[]) {}
  static buildFromTemplate = vi.fn((template: MenuItemOptions[]) => new MenuMock(template));
  static setApplicationMenu = vi.fn((_menu: MenuMock | null) => {});
  labels(): string[] {
    return this.items.filter((i) => i.type !== 'separator').map((i) => i.label ?? '');
  }
  /** The item of that label (a test clicks it with `.click!()`). */
  item(label: string | RegExp): MenuItemOptions {
    const found = this.items.find((i) =>
      typeof label === 'string' ? i.label === label : label.test(i.label ?? ''),
    );
    if (!found) throw new Error(`No menu item ${String(label)} in ${JSON.stringify(this.labels())}`);
    return found;
  }
}

export class TrayMock extends EventEmitter {
  static instances: TrayMock[] = [];
  image: NativeImageMock | string;
  tooltip = '';
  contextMenu: MenuMock | null = null;
  destroyed = false;
  constructor(image: NativeImageMock | string) {
    super();
    this.image = image;
    TrayMock.instances.push(this);
  }
  setImage = vi.fn((image: NativeImageMock | string) => {
    this.image = image;
  });
  setToolTip = vi.fn((tooltip: string) => {
    this.tooltip = tooltip;
  });
  setContextMenu = vi.fn((menu: MenuMock | null) => {
    this.contextMenu = menu;
  });
  destroy = vi.fn(() => {
    this.destroyed = true;
  });
  isDestroyed = vi.fn(() => this.destroyed);
}

export class NotificationMock extends EventEmitter {
  static instances: NotificationMock[] = [];
  static isSupported = vi.fn(() => true);
  shown = false;
  constructor(readonly options: { title?: string; body?: string; silent?: boolean; urgency?: string } = {}) {
    super();
    NotificationMock.instances.push(this);
  }
  show = vi.fn(() => {
    this.shown = true;
  });
  close = vi.fn(() => {
    this.emit('close', new ElectronEvent());
  });
}

/** XOR with a fixed key: not plain text (a test can see the key is not in a file), and reversible. */
const FAKE_OS_KEY = 0x5a;
const scramble = (bytes: Buffer): Buffer => Buffer.from(bytes.map((b) => b ^ FAKE_OS_KEY));

export const safeStorage = {
  isEncryptionAvailable: vi.fn(() => true),
  getSelectedStorageBackend: vi.fn((): string => 'gnome_libsecret'),
  setUsePlainTextEncryption: vi.fn((_use: boolean) => {}),
  encryptString: vi.fn((plain: string) => Buffer.concat([Buffer.from('v11'), scramble(Buffer.from(plain))])),
  decryptString: vi.fn((encrypted: Buffer) => {
    if (encrypted.subarray(0, 3).toString() !== 'v11')
      throw new Error('Error while decrypting the ciphertext');
    return scramble(encrypted.subarray(3)).toString('utf8');
  }),
};

export const shell = {
  openExternal: vi.fn((_url: string) => Promise.resolve()),
  showItemInFolder: vi.fn((_path: string) => {}),
};

export const dialog = {
  showErrorBox: vi.fn((_title: string, _content: string) => {}),
  showSaveDialog: vi.fn((..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> =>
    Promise.resolve({ canceled: true }),
  ),
};

export class PowerMonitorMock extends EventEmitter {}
export const powerMonitor = new PowerMonitorMock();

export const powerSaveBlocker = {
  active: new Map<number, string>(),
  nextId: 1,
  start: vi.fn((type: string) => {
    const id = powerSaveBlocker.nextId++;
    powerSaveBlocker.active.set(id, type);
    return id;
  }),
  stop: vi.fn((id: number) => {
    powerSaveBlocker.active.delete(id);
    return true;
  }),
  isStarted: vi.fn((id: number) => powerSaveBlocker.active.has(id)),
};

export class NativeThemeMock extends EventEmitter {
  themeSource: 'system' | 'light' | 'dark' = 'system';
  get shouldUseDarkColors(): boolean {
    return this.themeSource === 'dark';
  }
}
export const nativeTheme = new NativeThemeMock();

/** Back to a freshly started Electron: no windows, trays, handlers or listeners; every vi.fn as first made. */
export function resetElectronMock(): void {
  vi.resetAllMocks();
  for (const emitter of [app, ipcMain, powerMonitor, nativeTheme]) emitter.removeAllListeners();
  app.quitting = false;
  app.ended = null;
  app.isPackaged = false;
  app.paths = { userData: '/nonexistent/user-data', home: '/nonexistent/home' };
  BrowserWindowMock.windows.length = 0;
  TrayMock.instances.length = 0;
  NotificationMock.instances.length = 0;
  ipcMain.handlers.clear();
  ipcRenderer.listeners.clear();
  contextBridge.exposed.clear();
  powerSaveBlocker.active.clear();
  session.defaultSession.permissionRequestHandler = null;
  session.defaultSession.permissionCheckHandler = null;
  nativeTheme.themeSource = 'system';
}

export {
  BrowserWindowMock as BrowserWindow,
  MenuMock as Menu,
  NotificationMock as Notification,
  TrayMock as Tray,
};

export default {
  app,
  BrowserWindow: BrowserWindowMock,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu: MenuMock,
  nativeImage,
  nativeTheme,
  Notification: NotificationMock,
  powerMonitor,
  powerSaveBlocker,
  safeStorage,
  session,
  shell,
  Tray: TrayMock,
};
