import { get as httpGet } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { FaultController } from '../../electron/emulator/faults';
import { rawGet, useEmulator } from '../support/emulator';

const emulator = useEmulator();
const PLATFORMS = '/api/v2/chart/song/platforms';

afterEach(() => emulator.current.faults.reset());

async function statuses(count: number, path = PLATFORMS): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < count; i += 1) result.push((await rawGet(emulator.current, path)).status);
  return result;
}

describe('fault triggers', () => {
  it('"next N" fires for exactly the next N matching requests, then switches off', async () => {
    emulator.current.faults.configure({ serverError: { next: 2, status: 502 } });
    expect(await statuses(4)).toEqual([502, 502, 200, 200]);
    expect(emulator.current.faults.current()).toEqual({});
  });

  it('"match" limits a fault to some paths', async () => {
    emulator.current.faults.configure({ forbidden: { next: 1, match: '/ranking/' } });
    expect(await statuses(1)).toEqual([200]);
    expect((await rawGet(emulator.current, '/api/v2.14/chart/song/global-28/ranking/latest')).status).toBe(
      403,
    );
  });

  it('probabilities draw from the seed: the same sequence every time', () => {
    const draws = (seed: number) => {
      const faults = new FaultController(seed, { timeout: { probability: 0.3 } });
      return Array.from({ length: 200 }, () => (faults.fires('timeout', '/api/x') ? 1 : 0));
    };
    const first = draws(5);
    expect(draws(5)).toEqual(first);
    expect(draws(6)).not.toEqual(first);
    const rate = first.reduce<number>((sum, hit) => sum + hit, 0) / first.length;
    expect(rate).toBeGreaterThan(0.15);
    expect(rate).toBeLessThan(0.45);
  });

  it('"after N" lets the first N matching requests through: a fault mid-run', async () => {
    emulator.current.faults.configure({ serverError: { after: 2, probability: 1, status: 502 } });
    expect(await statuses(4)).toEqual([200, 200, 502, 502]);
  });

  it('can be flipped at runtime and switched off with null', async () => {
    emulator.current.faults.configure({ serverError: { probability: 1, status: 500 } });
    expect(await statuses(2)).toEqual([500, 500]);
    emulator.current.faults.configure({ serverError: null });
    expect(await statuses(1)).toEqual([200]);
  });
});

describe('faults on the wire', () => {
  it('rate-limit 429 with x-ratelimit-reset (and Retry-After when asked)', async () => {
    emulator.current.faults.configure({ rateLimit: { next: 1, resetSeconds: 7, retryAfter: true } });
    const response = await rawGet(emulator.current, PLATFORMS);
    expect(response.status).toBe(429);
    expect(response.headers.get('x-ratelimit-reset')).toBe('7');
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.json()).toMatchObject({
      errors: [{ code: 429, message: expect.stringContaining('maximum request count') }],
    });
  });

  it('quota exhaustion: 429 "Maximum quota reached" and x-quota-remaining 0 from then on', async () => {
    const remaining = emulator.current.quota.remaining;
    emulator.current.faults.configure({ quotaExhausted: { next: 1 } });
    try {
      const response = await rawGet(emulator.current, PLATFORMS);
      expect(response.status).toBe(429);
      expect(response.headers.get('x-quota-remaining')).toBe('0');
      expect(response.json()).toEqual({
        errors: [{ key: 'quota', code: 429, message: 'Maximum quota reached.' }],
      });
      expect((await rawGet(emulator.current, PLATFORMS)).status).toBe(429);
    } finally {
      emulator.current.quota.setRemaining(remaining);
    }
  });

  it('5xx with the requested status', async () => {
    for (const status of [500, 502, 503, 504]) {
      emulator.current.faults.configure({ serverError: { next: 1, status } });
      expect(await statuses(1)).toEqual([status]);
    }
  });

  it('401 despite good credentials', async () => {
    emulator.current.faults.configure({ unauthorized: { next: 1 } });
    expect(await statuses(2)).toEqual([401, 200]);
  });

  it('a reset connection gets no response at all', async () => {
    emulator.current.faults.configure({ connectionReset: { next: 1 } });
    await expect(rawGet(emulator.current, PLATFORMS)).rejects.toThrow();
    expect(emulator.current.stats.requests.at(-1)).toMatchObject({ fault: 'connectionReset', status: null });
  });

  it('a timeout never answers', async () => {
    emulator.current.faults.configure({ timeout: { next: 1 } });
    const outcome = await Promise.race([
      rawGet(emulator.current, PLATFORMS).then(() => 'answered'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 300)),
    ]);
    expect(outcome).toBe('still waiting');
  });

  it('malformed JSON: a 200 whose body is cut short', async () => {
    emulator.current.faults.configure({ malformedJson: { next: 1 } });
    const response = await rawGet(emulator.current, PLATFORMS);
    expect(response.status).toBe(200);
    expect(() => response.json()).toThrow(SyntaxError);
  });

  it('truncated body: Content-Length announces the whole body, half is sent, then the socket closes', async () => {
    emulator.current.faults.configure({ truncatedBody: { next: 1 } });
    const head = await new Promise<{ length: number; received: number; aborted: boolean }>(
      (resolve, reject) => {
        const request = httpGet(
          `${emulator.current.url}${PLATFORMS}`,
          { headers: { 'x-app-id': 'soundcharts', 'x-api-key': 'soundcharts' } },
          (response) => {
            let received = 0;
            response.on('data', (chunk: Buffer) => (received += chunk.length));
            response.on('error', () => undefined);
            response.on('close', () =>
              resolve({
                length: Number(response.headers['content-length']),
                received,
                aborted: !response.complete,
              }),
            );
          },
        );
        request.on('error', reject);
      },
    );
    expect(head.aborted).toBe(true);
    expect(head.received).toBeGreaterThan(0);
    expect(head.received).toBeLessThan(head.length);
    expect(emulator.current.stats.requests.at(-1)).toMatchObject({ fault: 'truncatedBody', status: 200 });
    expect(await statuses(1)).toEqual([200]);
  });

  it("wrong total: a collection page whose page.total is off from the collection's size", async () => {
    const path = '/api/v2.14/chart/song/global-28/ranking/latest';
    emulator.current.faults.configure({ wrongTotal: { next: 1, delta: -7 } });
    const spoiled = (await rawGet(emulator.current, path)).json() as {
      items: unknown[];
      page: { total: number };
    };
    const real = (await rawGet(emulator.current, path)).json() as {
      items: unknown[];
      page: { total: number };
    };
    expect(spoiled.page.total).toBe(real.page.total - 7);
    expect(spoiled.items).toEqual(real.items);
    expect(emulator.current.stats.requests.at(-2)).toMatchObject({ fault: 'wrongTotal' });
  });

  it('wrong total spares answers without a page (a song, the platforms list keeps its own)', async () => {
    const latest = (await rawGet(emulator.current, '/api/v2.14/chart/song/global-28/ranking/latest')).json();
    const uuid = (latest.items as { song: { uuid: string } }[])[0]!.song.uuid;
    emulator.current.faults.configure({ wrongTotal: { probability: 1 } });
    const song = await rawGet(emulator.current, `/api/v2.25/song/${uuid}`);
    expect(song.status).toBe(200);
    expect(emulator.current.stats.requests.at(-1)?.fault).toBeNull();
    expect(song.json()).not.toHaveProperty('page');
  });

  it('duplicate positions: the last entry of a ranking page repeats the position before it', async () => {
    const path = '/api/v2.14/chart/song/global-28/ranking/latest';
    emulator.current.faults.configure({ duplicatePositions: { next: 1 } });
    const items = (await rawGet(emulator.current, path)).json().items as { position: number }[];
    const positions = items.map((item) => item.position);
    expect(new Set(positions).size).toBe(positions.length - 1);
    expect(positions.at(-1)).toBe(positions.at(-2));
    expect(emulator.current.stats.requests.at(-1)).toMatchObject({ fault: 'duplicatePositions' });
  });

  it('latency from the configured distribution', async () => {
    emulator.current.faults.configure({ latency: { minMs: 120, maxMs: 150 } });
    const started = performance.now();
    await rawGet(emulator.current, PLATFORMS);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('available dates in random order', async () => {
    const path = '/api/v2/chart/song/global-28/available-rankings?limit=100';
    const ordered = (await rawGet(emulator.current, path)).json().items as string[];
    expect([...ordered].sort().reverse()).toEqual(ordered);
    emulator.current.faults.configure({ shuffledDates: true });
    const shuffled = (await rawGet(emulator.current, path)).json().items as string[];
    expect(shuffled).not.toEqual(ordered);
    expect((await rawGet(emulator.current, path)).json().items).toEqual(shuffled);
  });

  it('datetimes with offsets other than +00:00 for older data, calendar dates unchanged', async () => {
    emulator.current.faults.configure({ offsets: { olderThanDays: 100 } });
    const dates = (
      await rawGet(emulator.current, '/api/v2/chart/song/global-28/available-rankings?offset=600')
    ).json().items as string[];
    expect(dates).toContain('2023-10-01T12:00:00+02:00');
    expect(dates).toContain('2023-12-01T12:00:00+01:00');
    const ranking = await rawGet(
      emulator.current,
      '/api/v2.14/chart/song/global-28/ranking/2024-01-15T12%3A00%3A00%2B01%3A00',
    );
    expect(ranking.status).toBe(200);
    expect(ranking.json()).toMatchObject({ related: { date: '2024-01-15T12:00:00+01:00' } });
    const recent = (await rawGet(emulator.current, '/api/v2.14/chart/song/global-28/ranking/latest')).json();
    expect(recent).toMatchObject({ related: { date: '2025-08-23T12:00:00+00:00' } });
  });
});
