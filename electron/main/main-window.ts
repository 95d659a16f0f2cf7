import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { HOST_CHANNELS } from '../../shared/contract/channels';
import { appPageFile, devServerUrl } from './app-page';

const WINDOW_SIZE = { width: 1280, height: 820, minWidth: 960, minHeight: 600 };

/**
 * The one window, shared by the steps that show it (tray, notifications, a second launch) and the lifecycle that
 * hides it. The renderer is untrusted: isolated, sandboxed, no Node (setupSecurity refuses the rest).
 */
export class MainWindow {
  private window: BrowserWindow | null = null;

  /** Opens the window; `hidden` (a start at login) keeps it in the tray until the operator asks for it. */
  open({ hidden }: { hidden: boolean }): BrowserWindow {
    const window = new BrowserWindow({
      ...WINDOW_SIZE,
      show: false,
      title: 'Chart Sync',
      webPreferences: {
        preload: join(import.meta.dirname, '../preload/index.js'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webviewTag: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
      },
    });
    if (!hidden) window.once('ready-to-show', () => window.show());
    const devServer = devServerUrl();
    if (devServer) void window.loadURL(devServer);
    else void window.loadFile(appPageFile());
    this.window = window;
    return window;
  }

  get current(): BrowserWindow | null {
    return this.window && !this.window.isDestroyed() ? this.window : null;
  }

  isVisible(): boolean {
    return this.current?.isVisible() ?? false;
  }

  show(): void {
    const window = this.current;
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }

  hide(): void {
    this.current?.hide();
  }

  /** Shows the window on a screen of the app (`#/alerts`, `#/executions/12`): the preload hands it to the router. */
  navigate(href: string): void {
    const window = this.current;
    if (!window) return;
    this.show();
    window.webContents.send(HOST_CHANNELS.navigate, href);
  }
}
