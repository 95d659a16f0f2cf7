import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TrayService, type TrayActions } from '../../../electron/main/tray-service';
import type { MenuMock, NativeImageMock } from '../../mocks/electron';
import { resetElectronMock, TrayMock } from '../../mocks/electron';
import { appStatus } from './fake-port';

const NOW = Date.UTC(2026, 11, 7, 12, 0);
const ICONS = '/app/resources/tray';

function actions(): TrayActions {
  return {
    toggleWindow: vi.fn(),
    syncDue: vi.fn(),
    pauseAll: vi.fn(),
    resumeAll: vi.fn(),
    openExecution: vi.fn(),
    openAlerts: vi.fn(),
    quit: vi.fn(),
  };
}

function service(platform: NodeJS.Platform = 'linux', visible = true) {
  const acts = actions();
  const tray = new TrayService({
    iconDirectory: ICONS,
    actions: acts,
    isWindowVisible: () => visible,
    now: () => NOW,
    platform,
  });
  return { tray, acts };
}

function onlyTray(): TrayMock {
  expect(TrayMock.instances).toHaveLength(1);
  return TrayMock.instances[0]!;
}

const imagePath = (t: TrayMock) => (t.image as NativeImageMock).path;

describe('TrayService', () => {
  beforeEach(() => resetElectronMock());

  it('shows nothing before the first status', () => {
    service().tray.render();
    expect(TrayMock.instances).toHaveLength(0);
  });

  it('renders each state’s icon, and the tooltip with the counts', () => {
    const { tray } = service();
    tray.update(appStatus());
    const t = onlyTray();
    expect(imagePath(t)).toBe(join(ICONS, 'idle.png'));
    expect(t.tooltip).toBe('Chart Sync: 2 schedules (2 active)');

    tray.update(appStatus({ executions: { running: 1, pending: 2 } }));
    expect(imagePath(t)).toBe(join(ICONS, 'syncing.png'));
    expect(t.tooltip).toBe('Chart Sync: 2 schedules (2 active) · 1 syncing · 2 waiting');

    const failing = appStatus();
    failing.schedules.byHealth.failing = 1;
    tray.update(failing);
    expect(imagePath(t)).toBe(join(ICONS, 'attention.png'));
    expect(t.tooltip).toMatch(/1 needs attention/);

    tray.update(appStatus({ schedules: { ...appStatus().schedules, active: 0 } }));
    expect(imagePath(t)).toBe(join(ICONS, 'paused.png'));
    expect(t.tooltip).toMatch(/all paused/);
    // One tray, its image changed as the state did (not on every render).
    tray.update(appStatus({ schedules: { ...appStatus().schedules, active: 0 } }));
    expect(t.setImage).toHaveBeenCalledTimes(3);
  });

  it('macOS uses the template images the menu bar tints', () => {
    const { tray } = service('darwin');
    tray.update(appStatus({ executions: { running: 1, pending: 0 } }));
    const image = onlyTray().image as NativeImageMock;
    expect(image.path).toBe(join(ICONS, 'syncingTemplate.png'));
    expect(image.template).toBe(true);
  });

  it('builds the menu from the status, and sets it again on every render (Linux needs that)', () => {
    const { tray } = service('linux', true);
    tray.update(appStatus());
    const t = onlyTray();
    expect(t.contextMenu!.labels()).toEqual([
      'Hide Chart Sync',
      'Sync all due now',
      'Pause all schedules',
      'Resume all schedules',
      'Quit Chart Sync',
    ]);
    expect(t.contextMenu!.item('Resume all schedules').enabled).toBe(false);
    expect(t.contextMenu!.item('Pause all schedules').enabled).toBe(true);

    tray.update(
      appStatus({
        lastSync: {
          executionId: 41,
          chartName: 'Top Songs (global)',
          status: 'failed',
          endedAt: NOW - 5 * 60_000,
        },
        unreadAlerts: 3,
      }),
    );
    expect(t.setContextMenu).toHaveBeenCalledTimes(2);
    expect(t.contextMenu!.labels()).toEqual([
      'Hide Chart Sync',
      'Sync all due now',
      'Pause all schedules',
      'Resume all schedules',
      'Last sync: Top Songs (global) — failed, 5 min ago',
      '3 unread alerts',
      'Quit Chart Sync',
    ]);
  });

  it('each item does its action', () => {
    const { tray, acts } = service('linux', false);
    tray.update(
      appStatus({
        schedules: { ...appStatus().schedules, active: 1, resumable: 1 },
        lastSync: { executionId: 41, chartName: 'Top', status: 'completed', endedAt: NOW },
        unreadAlerts: 1,
      }),
    );
    const menu = onlyTray().contextMenu as MenuMock;
    menu.item('Show Chart Sync').click!();
    menu.item('Sync all due now').click!();
    menu.item('Pause all schedules').click!();
    menu.item('Resume all schedules').click!();
    menu.item(/^Last sync/).click!();
    menu.item('1 unread alert').click!();
    menu.item('Quit Chart Sync').click!();
    expect(acts.toggleWindow).toHaveBeenCalledTimes(1);
    expect(acts.syncDue).toHaveBeenCalledTimes(1);
    expect(acts.pauseAll).toHaveBeenCalledTimes(1);
    expect(acts.resumeAll).toHaveBeenCalledTimes(1);
    expect(acts.openExecution).toHaveBeenCalledWith(41);
    expect(acts.openAlerts).toHaveBeenCalledTimes(1);
    expect(acts.quit).toHaveBeenCalledTimes(1);
    // A click on the icon (Windows, macOS) toggles the window too.
    onlyTray().emit('click');
    expect(acts.toggleWindow).toHaveBeenCalledTimes(2);
  });

  it('"Resume all" is offered only when Pause all paused schedules that are still paused (else it would refuse)', () => {
    const { tray } = service();
    // One paused by hand: resume-all would answer "Nothing to resume".
    tray.update(appStatus({ schedules: { ...appStatus().schedules, active: 1, resumable: 0 } }));
    expect(onlyTray().contextMenu!.item('Resume all schedules').enabled).toBe(false);
    tray.update(appStatus({ schedules: { ...appStatus().schedules, active: 0, resumable: 2 } }));
    expect(onlyTray().contextMenu!.item('Resume all schedules').enabled).toBe(true);
  });

  it('with no schedule, nothing to sync, pause or resume', () => {
    const { tray } = service();
    tray.update(appStatus({ schedules: { ...appStatus().schedules, total: 0, active: 0 } }));
    const menu = onlyTray().contextMenu!;
    for (const label of ['Sync all due now', 'Pause all schedules', 'Resume all schedules'])
      expect(menu.item(label).enabled, label).toBe(false);
  });

  it('destroy removes the tray', () => {
    const { tray } = service();
    tray.update(appStatus());
    tray.destroy();
    expect(onlyTray().destroyed).toBe(true);
  });
});
