import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER_NAME = 'Chart Sync';
export const DATABASE_FILE_NAME = 'chart-sync.sqlite';
/** Demo data lives in its own file, so switching credentials on never mixes it with real data. */
export const DEMO_DATABASE_FILE_NAME = 'chart-sync-demo.sqlite';

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Where the database lives: CHART_SYNC_DATA_DIR if set, else the platform's per-user data folder (the same
 * folder Electron's app.getPath('userData') gives the desktop app, so CLI and desktop share one database).
 */
export function resolveDataDir(
  env: Environment = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env.CHART_SYNC_DATA_DIR?.trim();
  if (override) return override;
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
    default:
      return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER_NAME);
  }
}
