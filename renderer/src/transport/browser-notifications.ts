import { notificationHref } from '../../../shared/domain/notification-rules';
import type { NotificationView } from '../../../shared/views/notification';
import { navigate } from '../routing/use-route';
import { subscribe } from './api';
import { isDesktopApp } from './host';

/**
 * Notifications on the headless host: the engine decides what to show (`notification/show`, after the kind
 * filter and the flood guard) and a browser tab shows it, when the operator allowed it. The desktop app shows
 * the same events as OS notifications from its main process, so the page stays silent there.
 */
export type BrowserNotificationPermission = NotificationPermission | 'unsupported';

type NotificationApi = Pick<typeof Notification, 'permission' | 'requestPermission'> & {
  new (title: string, options?: NotificationOptions): Pick<Notification, 'close' | 'onclick'>;
};
type NotificationScope = { Notification?: Pick<NotificationApi, 'permission' | 'requestPermission'> };

function api(scope: NotificationScope = globalThis): NotificationScope['Notification'] | null {
  return scope.Notification ?? null;
}

export function browserNotificationPermission(scope?: NotificationScope): BrowserNotificationPermission {
  return api(scope)?.permission ?? 'unsupported';
}

/** Asks the browser (it shows its prompt only after a click, hence a button); never throws. */
export async function requestBrowserNotifications(
  scope?: NotificationScope,
): Promise<BrowserNotificationPermission> {
  const notification = api(scope);
  if (!notification) return 'unsupported';
  try {
    return await notification.requestPermission();
  } catch {
    return notification.permission;
  }
}

type PageScope = Pick<Window, 'chartSync' | 'chartSyncHost' | 'focus'> & { Notification?: NotificationApi };

/**
 * Shows each `notification/show` as a browser notification while permission is granted (asked for in
 * Settings); a click focuses the tab and opens the notification's screen. Returns the unsubscribe.
 */
export function showBrowserNotifications(
  page: PageScope = window as unknown as PageScope,
  openScreen: (href: string) => void = navigate,
): () => void {
  return subscribe('notification/show', (view) => {
    if (isDesktopApp(page)) return;
    const Api = page.Notification;
    // Read at each notification: the operator may allow or block them at any time.
    if (!Api || Api.permission !== 'granted') return;
    showOne(Api, view, () => {
      page.focus();
      openScreen(notificationHref(view.target));
    });
  });
}

function showOne(Api: NotificationApi, view: NotificationView, onClick: () => void): void {
  try {
    // The tag makes the same notification from two open tabs replace, not repeat, each other.
    const shown = new Api(view.title, { body: view.body, tag: view.id });
    shown.onclick = () => {
      onClick();
      shown.close();
    };
  } catch {
    // Some browsers only allow notifications from a service worker (Chrome on Android): nothing to show then.
  }
}
