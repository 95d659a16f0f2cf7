import {
  floodAdmits,
  floodReleaseAt,
  heldNotification,
  notificationForAlert,
  notifies,
  recentShown,
} from '../../../shared/domain/notification-rules';
import type { AlertView } from '../../../shared/views/alert';
import type { NotificationView } from '../../../shared/views/notification';
import type { EventBus } from '../events';
import type { SettingsService } from '../settings/settings-service';

export type NotificationsOptions = {
  events: EventBus;
  settings: Pick<SettingsService, 'get'>;
  now: () => number;
  report: (error: unknown) => void;
  /** Which of these alerts have been resolved since (the alert store), so a held one that ended is not news. */
  resolvedAmong?: (alertIds: number[]) => Set<number>;
};

export type Notifications = {
  /** Stops listening and drops what the flood guard holds (its timer must not outlive the engine). */
  close(): void;
};

/**
 * Desktop notifications as an engine capability: each new alert (`alert/raised`, already one per condition and
 * never one per retry) becomes one `notification/show`, unless its kind is turned off for notifications or the
 * flood guard holds it; what the guard holds arrives as one summary when the minute ends. Hosts only show them.
 */
export function attachNotifications(options: NotificationsOptions): Notifications {
  const { events, settings, now, report } = options;
  let shownAt: number[] = [];
  let held: AlertView[] = [];
  let timer: NodeJS.Timeout | null = null;

  const show = (notification: NotificationView, at: number) => {
    shownAt = [...recentShown(shownAt, at), at];
    events.emit('notification/show', notification);
  };

  const release = () => {
    timer = null;
    try {
      const at = now();
      // A kind turned off while its alerts were held is not shown either.
      const disabled = settings.get().disabledNotificationKinds;
      // A condition that ended while held (the overdue schedule synced) is not shown; events (a recovery,
      // recorded already resolved) still are.
      const ended = options.resolvedAmong?.(held.filter((a) => a.resolvedAt === null).map((a) => a.id));
      const notification = heldNotification(
        held.filter((alert) => notifies(alert, disabled) && !ended?.has(alert.id)),
        at,
      );
      held = [];
      if (notification) show(notification, at);
    } catch (error) {
      report(error);
    }
  };

  const off = events.on('alert/raised', (alert) => {
    // A listener runs inside the alert service's hook: a notification problem must never fail what raised it.
    try {
      const current = settings.get();
      if (!notifies(alert, current.disabledNotificationKinds)) return;
      const at = now();
      // Once alerts are held, later ones join them: the summary comes first, in order.
      if (held.length === 0 && floodAdmits(shownAt, at, current.notificationsPerMinute)) {
        show(notificationForAlert(alert), at);
        return;
      }
      held.push(alert);
      if (timer === null) {
        const releaseAt = floodReleaseAt(shownAt, at, current.notificationsPerMinute);
        timer = setTimeout(release, Math.max(0, releaseAt - at));
        timer.unref();
      }
    } catch (error) {
      report(error);
    }
  });

  return {
    close() {
      off();
      if (timer) clearTimeout(timer);
      timer = null;
      held = [];
    },
  };
}
