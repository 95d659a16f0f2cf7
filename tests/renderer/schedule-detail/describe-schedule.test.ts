import { describe, expect, it } from 'vitest';
import { describeTiming } from '../../../renderer/src/format/frequency';
import { describeWindow } from '../../../renderer/src/screens/schedule-detail/describe-schedule';

describe('describeTiming', () => {
  const timing = { customIntervalHours: null, cronExpression: null, timeZone: null };
  it.each([
    { t: { ...timing, syncFrequency: 'daily' as const }, expected: 'Daily (every 24 hours)' },
    { t: { ...timing, syncFrequency: 'weekly' as const }, expected: 'Weekly (every 7 days)' },
    { t: { ...timing, syncFrequency: 'monthly' as const }, expected: 'Monthly (every 30 days)' },
    { t: { ...timing, syncFrequency: 'custom' as const, customIntervalHours: 1 }, expected: 'Every 1 hour' },
    { t: { ...timing, syncFrequency: 'custom' as const, customIntervalHours: 6 }, expected: 'Every 6 hours' },
    {
      t: {
        syncFrequency: 'cron' as const,
        customIntervalHours: null,
        cronExpression: '0 6 * * 1',
        timeZone: 'Europe/Paris',
      },
      expected: 'Cron 0 6 * * 1 (Europe/Paris)',
    },
  ])('$expected', ({ t, expected }) => expect(describeTiming(t)).toBe(expected));
});

describe('describeWindow', () => {
  it.each([
    [1, '1 day'],
    [28, '28 days (4 weeks)'],
    [90, '90 days'],
    [365, '365 days (one year)'],
    [730, '730 days'],
  ])('%i → %s', (days, expected) => expect(describeWindow(days)).toBe(expected));
});
