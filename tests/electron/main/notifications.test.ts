import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MainWindow } from '../../../electron/main/main-window';
import { APP_USER_MODEL_ID, setupNotifications } from '../../../electron/main/notifications';
import { HOST_CHANNELS } from '../../../shared/contract/channels';
import type { NotificationView } from '../../../shared/views/notification';
import { app, BrowserWindowMock, NotificationMock, resetElectronMock } from '../../mocks/electron';
import { fakePort } from './fake-port';

function notification(overrides: Partial<NotificationView> = {}): NotificationView {
  return {
    id: '12',
    kind: 'sync_failed',
    severity: 'error',
    title: 'Top Songs (global): the sync failed',
    body: 'Soundcharts answered 500 three times. Chart Sync tries again at the next slot.',
    target: { screen: 'execution', id: 41 },
    ...overrides,
  } as NotificationView;
}

describe('setupNotifications', () => {
  let fake: ReturnType<typeof fakePort>;
  let mainWindow: MainWindow;
  let window: BrowserWindowMock;

  beforeEach(() => {
    resetElectronMock();
    fake = fakePort();
    mainWindow = new MainWindow();
    mainWindow.open({ hidden: true });
    window = BrowserWindowMock.windows[0]!;
  });

  it('shows one OS notification per notification/show, as the engine wrote it', () => {
    setupNotifications(fake.port, mainWindow, 'linux');
    fake.events.emit('notification/show', notification());
    fake.events.emit(
      'notification/show',
      notification({ id: '13', severity: 'warning', title: 'Quota low' }),
    );
    expect(NotificationMock.instances.map((n) => [n.options, n.shown])).toEqual([
      [
        {
          title: 'Top Songs (global): the sync failed',
          body: 'Soundcharts answered 500 three times. Chart Sync tries again at the next slot.',
          urgency: 'critical',
        },
        true,
      ],
      [expect.objectContaining({ title: 'Quota low', urgency: 'normal' }), true],
    ]);
  });

  it('a click shows the window on the notification’s target', () => {
    setupNotifications(fake.port, mainWindow, 'linux');
    const targets: [NotificationView['target'], string][] = [
      [{ screen: 'execution', id: 41 }, '#/executions/41'],
      [{ screen: 'schedule', id: 7 }, '#/schedules/7'],
      [{ screen: 'alerts' }, '#/alerts'],
      [{ screen: 'settings' }, '#/settings'],
    ];
    for (const [index, [target, href]] of targets.entries()) {
      window.hide();
      fake.events.emit('notification/show', notification({ target }));
      NotificationMock.instances[index]!.emit('click');
      expect(window.visible).toBe(true);
      expect(window.webContents.send).toHaveBeenLastCalledWith(HOST_CHANNELS.navigate, href);
    }
  });

  it('sets the Windows AppUserModelID (the installer’s appId), only on Windows', () => {
    setupNotifications(fake.port, mainWindow, 'linux');
    expect(app.setAppUserModelId).not.toHaveBeenCalled();
    setupNotifications(fake.port, mainWindow, 'win32');
    expect(app.setAppUserModelId).toHaveBeenCalledWith(APP_USER_MODEL_ID);
    const builder = parse(readFileSync('electron-builder.yml', 'utf8')) as { appId: string };
    expect(builder.appId).toBe(APP_USER_MODEL_ID);
  });

  it('shows nothing where the OS has no notifications, and nothing once disposed', () => {
    NotificationMock.isSupported.mockReturnValue(false);
    const dispose = setupNotifications(fake.port, mainWindow, 'linux');
    fake.events.emit('notification/show', notification());
    expect(NotificationMock.instances).toHaveLength(0);
    NotificationMock.isSupported.mockReturnValue(true);
    dispose();
    fake.events.emit('notification/show', notification());
    expect(NotificationMock.instances).toHaveLength(0);
  });
});
