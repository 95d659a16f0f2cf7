import { afterEach, describe, expect, it } from 'vitest';
import { MalformedResponseError } from '../../../electron/engine/soundcharts';
import { clientFor, useEmulator } from '../../support/emulator';
import { FakeClock } from '../../support/fake-clock';

const emulator = useEmulator();
const LIST = '/available-rankings';
const DATETIME = '2025-08-20T12:00:00+00:00';

afterEach(() => emulator.current.faults.reset());

function requestsSince(start: number): number {
  return emulator.current.stats.total - start;
}

describe('pages that do not add up are never taken as they are', () => {
  it('the date list is refused when its first page understates page.total, never cut short silently', async () => {
    const client = clientFor(emulator.current, { clock: new FakeClock() });
    // Every page of the list says it is 300 shorter than it is: the last pages would never be asked for.
    emulator.current.faults.configure({ wrongTotal: { probability: 1, delta: -300, match: LIST } });
    const outcome = await client.availableRankings('global-28').then(
      (dates) => dates.length,
      (error: unknown) => error,
    );
    // Before the fix: 500 of the 730 dates, and no error.
    expect(outcome).toBeInstanceOf(MalformedResponseError);
    expect((outcome as MalformedResponseError).fieldPath).toBe('page.next');
  });

  it('a date list whose page.total is no more than its first page, yet goes on, is refused, never cut short', async () => {
    const client = clientFor(emulator.current, { clock: new FakeClock(), retryPolicy: { maxRetries: 1 } });
    // 730 dates said to be 30: no page after the first would be asked for, and 630 dates silently left out.
    emulator.current.faults.configure({ wrongTotal: { probability: 1, delta: -700, match: LIST } });
    const dates = await client.availableRankings('global-28').then(
      (all) => all.length,
      (error: unknown) => error,
    );
    expect(dates).toBeInstanceOf(MalformedResponseError);
  });

  it('a ranking whose page.total is no more than its first page, yet goes on, is refused, never stored half', async () => {
    const client = clientFor(emulator.current, { clock: new FakeClock(), retryPolicy: { maxRetries: 1 } });
    // A 200-entry ranking said to be 100: its first page alone would be taken as the whole ranking.
    emulator.current.faults.configure({ wrongTotal: { probability: 1, delta: -100, match: '/ranking/' } });
    const ranking = await client.rankingAt('global-28', DATETIME).then(
      (snapshot) => snapshot.entries.length,
      (error: unknown) => error,
    );
    expect(ranking).toBeInstanceOf(MalformedResponseError);
    expect((ranking as MalformedResponseError).fieldPath).toBe('page.next');
  });

  it('a date list page that disagrees with the others on page.total: the list is read again, whole', async () => {
    const client = clientFor(emulator.current, { clock: new FakeClock() });
    const all = await client.availableRankings('global-28');
    emulator.current.faults.configure({ wrongTotal: { after: 1, next: 1, delta: 5, match: LIST } });
    const start = emulator.current.stats.total;
    expect(await client.availableRankings('global-28')).toEqual(all);
    const pages = Math.ceil(all.length / 100);
    expect(requestsSince(start)).toBe(2 * pages);
  });

  it('a ranking with one inconsistent page is asked for again at once, and arrives whole', async () => {
    const client = clientFor(emulator.current, { clock: new FakeClock() });
    // A first page claiming 201 makes the client ask for a third page (offset 200) before it sees the mismatch.
    for (const [fault, requests] of [
      [{ wrongTotal: { next: 1, match: '/ranking/' } }, 3 + 2],
      [{ wrongTotal: { after: 1, next: 1, delta: -1, match: '/ranking/' } }, 2 + 2],
      [{ duplicatePositions: { next: 1, match: '/ranking/' } }, 2 + 2],
    ] as const) {
      emulator.current.faults.configure(fault);
      const start = emulator.current.stats.total;
      const snapshot = await client.rankingAt('global-28', DATETIME);
      expect(snapshot.entries.map((entry) => entry.position)).toEqual(
        Array.from({ length: 200 }, (_, i) => i + 1),
      );
      // The pages, then both again.
      expect(requestsSince(start)).toBe(requests);
    }
  });

  it('a ranking that stays inconsistent fails as malformed after the request retries, each a whole fetch', async () => {
    const client = clientFor(emulator.current, {
      clock: new FakeClock(),
      retryPolicy: { maxRetries: 2 },
    });
    emulator.current.faults.configure({ duplicatePositions: { probability: 1, match: '/ranking/' } });
    const start = emulator.current.stats.total;
    const error = await client.rankingAt('global-28', DATETIME).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect((error as Error).message).toMatch(/repeats a position/);
    expect(requestsSince(start)).toBe(3 * 2);
  });
});
