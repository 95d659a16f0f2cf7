import { powerMonitor, powerSaveBlocker } from 'electron';
import type { Disposer } from './lifecycle';
import type { ShellPort } from './shell-port';

/**
 * Sleep and syncing. While a sync runs, the OS is asked not to suspend the app (`prevent-app-suspension`: the
 * screen may still sleep), and only then, so a laptop left idle sleeps as usual. When the machine wakes, the
 * scheduler runs its catch-up once (the slots missed while asleep), instead of waiting for its next tick.
 */
export function setupPower(port: ShellPort, resume: () => void): Disposer {
  const running = new Set<number>();
  let blocker: number | null = null;
  const follow = () => {
    if (running.size > 0 && blocker === null) blocker = powerSaveBlocker.start('prevent-app-suspension');
    if (running.size === 0 && blocker !== null) {
      powerSaveBlocker.stop(blocker);
      blocker = null;
    }
  };
  const offUpdated = port.events.on('execution/updated', (execution) => {
    // Pending (waiting for a slot or a retry's backoff) holds nothing: only a sync at work does.
    if (execution.status === 'running') running.add(execution.id);
    else running.delete(execution.id);
    follow();
  });
  // Another database now (demo ↔ real): its execution ids are other ones, and the old engine's runs ended.
  const offReconnected = port.events.on('app/connection-changed', () => {
    running.clear();
    follow();
  });
  const onResume = () => {
    try {
      resume();
    } catch (error) {
      console.error('chart-sync: catching up after sleep failed:', error);
    }
  };
  powerMonitor.on('resume', onResume);
  return () => {
    offUpdated();
    offReconnected();
    powerMonitor.off('resume', onResume);
    running.clear();
    follow();
  };
}
