import { describe, expect, it } from 'vitest';
import { CHART_FREQUENCIES, detectSyncFrequency, SYNC_FREQUENCIES } from '../../../shared/domain/frequency';

describe('detectSyncFrequency', () => {
  it.each([
    { name: 'daily', input: 'daily', expected: 'daily' },
    { name: 'upper case WEEKLY', input: 'WEEKLY', expected: 'weekly' },
    { name: 'padded " monthly "', input: ' monthly ', expected: 'monthly' },
    { name: 'mixed case Daily with a tab', input: '\tDaily', expected: 'daily' },
    { name: 'unknown quarterly falls back to weekly', input: 'quarterly', expected: 'weekly' },
    { name: 'custom is not a chart frequency', input: 'custom', expected: 'weekly' },
    { name: 'empty string', input: '', expected: 'weekly' },
    { name: 'blank string', input: '   ', expected: 'weekly' },
    { name: 'null', input: null, expected: 'weekly' },
    { name: 'undefined', input: undefined, expected: 'weekly' },
  ])('$name → $expected', ({ input, expected }) => {
    expect(detectSyncFrequency(input)).toBe(expected);
  });
});

describe('frequency lists', () => {
  it.each([
    {
      name: 'sync frequencies',
      list: SYNC_FREQUENCIES,
      expected: ['daily', 'weekly', 'monthly', 'custom', 'cron'],
    },
    { name: 'chart frequencies', list: CHART_FREQUENCIES, expected: ['daily', 'weekly', 'monthly'] },
  ])('$name', ({ list, expected }) => {
    expect([...list]).toEqual(expected);
  });
});
