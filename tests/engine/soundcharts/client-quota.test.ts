import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { QUOTA_RECHECK_MS, RATE_LIMIT_FALLBACK_WAIT_MS } from '../../../shared/domain/policies';
import {
  QuotaExhaustedError,
  QuotaTracker,
  RateLimiter,
  SANDBOX_CREDENTIALS,
  SoundchartsClient,
  type SoundchartsError,
} from '../../../electron/engine/soundcharts';
import { clientFor, useEmulator } from '../../support/emulator';
import { FakeClock } from '../../support/fake-clock';
import { sendJson, startStubServer, type StubServer } from '../../support/stub-server';

const PLATFORMS = { items: [{ code: 'spotify', name: 'Spotify' }], errors: [] };
const GATEWAY_HTML = '<html><body><h1>429 Too Many Requests</h1></body></html>';
const QUOTA_BODY = { errors: [{ key: 'quota', code: 429, message: 'Maximum quota reached.' }] };

type Answer = (response: ServerResponse) => void;

function html(status: number, headers: Record<string, string> = {}): Answer {
  return (response) => {
    response.writeHead(status, { 'content-type': 'text/html', ...headers });
    response.end(GATEWAY_HTML);
  };
}

const ok: Answer = (response) => sendJson(response, 200, PLATFORMS, { 'x-quota-remaining': '5000' });

/** A server that answers each request with the next scripted answer (the last one repeats). */
async function scripted(...answers: Answer[]): Promise<StubServer> {
  let next = 0;
  return startStubServer((_request, response) => {
    const answer = answers[Math.min(next, answers.length - 1)]!;
    next += 1;
    answer(response);
  });
}

function stubClient(stub: StubServer, clock: FakeClock, quota = new QuotaTracker()): SoundchartsClient {
  return new SoundchartsClient({
    baseUrl: stub.url,
    credentials: SANDBOX_CREDENTIALS,
    rateLimiter: RateLimiter.create(1e9, clock),
    quota,
    clock,
    random: () => 0.5,
  });
}

describe('429 without "maximum request count" in the body', () => {
  it('with x-ratelimit-reset, an HTML body from a gateway is a rate limit: wait, no retry spent, quota untouched', async () => {
    const stub = await scripted(html(429, { 'x-ratelimit-reset': '2' }), ok);
    try {
      const clock = new FakeClock();
      const client = stubClient(stub, clock);
      expect(await client.platforms()).toHaveLength(1);
      expect(clock.sleeps).toEqual([3_000]);
      expect(client.quotaTracker.isExhausted()).toBe(false);
      expect(stub.requests).toHaveLength(2);
    } finally {
      await stub.close();
    }
  });

  it('with Retry-After only, the same', async () => {
    const stub = await scripted(html(429, { 'retry-after': '5' }), ok);
    try {
      const clock = new FakeClock();
      const client = stubClient(stub, clock);
      expect(await client.platforms()).toHaveLength(1);
      expect(clock.sleeps).toEqual([6_000]);
      expect(client.quotaTracker.isExhausted()).toBe(false);
    } finally {
      await stub.close();
    }
  });

  it('a reset header wins over the body, whatever the body says', async () => {
    const stub = await scripted(
      (response) => sendJson(response, 429, QUOTA_BODY, { 'x-ratelimit-reset': '1' }),
      ok,
    );
    try {
      const clock = new FakeClock();
      const client = stubClient(stub, clock);
      expect(await client.platforms()).toHaveLength(1);
      expect(clock.sleeps).toEqual([2_000]);
    } finally {
      await stub.close();
    }
  });

  it('a 429 that itself reports quota left is a rate limit (waited out with the fallback wait)', async () => {
    const stub = await scripted(html(429, { 'x-quota-remaining': '1234' }), ok);
    try {
      const clock = new FakeClock();
      const client = stubClient(stub, clock);
      expect(await client.platforms()).toHaveLength(1);
      expect(clock.sleeps).toEqual([RATE_LIMIT_FALLBACK_WAIT_MS]);
      expect(client.quotaTracker.isExhausted()).toBe(false);
    } finally {
      await stub.close();
    }
  });

  it('any other 429 is the quota: QuotaExhaustedError, not retried', async () => {
    const stub = await scripted(html(429), ok);
    try {
      const clock = new FakeClock();
      const client = stubClient(stub, clock);
      await expect(client.platforms()).rejects.toBeInstanceOf(QuotaExhaustedError);
      expect(client.quotaTracker.isExhausted()).toBe(true);
      expect(stub.requests).toHaveLength(1);
      expect(clock.sleeps).toEqual([]);
    } finally {
      await stub.close();
    }
  });
});

describe('an exhausted quota is rechecked (emulator)', () => {
  const emulator = useEmulator();

  afterEach(() => {
    emulator.current.faults.reset();
    emulator.current.quota.setRemaining(1_000_000);
  });

  async function requestsDuring<T>(
    action: () => Promise<T>,
  ): Promise<{ result: T | SoundchartsError; requests: number }> {
    const before = emulator.current.stats.total;
    const result = await action().catch((error: SoundchartsError) => error);
    return { result, requests: emulator.current.stats.total - before };
  }

  it('after QUOTA_RECHECK_MS one request goes out; a renewed plan lets everything through again', async () => {
    const clock = new FakeClock();
    const client = clientFor(emulator.current, { clock, quota: new QuotaTracker() });
    emulator.current.faults.configure({ quotaExhausted: { next: 1 } });
    expect((await requestsDuring(() => client.platforms())).result).toBeInstanceOf(QuotaExhaustedError);
    emulator.current.quota.setRemaining(1_000); // the plan renews; the client does not know yet

    clock.advance(QUOTA_RECHECK_MS - 1);
    const early = await requestsDuring(() => client.platforms());
    expect(early.result).toBeInstanceOf(QuotaExhaustedError);
    expect((early.result as QuotaExhaustedError).message).toMatch(/not sending .* before \d{4}-/);
    expect(early.requests).toBe(0);

    clock.advance(1);
    const probe = await requestsDuring(() => client.platforms());
    expect(probe.result).toHaveLength(21);
    expect(probe.requests).toBe(1);
    expect(client.quota?.remaining).toBe(999);
    const after = await requestsDuring(() => client.charts('spotify'));
    expect(after.requests).toBeGreaterThan(0);
    expect(after.result).not.toBeInstanceOf(QuotaExhaustedError);
  });

  it('a probe that finds the quota still spent closes the gate for another interval', async () => {
    const clock = new FakeClock();
    const client = clientFor(emulator.current, { clock, quota: new QuotaTracker() });
    emulator.current.quota.setRemaining(0);
    expect((await requestsDuring(() => client.platforms())).requests).toBe(1);
    clock.advance(QUOTA_RECHECK_MS);
    const probe = await requestsDuring(() => client.platforms());
    expect(probe).toMatchObject({ requests: 1, result: expect.any(QuotaExhaustedError) });
    clock.advance(QUOTA_RECHECK_MS - 1);
    expect((await requestsDuring(() => client.platforms())).requests).toBe(0);
    clock.advance(1);
    expect((await requestsDuring(() => client.platforms())).requests).toBe(1);
  });

  it('team usage (free) that shows quota again lifts the stop at once', async () => {
    const clock = new FakeClock();
    const client = clientFor(emulator.current, { clock, quota: new QuotaTracker() });
    emulator.current.quota.setRemaining(0);
    await client.platforms().catch(() => undefined);
    expect(client.quotaTracker.isExhausted()).toBe(true);
    emulator.current.quota.setRemaining(1_000);
    clock.advance(1);
    expect((await client.teamUsage()).quotaRemaining).toBe(1_000);
    expect(await client.platforms()).toHaveLength(21);
  });
});

describe('observations out of order', () => {
  it('a request sent before a quota 429 but answered after it does not reopen the quota', async () => {
    let releaseSlow: (() => void) | null = null;
    const received: string[] = [];
    const stub = await startStubServer((request, response) => {
      received.push(request.url ?? '');
      if (request.url?.includes('/platforms')) {
        releaseSlow = () => sendJson(response, 200, PLATFORMS, { 'x-quota-remaining': '5' });
      } else {
        sendJson(response, 429, QUOTA_BODY, { 'x-quota-remaining': '0' });
      }
    });
    try {
      const clock = new FakeClock();
      const client = stubClient(stub, clock);
      const slow = client.platforms();
      // Wait until the first request is at the server (and so stamped with the time it was sent).
      while (releaseSlow === null) await new Promise((resolve) => setTimeout(resolve, 5));
      const sentFirst = clock.now();

      clock.advance(1_000);
      await expect(client.songMetadata('u-1')).rejects.toBeInstanceOf(QuotaExhaustedError);
      expect(client.quota).toEqual({ remaining: 0, observedAt: sentFirst + 1_000 });

      (releaseSlow as () => void)();
      expect(await slow).toHaveLength(1);
      // The 5 was counted before the 0: the quota stays spent, and nothing more is sent.
      expect(client.quota).toEqual({ remaining: 0, observedAt: sentFirst + 1_000 });
      await expect(client.charts('spotify')).rejects.toBeInstanceOf(QuotaExhaustedError);
      expect(received).toHaveLength(2);
    } finally {
      await stub.close();
    }
  });
});
