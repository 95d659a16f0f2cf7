import type { MainWindow } from './main-window';
import { startsHidden } from './start-options';

/** Opens the window, shown once ready, or kept in the tray when launched at login (`--hidden`). */
export function setupWindow(mainWindow: MainWindow, argv: readonly string[] = process.argv): void {
  mainWindow.open({ hidden: startsHidden(argv) });
}
