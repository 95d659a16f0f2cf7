import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/database';

const BUILT_MAIN = 'out/main/index.js';

/**
 * The smoke test of the desktop app as shipped: the built out/main/index.js (`npx electron-vite build`), in a
 * plain Node process whose `electron` is the fake, with no credentials: it must start the engine in demo mode,
 * put the tray up with its menu, and go on syncing after the window's close event.
 */
describe('the built desktop main under Node', () => {
  const tempDir = useTempDir();

  it('starts in demo mode, shows the tray and keeps syncing after the window is closed', () => {
    expect(existsSync(BUILT_MAIN), `${BUILT_MAIN}: run npx electron-vite build first`).toBe(true);
    const dataDir = tempDir();
    const env: NodeJS.ProcessEnv = {};
    for (const [name, value] of Object.entries(process.env))
      if (!/^(VITEST|SOUNDCHARTS_|CHART_SYNC_)/.test(name) && name !== 'NODE_OPTIONS') env[name] = value;
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        './tests/mocks/electron-loader.mjs',
        'tests/electron/main/built-app-driver.ts',
        BUILT_MAIN,
      ],
      {
        env: { ...env, CHART_SYNC_DATA_DIR: dataDir, XDG_CONFIG_HOME: join(dataDir, 'config') },
        encoding: 'utf8',
        timeout: 150_000,
      },
    );
    const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    expect(line, `exit ${child.status}\n${child.stdout}\n${child.stderr}`).toBeDefined();
    const result = JSON.parse(line!.slice('RESULT '.length)) as Record<string, unknown>;
    expect(result).toMatchObject({
      demo: true,
      schedules: 3,
      afterClose: { destroyed: false, visible: false, quitCalled: 0 },
      exit: { code: 0 },
    });
    expect(result.trayLabels).toEqual(expect.arrayContaining(['Sync all due now', 'Quit Chart Sync']));
    expect(result.trayLabels).toContain('Show Chart Sync');
    expect(result.trayImage).toMatch(/resources[/\\]tray[/\\](idle|syncing|attention|paused)\.png$/);
    expect(result.tooltip).toMatch(/^Chart Sync \(demo data\): 3 schedules/);
    expect(result.completedAfterClose).toEqual(expect.any(Number));
    expect(child.status).toBe(0);
  }, 180_000);
});
