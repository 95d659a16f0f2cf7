import { nativeTheme } from 'electron';
import type { Disposer } from './lifecycle';
import { followSettings } from './settings-feed';
import type { ShellPort } from './shell-port';

/**
 * The theme setting (system, light, dark) drives Electron's own: native dialogs, menus, scrollbars and the page's
 * `prefers-color-scheme` follow it, set from any host.
 */
export function setupTheme(port: ShellPort): Disposer {
  return followSettings(port, (settings) => {
    nativeTheme.themeSource = settings.theme;
  });
}
