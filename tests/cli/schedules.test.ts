import { describe, expect, it } from 'vitest';
import type { ScheduleView } from '../../shared/views/schedule-view';
import { useCli, type CliResult } from './run-cli';

/** global-100 and nl-101 are daily emulator charts the demo does not schedule. */
const UNSCHEDULED = 'global-100';
const OTHER_UNSCHEDULED = 'nl-101';

function parseList(result: CliResult): ScheduleView[] {
  return JSON.parse(result.stdout) as ScheduleView[];
}

describe('chart-sync schedules', () => {
  const { cli } = useCli();

  it('adds, lists, pauses, resumes and removes a schedule', async () => {
    const added = await cli('schedules', 'add', UNSCHEDULED, '--hours', '6', '--history-days', '3');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(
      new RegExp(`^Added .* \\(${UNSCHEDULED}\\) to the sync schedule: every 6 h, next sync in 6 h \\(`),
    );

    const listed = await cli('schedules', 'list');
    expect(listed.stdout.split('\n')[0]).toMatch(
      /^chart +slug +platform +frequency +health +last sync +next sync +success +total\/ok\/failed +why$/,
    );
    const row = listed.stdout.split('\n').find((line) => line.includes(UNSCHEDULED));
    expect(row).toMatch(
      /every 6 h +○ Never synced +never +in 6 h \(\d{4}-\d\d-\d\d \d\d:\d\d\) +— +0\/0\/0 +Not synced yet: the first sync runs at its next slot\.$/,
    );

    const json = parseList(await cli('schedules', 'list', '--json')).find(
      (s) => s.chart.slug === UNSCHEDULED,
    );
    expect(json).toMatchObject({
      syncFrequency: 'custom',
      customIntervalHours: 6,
      historyWindowDays: 3,
      isActive: true,
      health: 'never_synced',
      healthReason: 'Not synced yet: the first sync runs at its next slot.',
    });

    expect((await cli('schedules', 'pause', UNSCHEDULED)).stdout).toContain('Paused the sync schedule');
    expect((await cli('schedules', 'pause', UNSCHEDULED)).stdout).toContain('is already paused');
    expect((await cli('schedules', 'list')).stdout).toMatch(
      new RegExp(
        `${UNSCHEDULED} .*⏸ Paused +never +paused .*Paused: no syncs run until it is resumed\\.$`,
        'm',
      ),
    );

    const resumed = await cli('schedules', 'resume', UNSCHEDULED);
    expect(resumed.stdout).toMatch(/Resumed the sync schedule of .* next sync in 6 h/);
    expect(
      parseList(await cli('schedules', 'list', '--json')).find((s) => s.chart.slug === UNSCHEDULED)?.isActive,
    ).toBe(true);

    const removed = await cli('schedules', 'remove', UNSCHEDULED);
    expect(removed.stdout).toContain('Removed the sync schedule');
    // Removing it again has nothing to do: skipped, named in full, not a failure.
    const again = await cli('schedules', 'remove', UNSCHEDULED);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(
      new RegExp(`^Skipped .+ · .+ · .+ \\(${UNSCHEDULED}\\): it has no sync schedule; nothing to remove\\.`),
    );
    const after = parseList(await cli('schedules', 'list', '--json'));
    expect(after.map((s) => s.chart.slug)).not.toContain(UNSCHEDULED);
    expect(after).toHaveLength(3);
  });

  it('adds a cron schedule in a time zone, paused, without history or metadata', async () => {
    const added = await cli(
      'schedules',
      'add',
      OTHER_UNSCHEDULED,
      '--cron',
      '0 6 * * *',
      '--time-zone',
      'Europe/Paris',
      '--paused',
      '--no-historical',
      '--no-metadata',
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('to the sync schedule: cron "0 6 * * *" Europe/Paris, paused.');
    const schedule = parseList(await cli('schedules', 'list', '--json')).find(
      (s) => s.chart.slug === OTHER_UNSCHEDULED,
    );
    expect(schedule).toMatchObject({
      syncFrequency: 'cron',
      cronExpression: '0 6 * * *',
      timeZone: 'Europe/Paris',
      isActive: false,
      syncHistoricalData: false,
      fetchTrackMetadata: false,
    });
  });

  it('lists only the schedules matching a search and a status, as the Schedules screen does', async () => {
    const daily = parseList(await cli('schedules', 'list', '--search', 'top songs daily', '--json'));
    expect(daily.map((s) => s.chart.slug)).toEqual(['global-28']);
    const monthly = await cli('schedules', 'list', '--search', 'Monthly');
    expect(monthly.stdout).toMatch(/global-111/);
    expect(monthly.stdout).not.toMatch(/global-28 /);
    const neverSynced = parseList(await cli('schedules', 'list', '--status', 'Never synced', '--json'));
    expect(neverSynced.length).toBeGreaterThanOrEqual(3);
    expect(neverSynced.every((s) => s.health === 'never_synced')).toBe(true);
    const none = await cli('schedules', 'list', '--status', 'failing');
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('No sync schedule matches. Try fewer filters');
    const bad = await cli('schedules', 'list', '--status', 'not_scheduled');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('chart-sync: --status: The status is one of action_required,');
  });

  it('says clearly what is wrong, with exit code 1', async () => {
    const unknown = await cli('schedules', 'add', 'no-such-chart');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('chart-sync: No chart "no-such-chart" in the local catalogue');
    expect(unknown.stderr).toContain('chart-sync charts discover');
    expect(unknown.stderr).toContain('chart-sync charts list');

    const duplicate = await cli('schedules', 'add', 'global-28');
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('(global-28) already has a sync schedule');

    const badCron = await cli(
      'schedules',
      'add',
      UNSCHEDULED,
      '--cron',
      'not a cron',
      '--time-zone',
      'Europe/Paris',
    );
    expect(badCron.code).toBe(1);
    expect(badCron.stderr).toContain(
      'chart-sync: --cron: Cron expression "not a cron" has 3 fields. A cron expression has five fields: minute hour day-of-month month day-of-week, e.g. 0 6 * * 1.',
    );

    const everyMinute = await cli(
      'schedules',
      'add',
      UNSCHEDULED,
      '--cron',
      '* * * * *',
      '--time-zone',
      'UTC',
    );
    expect(everyMinute.code).toBe(1);
    expect(everyMinute.stderr).toContain(
      'chart-sync: --cron: Cron expression "* * * * *" runs 1 minute apart; runs must be at least 1 hour apart',
    );

    const badZone = await cli(
      'schedules',
      'add',
      UNSCHEDULED,
      '--cron',
      '0 6 * * *',
      '--time-zone',
      'Mars/Olympus',
    );
    expect(badZone.code).toBe(1);
    expect(badZone.stderr).toContain('"Mars/Olympus" is not a known IANA time zone');

    const noHours = await cli('schedules', 'add', UNSCHEDULED, '--frequency', 'custom');
    expect(noHours.stderr).toContain('--hours: A custom schedule needs an interval');

    const mismatch = await cli('schedules', 'add', UNSCHEDULED, '--frequency', 'daily', '--hours', '3');
    expect(mismatch.stderr).toContain('--hours goes with --frequency custom');

    const badFrequency = await cli('schedules', 'add', UNSCHEDULED, '--frequency', 'hourly');
    expect(badFrequency.code).toBe(1);
    expect(badFrequency.stderr).toContain("argument 'hourly' is invalid. Allowed choices are daily, weekly");

    const noSchedule = await cli('schedules', 'pause', UNSCHEDULED);
    expect(noSchedule.code).toBe(1);
    expect(noSchedule.stderr).toContain(
      `has no sync schedule; add one with \`chart-sync schedules add ${UNSCHEDULED}\``,
    );

    expect(parseList(await cli('schedules', 'list', '--json'))).toHaveLength(3);
  });
});
