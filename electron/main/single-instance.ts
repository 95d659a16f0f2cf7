import { app } from 'electron';
import type { MainWindow } from './main-window';
import { HIDDEN_FLAG } from './start-options';

/**
 * One Chart Sync per user: two schedulers must never run against one database. A second launch shows the running
 * one's window instead (unless it is the login item starting hidden) and ends. Returns false in that second one.
 */
export function setupSingleInstance(mainWindow: MainWindow): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv: string[]) => {
    if (!argv.includes(HIDDEN_FLAG)) mainWindow.show();
  });
  return true;
}
