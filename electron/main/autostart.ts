import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { app } from 'electron';
import type { Disposer } from './lifecycle';
import { followSettings } from './settings-feed';
import type { ShellPort } from './shell-port';
import { HIDDEN_FLAG } from './start-options';

/** Where this machine keeps things, so a test can point it elsewhere. */
export type AutostartEnvironment = {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  execPath: string;
  isPackaged: boolean;
  appPath: string;
};

export const AUTOSTART_FILE_NAME = 'chart-sync.desktop';

function currentEnvironment(): AutostartEnvironment {
  return {
    platform: process.platform,
    env: process.env,
    home: homedir(),
    execPath: process.execPath,
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
  };
}

/**
 * Launch at login (Settings, from any host) starts the app hidden in the tray. macOS and Windows keep login items
 * themselves; Linux desktops start what ~/.config/autostart holds (XDG_CONFIG_HOME respected), so the app writes
 * its own entry there, and removes it when the setting is turned off.
 */
export function setupAutostart(
  port: ShellPort,
  environment: AutostartEnvironment = currentEnvironment(),
  /** Tells the operator (a notification): Settings says on, yet nothing would start at login. */
  onFailure: (message: string) => void = () => {},
): Disposer {
  let applied: boolean | null = null;
  return followSettings(port, ({ launchAtLogin }) => {
    if (launchAtLogin === applied) return;
    applied = launchAtLogin;
    try {
      applyLaunchAtLogin(launchAtLogin, environment);
    } catch (error) {
      console.error('chart-sync: launch at login could not be changed:', error);
      const why = error instanceof Error ? error.message : String(error);
      onFailure(`Launch at login could not be turned ${launchAtLogin ? 'on' : 'off'}: ${why}`);
    }
  });
}

export function applyLaunchAtLogin(enabled: boolean, environment: AutostartEnvironment): void {
  const [program, ...args] = loginCommand(environment);
  if (environment.platform !== 'linux') {
    app.setLoginItemSettings({ openAtLogin: enabled, path: program!, args });
    return;
  }
  const file = autostartFile(environment);
  if (!enabled) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, desktopEntry([program!, ...args]));
}

export function autostartFile({ env, home }: Pick<AutostartEnvironment, 'env' | 'home'>): string {
  const configHome = env.XDG_CONFIG_HOME?.trim() || join(home, '.config');
  return join(configHome, 'autostart', AUTOSTART_FILE_NAME);
}

/**
 * What starts the app: the AppImage itself (APPIMAGE; its mounted executable moves at each start), else the
 * installed executable; from source, Electron with the project. Always hidden.
 */
function loginCommand(environment: AutostartEnvironment): string[] {
  const program = environment.env.APPIMAGE?.trim() || environment.execPath;
  return environment.isPackaged ? [program, HIDDEN_FLAG] : [program, environment.appPath, HIDDEN_FLAG];
}

function desktopEntry(command: string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Chart Sync',
    'Comment=Keeps syncing Soundcharts charts in the tray',
    `Exec=${command.map(execArgument).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/**
 * One argument of a desktop entry's Exec key: quoted when it holds a reserved character, with ", `, $ and \
 * escaped inside the quotes, then backslashes doubled again for the string value; % doubled (field codes).
 */
export function execArgument(argument: string): string {
  const percent = argument.replaceAll('%', '%%');
  if (!/[\s"'\\><~|&;$*?#()`]/.test(percent)) return percent;
  const quoted = `"${percent.replace(/(["`$\\])/g, '\\$1')}"`;
  return quoted.replaceAll('\\', '\\\\');
}
