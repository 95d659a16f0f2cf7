import { app, Notification } from 'electron';
import { notificationHref } from '../../shared/domain/notification-rules';
import type { NotificationView } from '../../shared/views/notification';
import type { Disposer } from './lifecycle';
import type { MainWindow } from './main-window';
import type { ShellPort } from './shell-port';

/**
 * Windows shows a notification only for an app with an AppUserModelID, which must be the installer's appId
 * (electron-builder.yml) for the Start menu shortcut to carry it.
 */
export const APP_USER_MODEL_ID = 'com.chartsync.desktop';

/**
 * Shows each `notification/show` as an OS notification. The engine decided everything (which alerts, the kinds
 * turned off, the flood guard), so the headless host's browser shows the same ones; the shell only shows them,
 * and a click shows the window on the notification's target.
 */
export function setupNotifications(
  port: ShellPort,
  mainWindow: MainWindow,
  platform: NodeJS.Platform = process.platform,
): Disposer {
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  // Electron drops a notification's click handler when the object is garbage collected: keep them until closed.
  const shown = new Set<Notification>();
  const off = port.events.on('notification/show', (view: NotificationView) => {
    if (!Notification.isSupported()) return;
    const notification = new Notification({
      title: view.title,
      body: view.body,
      urgency: view.severity === 'error' ? 'critical' : 'normal',
    });
    shown.add(notification);
    notification.on('click', () => {
      shown.delete(notification);
      mainWindow.navigate(notificationHref(view.target));
    });
    notification.on('close', () => shown.delete(notification));
    notification.show();
  });
  return () => {
    off();
    shown.clear();
  };
}
