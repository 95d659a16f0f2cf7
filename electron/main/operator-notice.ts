import { Notification } from 'electron';
import type { MainWindow } from './main-window';

/** Electron drops a notification's click handler when the object is garbage collected: kept until closed. */
const shown = new Set<Notification>();

/**
 * Tells the operator what an action of the shell itself (a tray item) could not do: the tray has no window to
 * answer in, and a line on stderr reaches nobody in an installed app. A click shows the window.
 */
export function noticeToOperator(mainWindow: MainWindow, title: string, body: string): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title, body, urgency: 'critical' });
  shown.add(notification);
  notification.on('click', () => {
    shown.delete(notification);
    mainWindow.show();
  });
  notification.on('close', () => shown.delete(notification));
  notification.show();
}
