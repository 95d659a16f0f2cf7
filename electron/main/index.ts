import { app } from 'electron';
import type { HostedEngine } from '../engine/host';
import { setupAutostart } from './autostart';
import { dataDirectory, setupEngine } from './engine';
import { setupIpc } from './ipc';
import { setupLifecycle, type Disposer } from './lifecycle';
import { MainWindow } from './main-window';
import { setupNotifications } from './notifications';
import { noticeToOperator } from './operator-notice';
import { setupPower } from './power';
import { setupSecurity } from './security';
import { setupScheduler } from './scheduler';
import { portOf } from './shell-port';
import { setupSingleInstance } from './single-instance';
import { setupTheme } from './theme';
import { setupTray } from './tray';
import { setupVault } from './vault';
import { setupWindow } from './window';

/**
 * The desktop shell, as a flat list of steps (each its own file): it only shows what the engine does, which is
 * the same engine the headless host and the CLI run. Returns the hosted engine, or null when this process ends
 * at once (another instance runs, or the engine refused to start).
 */
export async function main(argv: readonly string[] = process.argv): Promise<HostedEngine | null> {
  const mainWindow = new MainWindow();
  if (!setupSingleInstance(mainWindow)) return null;
  await app.whenReady();
  const disposers: Disposer[] = [setupSecurity()];
  const dataDir = dataDirectory();
  const hosted = await setupEngine(dataDir, setupVault(dataDir));
  if (!hosted) return null;
  const port = portOf(hosted);
  disposers.push(setupIpc(port));
  setupWindow(mainWindow, argv);
  disposers.push(setupTray(port, mainWindow));
  disposers.push(setupNotifications(port, mainWindow));
  disposers.push(
    setupAutostart(port, undefined, (message) => noticeToOperator(mainWindow, 'Launch at login', message)),
  );
  disposers.push(setupPower(port, () => hosted.engine.resume()));
  disposers.push(setupTheme(port));
  setupLifecycle({ hosted, port, mainWindow, disposers });
  disposers.push(setupScheduler(hosted, mainWindow));
  return hosted;
}

if (!process.env.VITEST) void main();
