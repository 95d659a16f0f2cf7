// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { notificationHref } from '../../../shared/domain/notification-rules';
import type { NotificationTarget, NotificationView } from '../../../shared/views/notification';
import { parseRoute } from '../../../renderer/src/routing/routes';
import { navigate } from '../../../renderer/src/routing/use-route';
import {
  requestBrowserNotifications,
  showBrowserNotifications,
} from '../../../renderer/src/transport/browser-notifications';
import { installFakeClient, type FakeClient } from '../support/fake-client';

const VIEW: NotificationView = {
  id: 'alert-7',
  kind: 'sync_failed',
  severity: 'error',
  title: 'Sync failed: Top Songs',
  body: 'The sync of Top Songs failed after 3 retries. Open it to see the error and retry.',
  target: { screen: 'execution', id: 12 },
};

/** A browser's Notification: records what was shown; `permission` is what the operator chose. */
function fakeNotificationApi(permission: NotificationPermission) {
  const shown: { title: string; options?: NotificationOptions; instance: FakeNotification }[] = [];
  class FakeNotification {
    static permission = permission;
    static requestPermission = vi.fn(async () => FakeNotification.permission);
    onclick: ((this: Notification, ev: Event) => unknown) | null = null;
    close = vi.fn();
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, options, instance: this });
    }
  }
  return { Api: FakeNotification, shown };
}

let fake: FakeClient;
beforeEach(() => {
  fake = installFakeClient();
  window.location.hash = '';
});

function page(permission: NotificationPermission, more: Record<string, unknown> = {}) {
  const { Api, shown } = fakeNotificationApi(permission);
  const focus = vi.fn();
  return { scope: { Notification: Api, focus, ...more } as never, shown, focus, Api };
}

describe('browser notifications on the headless host', () => {
  it('shows notification/show when allowed; a click focuses the tab and opens the target', () => {
    const { scope, shown, focus } = page('granted');
    const off = showBrowserNotifications(scope);
    fake.emit('notification/show', VIEW);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ title: VIEW.title, options: { body: VIEW.body, tag: 'alert-7' } });

    shown[0]!.instance.onclick?.call({} as Notification, new Event('click'));
    expect(focus).toHaveBeenCalled();
    expect(window.location.hash).toBe('#/executions/12');
    expect(shown[0]!.instance.close).toHaveBeenCalled();

    off();
    fake.emit('notification/show', VIEW);
    expect(shown).toHaveLength(1);
  });

  it.each(['default', 'denied'] as const)('shows nothing while the permission is %s', (permission) => {
    const { scope, shown } = page(permission);
    showBrowserNotifications(scope);
    fake.emit('notification/show', VIEW);
    expect(shown).toEqual([]);
  });

  it('follows a permission granted later, without reloading', () => {
    const { scope, shown, Api } = page('default');
    showBrowserNotifications(scope);
    fake.emit('notification/show', VIEW);
    Api.permission = 'granted';
    fake.emit('notification/show', { ...VIEW, id: 'alert-8' });
    expect(shown.map((s) => s.options?.tag)).toEqual(['alert-8']);
  });

  it('stays silent in the desktop app, whose main process shows OS notifications', () => {
    for (const desktop of [{ chartSyncHost: {} }, { chartSync: {} }]) {
      const { scope, shown } = page('granted', desktop);
      const off = showBrowserNotifications(scope);
      fake.emit('notification/show', VIEW);
      expect(shown).toEqual([]);
      off();
    }
  });

  it('a browser without notifications, or one that refuses to build one, is no error', () => {
    showBrowserNotifications({ focus: vi.fn() } as never);
    expect(() => fake.emit('notification/show', VIEW)).not.toThrow();
    class Throwing {
      static permission = 'granted';
      constructor() {
        throw new TypeError('Illegal constructor');
      }
    }
    showBrowserNotifications({ Notification: Throwing, focus: vi.fn() } as never);
    expect(() => fake.emit('notification/show', VIEW)).not.toThrow();
  });

  it('requestBrowserNotifications asks the browser, and says when it has no notifications', async () => {
    const { Api } = fakeNotificationApi('granted');
    expect(await requestBrowserNotifications({ Notification: Api })).toBe('granted');
    expect(Api.requestPermission).toHaveBeenCalled();
    expect(await requestBrowserNotifications({})).toBe('unsupported');
  });
});

describe('notificationHref: the same address for the desktop shell and the browser', () => {
  it.each([
    { target: { screen: 'execution', id: 12 }, route: { screen: 'execution-detail', id: 12 } },
    { target: { screen: 'schedule', id: 3 }, route: { screen: 'schedule-detail', id: 3 } },
    { target: { screen: 'alerts' }, route: { screen: 'alerts', filter: {} } },
    { target: { screen: 'settings' }, route: { screen: 'settings' } },
  ] as { target: NotificationTarget; route: unknown }[])(
    '$target.screen opens its screen',
    ({ target, route }) => {
      expect(parseRoute(notificationHref(target))).toEqual(route);
      navigate(notificationHref(target));
      expect(parseRoute(window.location.hash)).toEqual(route);
    },
  );
});
