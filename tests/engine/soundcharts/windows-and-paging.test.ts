import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/domain/periods';
import { AUDIENCE_WINDOW_DAYS, MAX_PAGES_PER_COLLECTION } from '../../../shared/domain/policies';
import * as soundcharts from '../../../electron/engine/soundcharts';
import { audienceWindows } from '../../../electron/engine/soundcharts/audience-windows';
import { MalformedResponseError } from '../../../electron/engine/soundcharts/errors';
import { collectPages } from '../../../electron/engine/soundcharts/paging';

/** Calendar days from `start` to `end`, both included. */
function spanOf(window: { startDate: string; endDate: string }): number {
  let days = 1;
  while (addDays(window.startDate, days - 1) !== window.endDate) days += 1;
  return days;
}

describe('audience windows (AUDIENCE_WINDOW_DAYS, a policy)', () => {
  it('the client exports the policy’s number, not one of its own', () => {
    expect(soundcharts.AUDIENCE_WINDOW_DAYS).toBe(AUDIENCE_WINDOW_DAYS);
  });

  it('cut a range into contiguous windows of at most AUDIENCE_WINDOW_DAYS calendar days, ends included', () => {
    const windows = audienceWindows('2023-12-15', '2024-12-31'); // across a leap day and two year ends
    expect(windows[0]!.startDate).toBe('2023-12-15');
    expect(windows.at(-1)!.endDate).toBe('2024-12-31');
    for (const window of windows) expect(spanOf(window)).toBeLessThanOrEqual(AUDIENCE_WINDOW_DAYS);
    for (let i = 1; i < windows.length; i += 1) {
      expect(windows[i]!.startDate).toBe(addDays(windows[i - 1]!.endDate, 1));
    }
    expect(windows.slice(0, -1).every((window) => spanOf(window) === AUDIENCE_WINDOW_DAYS)).toBe(true);
    expect(windows).toHaveLength(Math.ceil(383 / AUDIENCE_WINDOW_DAYS));
  });

  it('exactly AUDIENCE_WINDOW_DAYS days is one window; one more is two', () => {
    const end = addDays('2025-01-01', AUDIENCE_WINDOW_DAYS - 1);
    expect(audienceWindows('2025-01-01', end)).toEqual([{ startDate: '2025-01-01', endDate: end }]);
    expect(audienceWindows('2025-01-01', addDays(end, 1))).toHaveLength(2);
    expect(audienceWindows('2025-03-01', '2025-03-01')).toEqual([
      { startDate: '2025-03-01', endDate: '2025-03-01' },
    ]);
  });

  it('refuses impossible dates, reversed ranges and window sizes that are not whole days', () => {
    expect(() => audienceWindows('2025-02-30', '2025-03-10')).toThrow(RangeError);
    expect(() => audienceWindows('2025-03-01T00:00:00+00:00', '2025-03-10')).toThrow(RangeError);
    expect(() => audienceWindows('2025-03-10', '2025-03-01')).toThrow(/before startDate/);
    expect(() => audienceWindows('2025-01-01', '2025-01-10', 1.5)).toThrow(RangeError);
    expect(() => audienceWindows('2025-01-01', '2025-01-10', 0)).toThrow(RangeError);
  });
});

describe('paging limit (MAX_PAGES_PER_COLLECTION, a policy)', () => {
  it('stops a collection whose page.next never ends, after exactly the policy’s number of pages', async () => {
    let fetched = 0;
    const endless = collectPages('/api/x?offset=0', async (path) => {
      fetched += 1;
      const offset = Number(new URLSearchParams(path.split('?')[1]).get('offset'));
      return { items: [offset], page: { offset, limit: 1, next: `/api/x?offset=${offset + 1}`, total: 1e9 } };
    });
    const error = await endless.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect((error as MalformedResponseError).message).toContain(
      `more than ${MAX_PAGES_PER_COLLECTION} pages`,
    );
    expect(fetched).toBe(MAX_PAGES_PER_COLLECTION);
  });
});
