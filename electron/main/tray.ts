import { join } from 'node:path';
import { app } from 'electron';
import type { EventName } from '../../shared/contract/events';
import { TRAY_REFRESH_MAX_INTERVAL_MS, TRAY_REFRESH_MIN_INTERVAL_MS } from '../../shared/domain/policies';
import { notificationHref } from '../../shared/domain/notification-rules';
import type { Disposer } from './lifecycle';
import type { MainWindow } from './main-window';
import { noticeToOperator } from './operator-notice';
import { CallRefused, callPort, type ShellPort } from './shell-port';
import { throttle } from './throttle';
import { TrayService } from './tray-service';

export const NOTHING_DUE = 'Every active schedule waits for its next slot: there was nothing to start.';

/** The tray's items that act on all schedules (each answers a BulkResult). */
type BulkCall = 'schedules/sync-due' | 'schedules/pause-all' | 'schedules/resume-all';

/** The engine events after which the tray's status may read differently. */
const TRAY_EVENTS = [
  'execution/updated',
  'schedule/updated',
  'schedule/removed',
  'alerts/changed',
  'app/external-change',
  'app/connection-changed',
] as const satisfies readonly EventName[];

/** resources/tray in the project; the packaged app carries it beside app.asar (extraResources → tray/). */
export function trayIconDirectory(): string {
  return app.isPackaged ? join(process.resourcesPath, 'tray') : join(app.getAppPath(), 'resources', 'tray');
}

/**
 * The tray, rendered from `app/status` through the port: once now, after the engine events that change it (at most
 * once a second however many arrive), and every minute for the last sync's age. Its items call the same
 * contract as the window (`schedules/sync-due`, `pause-all`, `resume-all`).
 */
export function setupTray(
  port: ShellPort,
  mainWindow: MainWindow,
  iconDirectory: string = trayIconDirectory(),
): Disposer {
  // What an item could not do reaches the operator (the tray has no window to answer in), not only stderr.
  const act = (name: BulkCall, what: string) => () => {
    callPort(port, name, {}).then(
      (result) => {
        if (name === 'schedules/sync-due' && result.results.length === 0) {
          noticeToOperator(mainWindow, 'Nothing is due', NOTHING_DUE);
          return;
        }
        const failure = result.results.find((item) => item.outcome === 'failed');
        if (!failure || failure.ok) return;
        noticeToOperator(
          mainWindow,
          `${what}: ${result.failed} of ${result.results.length} failed`,
          `${failure.label}: ${failure.error.message}`,
        );
      },
      (error: unknown) => {
        console.error(`chart-sync: tray ${name} failed:`, error);
        const message = error instanceof CallRefused ? error.error.message : String(error);
        noticeToOperator(mainWindow, `${what} failed`, message);
      },
    );
  };
  const tray = new TrayService({
    iconDirectory,
    isWindowVisible: () => mainWindow.isVisible(),
    actions: {
      toggleWindow: () => (mainWindow.isVisible() ? mainWindow.hide() : mainWindow.show()),
      syncDue: act('schedules/sync-due', 'Sync all due now'),
      pauseAll: act('schedules/pause-all', 'Pause all schedules'),
      resumeAll: act('schedules/resume-all', 'Resume all schedules'),
      openExecution: (id) => mainWindow.navigate(notificationHref({ screen: 'execution', id })),
      openAlerts: () => mainWindow.navigate(notificationHref({ screen: 'alerts' })),
      quit: () => app.quit(),
    },
  });
  const refresh = throttle(async () => {
    try {
      tray.update(await callPort(port, 'app/status', {}));
    } catch (error) {
      console.error('chart-sync: the tray could not read the status:', error);
    }
  }, TRAY_REFRESH_MIN_INTERVAL_MS);
  const unsubscribe = TRAY_EVENTS.map((name) => port.events.on(name, () => refresh.request()));
  // Show/Hide follows the window, without asking the engine.
  const rerender = () => tray.render();
  const window = mainWindow.current;
  window?.on('show', rerender);
  window?.on('hide', rerender);
  const ticker = setInterval(() => refresh.request(), TRAY_REFRESH_MAX_INTERVAL_MS);
  ticker.unref();
  refresh.request();
  return () => {
    for (const off of unsubscribe) off();
    window?.off('show', rerender);
    window?.off('hide', rerender);
    clearInterval(ticker);
    refresh.cancel();
    tray.destroy();
  };
}
