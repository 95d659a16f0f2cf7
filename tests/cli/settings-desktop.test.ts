import { describe, expect, it } from 'vitest';
import { useCli } from './run-cli';

describe('chart-sync settings set: the desktop app and appearance settings, as the Settings screen has them', () => {
  const { cli } = useCli();

  it('sets close to tray, launch at login and the theme, and shows them', async () => {
    const set = await cli(
      'settings',
      'set',
      '--close-to-tray',
      'off',
      '--launch-at-login',
      'on',
      '--theme',
      'dark',
    );
    expect(set.code).toBe(0);
    expect(set.stdout).toContain(
      'Desktop app: closing the window quits; starts at login (hidden in the tray)',
    );
    expect(set.stdout).toContain('Theme: dark');
    expect(JSON.parse((await cli('settings', '--json')).stdout)).toMatchObject({
      closeToTray: false,
      launchAtLogin: true,
      theme: 'dark',
    });
    await cli('settings', 'set', '--close-to-tray', 'on', '--launch-at-login', 'off');
    const shown = await cli('settings');
    expect(shown.stdout).toContain(
      'Desktop app: closing the window keeps Chart Sync syncing in the tray; does not start at login',
    );
  });

  it('refuses what is not on/off or a theme, with the screen’s messages', async () => {
    const onOff = await cli('settings', 'set', '--close-to-tray', 'maybe');
    expect(onOff.code).toBe(1);
    expect(onOff.stderr).toMatch(/Close to tray/);
    const theme = await cli('settings', 'set', '--theme', 'purple');
    expect(theme.code).toBe(1);
    expect(theme.stderr).toContain('The theme is one of system, light, dark.');
  });
});
