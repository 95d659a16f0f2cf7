import { describe, expect, it } from 'vitest';
import { MalformedResponseError, NotFoundError } from '../../../electron/engine/soundcharts';
import { clientFor, useEmulator } from '../../support/emulator';
import { sendJson, startStubServer } from '../../support/stub-server';
import { SANDBOX_CREDENTIALS, SoundchartsClient } from '../../../electron/engine/soundcharts';

const emulator = useEmulator();

function requestsTo(fragment: string): string[] {
  return emulator.current.stats.requests
    .map((record) => record.path)
    .filter((path) => path.includes(fragment));
}

describe('client paging over HTTP (emulator)', () => {
  it('fetches a 200-entry ranking in two pages, the second pinned to the first page’s date', async () => {
    emulator.current.stats.reset();
    const snapshot = await clientFor(emulator.current).latestRanking('global-28');
    expect(snapshot.total).toBe(200);
    expect(snapshot.entries).toHaveLength(200);
    expect(snapshot.pages).toBe(2);
    expect(snapshot.entries.map((entry) => entry.position)).toEqual(
      Array.from({ length: 200 }, (_, i) => i + 1),
    );
    expect(snapshot).toMatchObject({ datetime: '2025-08-23T12:00:00+00:00', date: '2025-08-23' });
    expect(snapshot.chart).toMatchObject({ slug: 'global-28', maxResultsCount: 200, frequency: 'daily' });
    expect(new Set(snapshot.entries.map((entry) => entry.song.uuid)).size).toBe(200);
    expect(requestsTo('/ranking/')).toEqual([
      '/api/v2.14/chart/song/global-28/ranking/latest?offset=0&limit=100',
      '/api/v2.14/chart/song/global-28/ranking/2025-08-23T12%3A00%3A00%2B00%3A00?offset=100&limit=100',
    ]);
  });

  it('fetches a ranking at a date, echoing the datetime string', async () => {
    const client = clientFor(emulator.current);
    const snapshot = await client.rankingAt('global-28', '2025-01-15T12:00:00+00:00');
    expect(snapshot.date).toBe('2025-01-15');
    expect(snapshot.entries).toHaveLength(200);
    expect(snapshot.entries.every((entry) => entry.rankDate === '2025-01-15T12:00:00+00:00')).toBe(true);
  });

  it('pages through every available date and sorts them oldest first, even when the API shuffles them', async () => {
    const client = clientFor(emulator.current);
    emulator.current.stats.reset();
    emulator.current.faults.configure({ shuffledDates: true });
    try {
      const dates = await client.availableRankings('global-28');
      expect(dates).toHaveLength(730);
      expect(dates[0]?.date).toBe('2023-08-25');
      expect(dates.at(-1)?.date).toBe('2025-08-23');
      for (let i = 1; i < dates.length; i += 1)
        expect(dates[i]!.instant).toBeGreaterThan(dates[i - 1]!.instant);
      expect(requestsTo('available-rankings')).toHaveLength(8);
    } finally {
      emulator.current.faults.configure({ shuffledDates: false });
    }
  });

  it('reads datetimes with +01:00/+02:00 offsets: keyed by calendar date, echoed back exactly', async () => {
    const client = clientFor(emulator.current);
    emulator.current.faults.configure({ offsets: { olderThanDays: 30 } });
    try {
      const dates = await client.availableRankings('global-28');
      const days = dates.map((date) => date.date);
      expect(new Set(days).size).toBe(730);
      expect([...days].sort()).toEqual(days);
      const winter = dates.find((date) => date.datetime.endsWith('+01:00'))!;
      const summer = dates.find((date) => date.datetime.endsWith('+02:00'))!;
      expect(winter.instant).toBe(Date.parse(`${winter.date}T11:00:00Z`));
      expect(summer.instant).toBe(Date.parse(`${summer.date}T10:00:00Z`));
      const snapshot = await client.rankingAt('global-28', winter.datetime);
      expect(snapshot).toMatchObject({
        datetime: winter.datetime,
        date: winter.date,
        instant: winter.instant,
      });
      expect(snapshot.entries).toHaveLength(200);
    } finally {
      emulator.current.faults.configure({ offsets: false });
    }
  });

  it('lists platforms and the charts of a platform, all pages, filtered by country', async () => {
    const client = clientFor(emulator.current);
    const platforms = await client.platforms();
    expect(platforms).toHaveLength(21);
    const spotify = await client.charts('spotify');
    expect(spotify.map((chart) => chart.slug)).toContain('global-28');
    expect(new Set(spotify.map((chart) => chart.frequency))).toEqual(new Set(['daily', 'weekly', 'monthly']));
    const country = spotify.find((chart) => chart.countryCode !== '');
    expect(country).toBeDefined();
    const narrowed = await client.charts('spotify', { countryCode: country!.countryCode });
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.every((chart) => chart.countryCode === country!.countryCode)).toBe(true);
  });

  it('fetches audience in 90-day windows and merges them into one sorted series', async () => {
    const client = clientFor(emulator.current);
    const song = (await client.latestRanking('global-28')).entries[150]!.song;
    emulator.current.stats.reset();
    const series = await client.songAudience(song.uuid, 'spotify', {
      startDate: '2024-09-01',
      endDate: '2025-08-23',
    });
    expect(requestsTo('/audience/')).toHaveLength(4);
    const dates = series.points.map((point) => `${point.date}|${point.identifier}`);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    const main = series.points.filter((point) => point.identifier === series.points.at(-1)!.identifier);
    for (let i = 1; i < main.length; i += 1)
      expect(main[i]!.value).toBeGreaterThanOrEqual(main[i - 1]!.value);
    expect(main.at(-1)?.date).toBe('2025-08-23');
  });

  it('fetches song metadata', async () => {
    const client = clientFor(emulator.current);
    const entry = (await client.latestRanking('global-28')).entries[0]!;
    const song = await client.songMetadata(entry.song.uuid);
    expect(song).toMatchObject({
      uuid: entry.song.uuid,
      name: entry.song.name,
      creditName: entry.song.creditName,
    });
    expect(song.isrc).toMatch(/^[A-Z]{2}[A-Z0-9]{3}\d{7}$/);
    await expect(client.songMetadata('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('reads team usage without spending quota', async () => {
    const client = clientFor(emulator.current);
    const before = emulator.current.quota.remaining;
    const usage = await client.teamUsage();
    expect(emulator.current.quota.remaining).toBe(before);
    expect(usage.quotaRemaining).toBe(before);
    expect(usage.quota).toMatchObject({ remaining: before });
  });
});

describe('client paging against a misbehaving server', () => {
  const rankingPage = (offset: number, date: string, total: number, next: string | null) => ({
    related: {
      chart: {
        name: 'T',
        type: 'song',
        slug: 'x-1',
        platform: 'spotify',
        frequency: 'daily',
        countryCode: '',
      },
      date,
    },
    items: Array.from({ length: 2 }, (_, i) => ({
      song: { uuid: `s${offset + i}`, name: 'n', creditName: 'c', imageUrl: null },
      position: offset + i + 1,
      oldPosition: 0,
      positionEvolution: 0,
      metric: null,
      entryState: '',
      entryDate: date,
      rankDate: date,
      timeOnChart: 1,
      timeOnChartUnit: 'DOC',
    })),
    page: { offset, limit: 2, next, previous: null, total },
    errors: [],
  });

  it('refuses a ranking whose pages do not add up to page.total', async () => {
    const stub = await startStubServer((request, response) => {
      const offset = Number(new URL(request.url ?? '', 'http://x').searchParams.get('offset') ?? 0);
      const next = offset === 0 ? '/api/v2.14/chart/song/x-1/ranking/latest?offset=2&limit=2' : null;
      sendJson(response, 200, rankingPage(offset, '2025-08-23T12:00:00+00:00', 5, next));
    });
    try {
      const client = new SoundchartsClient({ baseUrl: stub.url, credentials: SANDBOX_CREDENTIALS });
      const error = await client.latestRanking('x-1').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MalformedResponseError);
      expect((error as MalformedResponseError).fieldPath).toBe('page.total');
      // The pages after the first are asked for at once (offsets 2 and 4 of 5); one short of page.total or one
      // too many, the ranking is refused whole.
      expect((error as Error).message).toMatch(/\d (entries|items) but page.total is 5/);
    } finally {
      await stub.close();
    }
  });

  it('stops when page.next repeats itself', async () => {
    const stub = await startStubServer((_request, response) =>
      sendJson(response, 200, {
        items: [{ code: 'a', name: 'A' }],
        page: { offset: 0, limit: 1, next: '/api/v2/chart/song/platforms?offset=1&limit=1', total: 9 },
        errors: [],
      }),
    );
    try {
      const client = new SoundchartsClient({ baseUrl: stub.url, credentials: SANDBOX_CREDENTIALS });
      await expect(client.platforms()).rejects.toThrow(/paging does not end/);
      expect(stub.requests).toHaveLength(2);
    } finally {
      await stub.close();
    }
  });

  it('never follows page.next to another host', async () => {
    const stub = await startStubServer((request, response) => {
      const second = request.url?.includes('offset=1');
      sendJson(response, 200, {
        items: [{ code: second ? 'b' : 'a', name: 'X' }],
        page: {
          offset: second ? 1 : 0,
          limit: 1,
          next: second ? null : 'https://elsewhere.invalid/api/v2/chart/song/platforms?offset=1&limit=1',
          total: 2,
        },
        errors: [],
      });
    });
    try {
      const client = new SoundchartsClient({ baseUrl: stub.url, credentials: SANDBOX_CREDENTIALS });
      expect((await client.platforms()).map((platform) => platform.code)).toEqual(['a', 'b']);
      expect(stub.requests[1]).toBe('/api/v2/chart/song/platforms?offset=1&limit=1');
    } finally {
      await stub.close();
    }
  });
});
