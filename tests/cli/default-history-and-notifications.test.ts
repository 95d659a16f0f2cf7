import { describe, expect, it } from 'vitest';
import type { ScheduleView } from '../../shared/views/schedule-view';
import { useCli } from './run-cli';

describe('chart-sync settings set: the default history window and the notifications', () => {
  const { cli } = useCli();

  it('a schedule added without --history-days gets the default set here', async () => {
    const set = await cli('settings', 'set', '--default-history-days', '30');
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('New schedules keep 30 days of history unless given another window');
    expect((await cli('schedules', 'add', 'global-100')).code).toBe(0);
    expect((await cli('schedules', 'add', 'nl-101', '--history-days', '5')).code).toBe(0);
    const list = JSON.parse((await cli('schedules', 'list', '--json')).stdout) as ScheduleView[];
    const windowOf = (slug: string) => list.find((s) => s.chart.slug === slug)?.historyWindowDays;
    expect(windowOf('global-100')).toBe(30);
    expect(windowOf('nl-101')).toBe(5);
  });

  it('turns notification kinds off and on, and sets the flood guard, with the screen’s validation', async () => {
    const set = await cli(
      'settings',
      'set',
      '--disable-notification',
      'sync_recovered',
      '--disable-notification',
      'quota_low',
      '--notifications-per-minute',
      '3',
    );
    expect(set.code).toBe(0);
    expect(set.stdout).toContain(
      'Desktop notifications: at most 3 a minute (then one summary); off for: sync_recovered, quota_low',
    );
    await cli('settings', 'set', '--enable-notification', 'quota_low');
    expect(JSON.parse((await cli('settings', '--json')).stdout)).toMatchObject({
      disabledNotificationKinds: ['sync_recovered'],
      notificationsPerMinute: 3,
    });

    const bad = await cli(
      'settings',
      'set',
      '--disable-notification',
      'bogus',
      '--notifications-per-minute',
      '0',
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Unknown alert kind "bogus"|Notifications per minute is between 1 and/);
  });
});
