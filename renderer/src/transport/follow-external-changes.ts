import { useApp } from '../store/app-store';
import { resync, subscribe } from './api';

/**
 * Another process (the CLI) changed the database: the engine announced the charts and schedules it changed
 * (the Charts screen patches those rows); the status line and views of anything else fetch again. The host
 * reconnected to Soundcharts (other credentials or API URL, perhaps another database: demo or real): every
 * view fetches again, as after a reconnection. Returns the unsubscribe.
 */
export function followExternalChanges(): () => void {
  const refetch = (reason: 'reconnect' | 'external-change') => () => {
    void useApp.getState().refreshStatus();
    resync(reason);
  };
  const offs = [
    subscribe('app/external-change', refetch('external-change')),
    subscribe('app/connection-changed', refetch('reconnect')),
  ];
  return () => {
    for (const off of offs) off();
  };
}
