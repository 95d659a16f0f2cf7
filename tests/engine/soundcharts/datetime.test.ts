import { describe, expect, it } from 'vitest';
import { audienceWindows } from '../../../electron/engine/soundcharts/audience-windows';
import { isOffsetDatetime, parseOffsetDatetime } from '../../../electron/engine/soundcharts/datetime';

describe('offset datetimes', () => {
  it('keeps the exact string, the calendar date in its own offset and the instant', () => {
    expect(parseOffsetDatetime('2025-08-23T12:00:00+00:00')).toEqual({
      datetime: '2025-08-23T12:00:00+00:00',
      date: '2025-08-23',
      instant: Date.UTC(2025, 7, 23, 12),
    });
    const cest = parseOffsetDatetime('2019-06-01T00:00:00+02:00');
    expect(cest.date).toBe('2019-06-01');
    expect(cest.instant).toBe(Date.UTC(2019, 4, 31, 22));
    expect(parseOffsetDatetime('2019-01-01T00:30:00-05:00').instant).toBe(Date.UTC(2019, 0, 1, 5, 30));
    expect(parseOffsetDatetime('2025-08-23T12:00:00Z').date).toBe('2025-08-23');
  });

  it('rejects datetimes without an offset and impossible dates', () => {
    expect(isOffsetDatetime('2025-08-23T12:00:00')).toBe(false);
    expect(isOffsetDatetime('2025-08-23')).toBe(false);
    expect(isOffsetDatetime('2025-13-40T12:00:00+00:00')).toBe(false);
    expect(() => parseOffsetDatetime('yesterday')).toThrow(RangeError);
  });
});

describe('audience windows', () => {
  it('splits a range into windows of at most 90 days, both ends inclusive', () => {
    const windows = audienceWindows('2025-01-01', '2025-08-23');
    expect(windows).toEqual([
      { startDate: '2025-01-01', endDate: '2025-03-31' },
      { startDate: '2025-04-01', endDate: '2025-06-29' },
      { startDate: '2025-06-30', endDate: '2025-08-23' },
    ]);
    for (const { startDate, endDate } of windows) {
      const days = (Date.parse(endDate) - Date.parse(startDate)) / 86_400_000 + 1;
      expect(days).toBeLessThanOrEqual(90);
    }
  });

  it('handles a single day and refuses inverted or malformed ranges', () => {
    expect(audienceWindows('2024-02-29', '2024-02-29')).toEqual([
      { startDate: '2024-02-29', endDate: '2024-02-29' },
    ]);
    expect(() => audienceWindows('2025-02-01', '2025-01-01')).toThrow(RangeError);
    expect(() => audienceWindows('2025-02-30', '2025-03-01')).toThrow(RangeError);
  });
});
