import { join } from 'node:path';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { main } from '../../../electron/main/index';
import type { HostedEngine } from '../../../electron/engine/host';
import { app, BrowserWindowMock, resetElectronMock } from '../../mocks/electron';
import { useTempDir } from '../../support/database';

/**
 * Runs the shell's main() against the fake electron, in a fresh data folder, with real-looking credentials for an
 * address nothing listens on (no demo emulator, nothing to sync); quits it (and checks it exits) after each test.
 */
export function useShell(): {
  dataDir: () => string;
  start: (argv?: string[]) => Promise<HostedEngine | null>;
  window: () => BrowserWindowMock;
} {
  const tempDir = useTempDir();
  let dataDir = '';
  beforeEach(() => {
    resetElectronMock();
    dataDir = tempDir();
    vi.stubEnv('CHART_SYNC_DATA_DIR', dataDir);
    vi.stubEnv('SOUNDCHARTS_APP_ID', 'test-app');
    vi.stubEnv('SOUNDCHARTS_API_KEY', 'test-key');
    vi.stubEnv('SOUNDCHARTS_API_URL', 'http://127.0.0.1:9');
    // Launch at login writes (or removes) an autostart entry: here, never in the real ~/.config.
    vi.stubEnv('XDG_CONFIG_HOME', join(dataDir, 'config'));
  });
  afterEach(async () => {
    if (app.listenerCount('will-quit') > 0 && app.ended === null) {
      app.quit();
      await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
    }
    vi.unstubAllEnvs();
  });
  return {
    dataDir: () => dataDir,
    start: (argv = ['electron', '.']) => main(argv),
    window: () => {
      const [window] = BrowserWindowMock.windows;
      if (!window) throw new Error('No window was opened.');
      return window;
    },
  };
}
