import { app, powerMonitor } from 'electron';
import { CLOSE_TO_TRAY_DEFAULT } from '../../shared/domain/policies';
import type { HostedEngine } from '../engine/host';
import type { MainWindow } from './main-window';
import { followSettings } from './settings-feed';
import type { ShellPort } from './shell-port';

/** What a setup step leaves running (listeners, the tray, a power blocker), undone when the app quits. */
export type Disposer = () => void;

/**
 * Closing the window hides it and syncing goes on in the tray (Settings → close to tray, on by default); with the
 * setting off, closing quits. A quit (the tray's or the app menu's Quit, the OS logging out or shutting down)
 * marks the app as quitting first, so the window then really closes; the engine is then closed (the scheduler
 * stops, the period in flight commits, the database closes) before the process exits.
 */
export function setupLifecycle(options: {
  hosted: HostedEngine;
  port: ShellPort;
  mainWindow: MainWindow;
  disposers: Disposer[];
}): void {
  const { hosted, port, mainWindow, disposers } = options;
  let closeToTray = CLOSE_TO_TRAY_DEFAULT;
  let quitting = false;
  disposers.push(
    followSettings(port, (settings) => {
      closeToTray = settings.closeToTray;
    }),
  );
  app.on('before-quit', () => {
    quitting = true;
  });
  mainWindow.current?.on('close', (event) => {
    if (quitting || !closeToTray) return;
    event.preventDefault();
    mainWindow.hide();
  });
  // Listening is what keeps Electron from quitting by itself when the last window closes.
  app.on('window-all-closed', () => {
    if (!closeToTray) app.quit();
  });
  // macOS: clicking the Dock icon of the app running in the menu bar brings the window back.
  app.on('activate', () => mainWindow.show());
  // Linux and macOS announce a shutdown or logout: quit cleanly rather than be killed mid-period.
  powerMonitor.on('shutdown', () => app.quit());
  let closing = false;
  app.on('will-quit', (event) => {
    // Held until the engine has closed; another quit meanwhile (a second Quit click) must not end it early.
    event.preventDefault();
    if (closing) return;
    closing = true;
    for (const dispose of disposers.splice(0).reverse()) {
      try {
        dispose();
      } catch (error) {
        console.error('chart-sync: shutting down a part of the shell failed:', error);
      }
    }
    void hosted
      .close()
      .catch((error: unknown) => console.error('chart-sync: closing the engine failed:', error))
      .finally(() => app.exit(0));
  });
}
