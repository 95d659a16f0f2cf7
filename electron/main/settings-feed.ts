import type { SettingsView } from '../../shared/views/settings';
import { callPort, type ShellPort } from './shell-port';

/**
 * Calls `listener` with the settings now, then after each change (`settings/changed`, from any host: the window,
 * the CLI, REST), and again after a reconnection: the other database has settings of its own (carried only where
 * it lacked them), and no `settings/changed` says so. A change that arrives while a read is under way wins over
 * that read.
 */
export function followSettings(port: ShellPort, listener: (settings: SettingsView) => void): () => void {
  let generation = 0;
  let disposed = false;
  const read = () => {
    const asked = ++generation;
    callPort(port, 'settings/get', {}).then(
      (settings) => {
        if (!disposed && asked === generation) listener(settings);
      },
      (error: unknown) => console.error('chart-sync: reading the settings failed:', error),
    );
  };
  const offs = [
    port.events.on('settings/changed', (settings) => {
      generation++;
      listener(settings);
    }),
    port.events.on('app/connection-changed', read),
  ];
  read();
  return () => {
    disposed = true;
    for (const off of offs) off();
  };
}
