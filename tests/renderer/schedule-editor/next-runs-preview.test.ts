import { describe, expect, it } from 'vitest';
import {
  formatInZone,
  previewNextRuns,
} from '../../../renderer/src/screens/schedule-editor/next-runs-preview';
import type { TimingValues } from '../../../renderer/src/screens/schedule-editor/editor-form';

// Monday 2026-11-23 12:00 UTC.
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const HOUR = 3_600_000;

const timing = (overrides: Partial<TimingValues>): TimingValues => ({
  syncFrequency: 'daily',
  customIntervalHours: null,
  cronExpression: null,
  timeZone: null,
  ...overrides,
});

describe('formatInZone', () => {
  it.each([
    { at: Date.UTC(2026, 10, 24, 5, 0), zone: 'Europe/Paris', expected: 'Tue 24 Nov 2026, 06:00' },
    { at: Date.UTC(2026, 10, 24, 5, 0), zone: 'UTC', expected: 'Tue 24 Nov 2026, 05:00' },
    { at: Date.UTC(2026, 10, 24, 5, 0), zone: 'Asia/Tokyo', expected: 'Tue 24 Nov 2026, 14:00' },
    { at: Date.UTC(2026, 6, 1, 23, 30), zone: 'America/New_York', expected: 'Wed 1 Jul 2026, 19:30' },
  ])('$zone', ({ at, zone, expected }) => {
    expect(formatInZone(at, zone)).toBe(expected);
  });
});

describe('previewNextRuns', () => {
  it('gives five cron runs on the zone clock, with the distance from now', () => {
    const preview = previewNextRuns(
      timing({ syncFrequency: 'cron', cronExpression: '0 6 * * *', timeZone: 'Europe/Paris' }),
      NOW,
      NOW,
      'UTC',
    );
    expect(preview).toMatchObject({ ok: true, zone: 'Europe/Paris' });
    if (!preview.ok) return;
    expect(preview.runs.map((r) => r.when)).toEqual([
      'Tue 24 Nov 2026, 06:00',
      'Wed 25 Nov 2026, 06:00',
      'Thu 26 Nov 2026, 06:00',
      'Fri 27 Nov 2026, 06:00',
      'Sat 28 Nov 2026, 06:00',
    ]);
    expect(preview.runs[0]).toMatchObject({ at: Date.UTC(2026, 10, 24, 5, 0), relative: 'in 17 hours' });
  });

  it.each([
    { name: 'daily', t: timing({}), step: 24 * HOUR },
    { name: 'weekly', t: timing({ syncFrequency: 'weekly' }), step: 7 * 24 * HOUR },
    { name: 'every 6 hours', t: timing({ syncFrequency: 'custom', customIntervalHours: 6 }), step: 6 * HOUR },
  ])('fixed interval $name: slots from the anchor, in the operator zone', ({ t, step }) => {
    const preview = previewNextRuns(t, NOW, NOW, 'Asia/Tokyo');
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.zone).toBe('Asia/Tokyo');
    expect(preview.runs.map((r) => r.at)).toEqual([1, 2, 3, 4, 5].map((k) => NOW + k * step));
  });

  it.each([
    { name: 'no hours', t: timing({ syncFrequency: 'custom' }), problem: /Fix the interval above/ },
    {
      name: 'hours out of range (the field says why; the preview does not repeat it)',
      t: timing({ syncFrequency: 'custom', customIntervalHours: 0 }),
      problem: /^Fix the interval above to see the next runs\.$/,
    },
    {
      name: 'hours not a number',
      t: timing({ syncFrequency: 'custom', customIntervalHours: Number.NaN }),
      problem: /whole hours/,
    },
    {
      name: 'bad cron',
      t: timing({ syncFrequency: 'cron', cronExpression: 'nope', timeZone: 'UTC' }),
      problem: /^Fix the cron expression and time zone above/,
    },
    {
      name: 'bad zone',
      t: timing({ syncFrequency: 'cron', cronExpression: '0 6 * * *', timeZone: 'Nowhere/City' }),
      problem: /^Fix the cron expression and time zone above/,
    },
    {
      name: 'a date that never comes',
      t: timing({ syncFrequency: 'cron', cronExpression: '0 0 30 2 *', timeZone: 'UTC' }),
      problem: /^Fix the cron expression and time zone above/,
    },
  ])('says why there is no preview: $name', ({ t, problem }) => {
    const preview = previewNextRuns(t, NOW, NOW, 'UTC');
    expect(preview.ok).toBe(false);
    if (!preview.ok) expect(preview.problem).toMatch(problem);
  });
});
