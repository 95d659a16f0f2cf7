import { describe, expect, it } from 'vitest';
import type { OverdueLevel } from '../../../shared/domain/schedule-status';
import type { ScheduleView } from '../../../shared/views/schedule-view';
import { frequencyLabel } from '../../../renderer/src/format/frequency';
import { latenessText, overdueLabel } from '../../../renderer/src/screens/schedules/schedule-labels';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

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

describe('latenessText', () => {
  it.each<[number, string]>([
    [0, 'less than a minute'],
    [59_999, 'less than a minute'],
    [MIN, '1 min'],
    [59 * MIN + 59_000, '59 min'],
    [HOUR, '1 h'],
    [3 * HOUR, '3 h'],
    [2 * HOUR + 55 * MIN, '2 h'],
    [47 * HOUR, '47 h'],
    [2 * DAY, '2 days'],
    [9 * DAY + 23 * HOUR, '9 days'],
    [Number.NaN, 'less than a minute'],
  ])('%i ms → %s', (ms, expected) => {
    expect(latenessText(ms)).toBe(expected);
  });
});

describe('overdueLabel', () => {
  it.each<[OverdueLevel, number, ReturnType<typeof overdueLabel>]>([
    ['none', 0, null],
    ['none', 5 * HOUR, null],
    ['due', 10_000, { level: 'due', title: 'Due', detail: 'runs shortly' }],
    ['due', 20 * MIN, { level: 'due', title: 'Due', detail: 'late by 20 min' }],
    ['overdue', 3 * HOUR, { level: 'overdue', title: 'Overdue', detail: 'late by 3 h' }],
    ['failing', 3 * DAY, { level: 'failing', title: 'Failing', detail: 'late by 3 days' }],
  ])('%s, late by %i ms', (level, lateBy, expected) => {
    expect(overdueLabel(level, lateBy)).toEqual(expected);
  });
});
