import { useApp } from '../store/app-store';
import { resync, subscribe } from './api';

/**
 * Another process (the CLI) changed the database, or the host reconnected to Soundcharts (other credentials or
 * API URL, perhaps another database: demo or real): the engine cannot say what changed, so the status line and
 * the screen on display fetch again, as after a reconnection. Returns the unsubscribe.
 */
export function followExternalChanges(): () => void {
  const refetch = () => {
    void useApp.getState().refreshStatus();
    resync();
  };
  const offs = [subscribe('app/external-change', refetch), subscribe('app/connection-changed', refetch)];
  return () => {
    for (const off of offs) off();
  };
}
