import type { SettingsView } from '../../shared/views/settings';
import { callPort, type ShellPort } from './shell-port';

/**
 * Calls `listener` with the settings now, then after each change (`settings/changed`, from any host: the window,
 * the CLI, REST). A change that arrives while the first read is under way wins over that read.
 */
export function followSettings(port: ShellPort, listener: (settings: SettingsView) => void): () => void {
  let changed = false;
  const off = port.events.on('settings/changed', (settings) => {
    changed = true;
    listener(settings);
  });
  callPort(port, 'settings/get', {}).then(
    (settings) => {
      if (!changed) listener(settings);
    },
    (error: unknown) => console.error('chart-sync: reading the settings failed:', error),
  );
  return off;
}
