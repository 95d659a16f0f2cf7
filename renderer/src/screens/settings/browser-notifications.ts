/**
 * Permission for browser notifications on the headless host (the desktop app's notifications are the OS's, with
 * no permission to ask). Kept to these two functions so the renderer's notification code can take them over.
 */
export type BrowserNotificationPermission = NotificationPermission | 'unsupported';

type NotificationApi = Pick<typeof Notification, 'permission' | 'requestPermission'>;

function api(scope: { Notification?: NotificationApi } = globalThis): NotificationApi | null {
  return scope.Notification ?? null;
}

export function browserNotificationPermission(scope?: {
  Notification?: NotificationApi;
}): BrowserNotificationPermission {
  return api(scope)?.permission ?? 'unsupported';
}

/** Asks the browser (it shows its prompt only after a click, hence a button); never throws. */
export async function requestBrowserNotifications(scope?: {
  Notification?: NotificationApi;
}): Promise<BrowserNotificationPermission> {
  const notification = api(scope);
  if (!notification) return 'unsupported';
  try {
    return await notification.requestPermission();
  } catch {
    return notification.permission;
  }
}
