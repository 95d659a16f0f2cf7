export { attachNotifications, type Notifications, type NotificationsOptions } from './notification-service';
