import { describe, expect, it } from 'vitest';
import { addDays, calendarDateOf, utcDateOf } from '../../shared/domain/periods';
import { DAY_MS } from '../../shared/domain/policies';
import { dayOf, formatDay, requestedDay, todayDay } from '../../electron/emulator/dates';
import { rawGet, useEmulator } from '../support/emulator';

describe('emulator dates agree with the shared calendar', () => {
  it('day numbers and calendar dates, across leap years and centuries', () => {
    for (const date of ['1970-01-01', '1969-12-31', '2000-02-29', '2024-02-29', '2100-03-01', '2025-08-23']) {
      const day = dayOf(date);
      expect(formatDay(day)).toBe(date);
      expect(utcDateOf(day * DAY_MS)).toBe(date);
      expect(formatDay(day + 400)).toBe(addDays(date, 400));
    }
    expect(todayDay(Date.UTC(2025, 7, 23, 23, 59))).toBe(dayOf('2025-08-23'));
    for (const bad of ['2025-02-29', '2100-02-29', '2025-13-01', '25-01-01', '2025-01-01T00:00:00Z']) {
      expect(() => dayOf(bad), bad).toThrow(RangeError);
    }
  });

  it('a requested date is read with the client’s own parser: the same forms, the same day', () => {
    for (const text of [
      '2025-08-23',
      '2025-08-23T12:00:00+00:00',
      '2025-08-23T00:30:00+02:00',
      '2025-08-23T23:30:00-05:00',
      '2025-08-23T12:00:00Z',
      '2025-08-23T12:00:00.123+00:00',
    ]) {
      expect(requestedDay(text), text).toBe(dayOf(calendarDateOf(text)));
    }
    for (const text of [
      '2025-08-23T25:00:00+00:00', // no such hour
      '2025-08-23T12:00:00+0000', // an offset the client would refuse in a response
      '2025-08-23T12:00:00+24:00',
      '2025-08-23T12:00:00', // no offset
      '2025-02-30T12:00:00+00:00',
      'latest-ish',
    ]) {
      expect(requestedDay(text), text).toBeNull();
    }
  });

  describe('on the ranking route', () => {
    const emulator = useEmulator();
    const ranking = (when: string) =>
      rawGet(emulator.current, `/api/v2.14/chart/song/global-28/ranking/${encodeURIComponent(when)}`);

    it('refuses what the client could not parse, with the API’s 400', async () => {
      for (const when of ['2025-08-23T25:00:00+00:00', '2025-08-23T12:00:00+0000']) {
        const response = await ranking(when);
        expect(response.status, when).toBe(400);
        expect(response.json()).toEqual({ errors: [{ key: 'date', code: 400, message: 'Invalid date.' }] });
      }
    });

    it('is deliberately lenient on the day it names: a bare date or another time of day finds that ranking', async () => {
      for (const when of ['2025-08-20', '2025-08-20T00:00:00+02:00']) {
        const response = await ranking(when);
        expect(response.status, when).toBe(200);
        expect(response.json()).toMatchObject({ related: { date: '2025-08-20T12:00:00+00:00' } });
      }
    });
  });
});
