import { describe, expect, it } from 'vitest';
import {
  describeScheduleChanges,
  scheduleChanges,
  scheduleSettings,
  type ScheduleSettings,
} from '../../../shared/domain/schedule-changes';

const DAILY: ScheduleSettings = {
  isActive: true,
  syncFrequency: 'daily',
  customIntervalHours: null,
  cronExpression: null,
  timeZone: null,
  syncHistoricalData: true,
  fetchTrackMetadata: true,
  historyWindowDays: 365,
};

describe('scheduleChanges', () => {
  it.each([
    { name: 'nothing changed', after: {}, expected: {} },
    {
      name: 'paused',
      after: { isActive: false },
      expected: { isActive: { from: true, to: false } },
    },
    {
      name: 'daily to every 6 hours',
      after: { syncFrequency: 'custom', customIntervalHours: 6 },
      expected: {
        syncFrequency: { from: 'daily', to: 'custom' },
        customIntervalHours: { from: null, to: 6 },
      },
    },
    {
      name: 'daily to a cron in a zone, shorter window',
      after: {
        syncFrequency: 'cron',
        cronExpression: '0 6 * * *',
        timeZone: 'Europe/Paris',
        historyWindowDays: 30,
      },
      expected: {
        syncFrequency: { from: 'daily', to: 'cron' },
        cronExpression: { from: null, to: '0 6 * * *' },
        timeZone: { from: null, to: 'Europe/Paris' },
        historyWindowDays: { from: 365, to: 30 },
      },
    },
    {
      name: 'history and metadata off',
      after: { syncHistoricalData: false, fetchTrackMetadata: false },
      expected: {
        syncHistoricalData: { from: true, to: false },
        fetchTrackMetadata: { from: true, to: false },
      },
    },
  ] as const)('$name', ({ after, expected }) => {
    expect(scheduleChanges(DAILY, { ...DAILY, ...after })).toEqual(expected);
  });
});

describe('scheduleSettings', () => {
  it('keeps only the fields an operator sets', () => {
    expect(scheduleSettings({ ...DAILY, id: 4, lastSyncAt: 99 } as ScheduleSettings)).toEqual(DAILY);
  });
});

describe('describeScheduleChanges', () => {
  it.each([
    { changes: {}, expected: '' },
    { changes: null, expected: '' },
    { changes: 'garbage', expected: '' },
    { changes: { isActive: { from: true, to: false } }, expected: 'active: yes → no' },
    {
      changes: {
        historyWindowDays: { from: 365, to: 30 },
        syncFrequency: { from: 'daily', to: 'custom' },
        customIntervalHours: { from: null, to: 6 },
      },
      expected: 'frequency: daily → custom; every N hours: none → 6; history window (days): 365 → 30',
    },
    { changes: { timeZone: { from: 'UTC' }, unknownField: { from: 1, to: 2 } }, expected: '' },
  ])('$expected', ({ changes, expected }) => {
    expect(describeScheduleChanges(changes)).toBe(expected);
  });
});
