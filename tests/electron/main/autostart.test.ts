import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AUTOSTART_FILE_NAME,
  execArgument,
  setupAutostart,
  type AutostartEnvironment,
} from '../../../electron/main/autostart';
import { app, resetElectronMock } from '../../mocks/electron';
import { useTempDir } from '../../support/database';
import { sampleSettings } from '../../renderer/support/sample-views';
import { fakePort } from './fake-port';

describe('setupAutostart', () => {
  const tempDir = useTempDir();
  let home: string;
  beforeEach(() => {
    resetElectronMock();
    home = tempDir();
  });

  const linux = (overrides: Partial<AutostartEnvironment> = {}): AutostartEnvironment => ({
    platform: 'linux',
    env: {},
    home,
    execPath: '/opt/Chart Sync/chart-sync',
    isPackaged: true,
    appPath: '/opt/Chart Sync/resources/app.asar',
    ...overrides,
  });

  it('Linux: writes ~/.config/autostart/chart-sync.desktop starting hidden, and removes it when turned off', async () => {
    const fake = fakePort();
    fake.state.settings = sampleSettings({ launchAtLogin: true });
    setupAutostart(fake.port, linux());
    const file = join(home, '.config', 'autostart', AUTOSTART_FILE_NAME);
    await vi.waitFor(() => expect(existsSync(file)).toBe(true));
    const entry = readFileSync(file, 'utf8');
    expect(entry).toMatch(/^\[Desktop Entry\]\nType=Application\nName=Chart Sync\n/);
    expect(entry).toContain('Exec="/opt/Chart Sync/chart-sync" --hidden\n');
    fake.events.emit('settings/changed', sampleSettings({ launchAtLogin: false }));
    expect(existsSync(file)).toBe(false);
    // Turning it off again (or an unrelated change) is harmless.
    fake.events.emit('settings/changed', sampleSettings({ launchAtLogin: false, theme: 'dark' }));
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
  });

  it('Linux: the AppImage itself is started (not its mount), under XDG_CONFIG_HOME', async () => {
    const fake = fakePort();
    fake.state.settings = sampleSettings({ launchAtLogin: true });
    const config = join(home, 'elsewhere');
    setupAutostart(
      fake.port,
      linux({ env: { XDG_CONFIG_HOME: config, APPIMAGE: '/home/ana/Apps/Chart-Sync.AppImage' } }),
    );
    const file = join(config, 'autostart', AUTOSTART_FILE_NAME);
    await vi.waitFor(() => expect(existsSync(file)).toBe(true));
    expect(readFileSync(file, 'utf8')).toContain('Exec=/home/ana/Apps/Chart-Sync.AppImage --hidden\n');
  });

  it('Linux: from source, Electron is started with the project', async () => {
    const fake = fakePort();
    fake.state.settings = sampleSettings({ launchAtLogin: true });
    setupAutostart(
      fake.port,
      linux({ isPackaged: false, execPath: '/w/electron', appPath: '/w/chart-sync' }),
    );
    const file = join(home, '.config', 'autostart', AUTOSTART_FILE_NAME);
    await vi.waitFor(() => expect(existsSync(file)).toBe(true));
    expect(readFileSync(file, 'utf8')).toContain('Exec=/w/electron /w/chart-sync --hidden\n');
  });

  it('macOS and Windows: a login item with --hidden, set and unset', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      resetElectronMock();
      const fake = fakePort();
      fake.state.settings = sampleSettings({ launchAtLogin: true });
      setupAutostart(fake.port, linux({ platform, execPath: 'C:\\Chart Sync\\Chart Sync.exe' }));
      await vi.waitFor(() => expect(app.setLoginItemSettings).toHaveBeenCalledTimes(1));
      expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({
        openAtLogin: true,
        path: 'C:\\Chart Sync\\Chart Sync.exe',
        args: ['--hidden'],
      });
      fake.events.emit('settings/changed', sampleSettings({ launchAtLogin: false }));
      expect(app.setLoginItemSettings).toHaveBeenLastCalledWith(
        expect.objectContaining({ openAtLogin: false }),
      );
      expect(existsSync(join(home, '.config', 'autostart'))).toBe(false);
    }
  });

  it('a launch at login that cannot be set is told to the operator (the setting says on, nothing would start)', async () => {
    const fake = fakePort();
    fake.state.settings = sampleSettings({ launchAtLogin: true });
    // XDG_CONFIG_HOME is a file: the autostart folder cannot be made.
    const notAFolder = join(home, 'config-file');
    writeFileSync(notAFolder, '');
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const told: string[] = [];
    setupAutostart(fake.port, linux({ env: { XDG_CONFIG_HOME: notAFolder } }), (message) =>
      told.push(message),
    );
    await vi.waitFor(() => expect(told).toHaveLength(1));
    expect(told[0]).toMatch(/^Launch at login could not be turned on: /);
  });

  it('quotes an Exec argument as the desktop entry specification says', () => {
    expect(execArgument('/usr/bin/chart-sync')).toBe('/usr/bin/chart-sync');
    expect(execArgument('/opt/Chart Sync/app')).toBe('"/opt/Chart Sync/app"');
    expect(execArgument('/opt/a$b')).toBe('"/opt/a\\\\$b"');
    expect(execArgument('/opt/100%')).toBe('/opt/100%%');
    expect(execArgument('/opt/a"b')).toBe('"/opt/a\\\\"b"');
  });
});
