import type { HostedEngine } from '../engine/host';
import type { Disposer } from './lifecycle';
import type { MainWindow } from './main-window';
import { noticeToOperator } from './operator-notice';

/**
 * Starts scheduled syncing, now and on the engine of each reconnection that does not sync yet. Another process
 * may hold that database's sync lock (`chart-sync serve`, a running `chart-sync sync`): the app then still shows
 * the data but does not sync, and says so where the operator sees it, not only on a stderr nobody reads.
 */
export function setupScheduler(hosted: HostedEngine, mainWindow: MainWindow): Disposer {
  const start = () => {
    if (hosted.engine.scheduler.started) return;
    try {
      hosted.engine.startScheduler();
    } catch (error) {
      console.error('chart-sync: the scheduler could not start:', error);
      const why = error instanceof Error ? error.message : String(error);
      noticeToOperator(
        mainWindow,
        'Chart Sync is not syncing',
        `${why} Until then this app shows the data without syncing; start it again once that one has stopped.`,
      );
    }
  };
  start();
  // The supervisor starts the new engine's scheduler only if the old one ran it, and refusals go to its log.
  return hosted.onReconnect(start);
}
