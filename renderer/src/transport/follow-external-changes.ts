import { useApp } from '../store/app-store';
import { resync, subscribe } from './api';

/**
 * Another process (the CLI) changed the database: the engine cannot say what, so the status line and the
 * screen on display fetch again, as after a reconnection. Returns the unsubscribe.
 */
export function followExternalChanges(): () => void {
  return subscribe('app/external-change', () => {
    void useApp.getState().refreshStatus();
    resync();
  });
}
