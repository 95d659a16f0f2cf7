import { describe, expect, it } from 'vitest';
import type { ScheduleView } from '../../../shared/views/schedule-view';
import { frequencyLabel } from '../../../renderer/src/format/frequency';

type Timing = Pick<ScheduleView, 'syncFrequency' | 'customIntervalHours' | 'cronExpression' | 'timeZone'>;
const timing = (overrides: Partial<Timing>): Timing => ({
  syncFrequency: 'daily',
  customIntervalHours: null,
  cronExpression: null,
  timeZone: null,
  ...overrides,
});

describe('frequencyLabel', () => {
  it.each<[Partial<Timing>, string]>([
    [{ syncFrequency: 'daily' }, 'Daily'],
    [{ syncFrequency: 'weekly' }, 'Weekly'],
    [{ syncFrequency: 'monthly' }, 'Monthly'],
    [{ syncFrequency: 'custom', customIntervalHours: 6 }, 'Every 6 h'],
    [{ syncFrequency: 'custom', customIntervalHours: 1 }, 'Every hour'],
    [{ syncFrequency: 'custom', customIntervalHours: 48 }, 'Every 48 h'],
    [{ syncFrequency: 'custom', customIntervalHours: null }, 'Custom interval'],
    [
      { syncFrequency: 'cron', cronExpression: '0 6 * * 1', timeZone: 'Europe/Paris' },
      '0 6 * * 1 (Europe/Paris)',
    ],
    [{ syncFrequency: 'cron', cronExpression: '30 2 * * *', timeZone: null }, '30 2 * * * (UTC)'],
  ])('%o → %s', (overrides, expected) => {
    expect(frequencyLabel(timing(overrides))).toBe(expected);
  });
});
