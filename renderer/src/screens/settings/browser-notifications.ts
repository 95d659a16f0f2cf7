/**
 * Permission for browser notifications on the headless host (the desktop app's notifications are the OS's, with
 * no permission to ask): the renderer's notification code owns them (transport/browser-notifications.ts).
 */
export {
  browserNotificationPermission,
  requestBrowserNotifications,
  type BrowserNotificationPermission,
} from '../../transport/browser-notifications';
