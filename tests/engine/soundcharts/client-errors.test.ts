import { afterEach, describe, expect, it, vi } from 'vitest';
import { REQUEST_RETRY_POLICY } from '../../../shared/domain/policies';
import {
  AuthError,
  ForbiddenError,
  InvalidRequestError,
  MalformedResponseError,
  NotFoundError,
  QuotaExhaustedError,
  QuotaTracker,
  RateLimitedError,
  RateLimiter,
  ServerError,
  TransientError,
  type SoundchartsClient,
  type SoundchartsError,
} from '../../../electron/engine/soundcharts';
import { clientFor as emulatorClient, useEmulator } from '../../support/emulator';
import { FakeClock } from '../../support/fake-clock';

const emulator = useEmulator();
/** Every client of a test, so that the team/usage read a 429 started ends before the next test counts requests. */
const clients: SoundchartsClient[] = [];
const clientFor = (...args: Parameters<typeof emulatorClient>) => {
  const client = emulatorClient(...args);
  clients.push(client);
  return client;
};
const RETRIES = REQUEST_RETRY_POLICY.maxRetries;

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.rateLimitRefreshed()));
  emulator.current.faults.reset();
  emulator.current.quota.setRemaining(1_000_000);
});

async function failure(promise: Promise<unknown>): Promise<SoundchartsError> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: SoundchartsError) => error,
  );
}

/** How many requests reached the emulator while running `action`. */
async function counted<T>(
  action: () => Promise<T>,
): Promise<{ result: T | SoundchartsError; requests: number }> {
  const before = emulator.current.stats.total;
  const result = await action().catch((error: SoundchartsError) => error);
  return { result, requests: emulator.current.stats.total - before };
}

describe('error classes over HTTP, and what the client does about each', () => {
  it('401: wrong credentials fail fast as AuthError, never retried, credentials kept out of the error', async () => {
    const clock = new FakeClock();
    const client = clientFor(emulator.current, {
      clock,
      credentials: { kind: 'api-key', appId: 'intruder', apiKey: 'secret-key-123' },
    });
    const { result, requests } = await counted(() => client.platforms());
    expect(result).toBeInstanceOf(AuthError);
    const error = result as AuthError;
    expect(error).toMatchObject({ code: 'auth', status: 401, apiMessage: 'You are not logged in.' });
    expect(error.path).toBe('/api/v2/chart/song/platforms?offset=0&limit=100');
    expect(`${error.message} ${error.path} ${error.apiMessage}`).not.toContain('secret-key-123');
    // The request once, and the credential check (team/usage, free) that confirms the refusal.
    expect(requests).toBe(2);
    expect(clock.sleeps).toEqual([]);
  });

  it('a configured credential pair is accepted like the sandbox one', async () => {
    const other = await import('../../../electron/emulator').then(({ startEmulator }) =>
      startEmulator({
        seed: 1,
        today: '2025-08-23',
        credentials: [{ appId: 'app-1', apiKey: 'key-1' }],
        acceptSandbox: false,
      }),
    );
    try {
      const good = clientFor(other, { credentials: { kind: 'api-key', appId: 'app-1', apiKey: 'key-1' } });
      expect(await good.platforms()).toHaveLength(21);
      const sandbox = clientFor(other);
      await expect(sandbox.platforms()).rejects.toBeInstanceOf(AuthError);
    } finally {
      await other.close();
    }
  });

  it('403: ForbiddenError (endpoint not in plan), not retried', async () => {
    emulator.current.faults.configure({ forbidden: { next: 1 } });
    const { result, requests } = await counted(() => clientFor(emulator.current).platforms());
    expect(result).toBeInstanceOf(ForbiddenError);
    expect(result).toMatchObject({ code: 'forbidden', status: 403 });
    expect((result as ForbiddenError).apiMessage).toContain('not included in your current plan');
    expect(requests).toBe(1);
  });

  it('404: NotFoundError with the real body’s message, not retried', async () => {
    const { result, requests } = await counted(() =>
      clientFor(emulator.current).latestRanking('no-such-chart'),
    );
    expect(result).toBeInstanceOf(NotFoundError);
    expect(result).toMatchObject({ code: 'not_found', status: 404, apiMessage: 'Not found.' });
    expect(requests).toBe(1);
  });

  it('404 for a ranking date the chart does not have', async () => {
    await expect(
      clientFor(emulator.current).rankingAt('global-28', '2020-01-01T12:00:00+00:00'),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('400: InvalidRequestError for a bad platform or date, not retried', async () => {
    const client = clientFor(emulator.current);
    const { result, requests } = await counted(() => client.charts('myspace'));
    expect(result).toBeInstanceOf(InvalidRequestError);
    expect(result).toMatchObject({ code: 'invalid_request', status: 400, apiMessage: 'Invalid platform.' });
    expect(requests).toBe(1);
    await expect(client.rankingAt('global-28', 'not-a-date')).rejects.toBeInstanceOf(InvalidRequestError);
  });

  it('500: ServerError, not retried', async () => {
    const clock = new FakeClock();
    emulator.current.faults.configure({ serverError: { next: 1, status: 500 } });
    const { result, requests } = await counted(() => clientFor(emulator.current, { clock }).platforms());
    expect(result).toBeInstanceOf(ServerError);
    expect(result).toMatchObject({ code: 'server_error', status: 500 });
    expect(requests).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it.each([502, 503, 504])('%i: transient, retried with backoff until it succeeds', async (status) => {
    const clock = new FakeClock();
    emulator.current.faults.configure({ serverError: { next: 2, status } });
    const { result, requests } = await counted(() => clientFor(emulator.current, { clock }).platforms());
    expect(result).toHaveLength(21);
    expect(requests).toBe(3);
    // random() = 0.5: three quarters of the capped exponential delay.
    expect(clock.sleeps).toEqual([375, 750]);
  });

  it('transient failures past the retry budget end as TransientError after maxRetries + 1 requests', async () => {
    const clock = new FakeClock();
    emulator.current.faults.configure({ serverError: { next: RETRIES + 5, status: 503 } });
    const { result, requests } = await counted(() => clientFor(emulator.current, { clock }).platforms());
    expect(result).toBeInstanceOf(TransientError);
    expect(result).toMatchObject({ code: 'transient', status: 503, retryable: true });
    expect(requests).toBe(RETRIES + 1);
    expect(clock.sleeps).toHaveLength(RETRIES);
  });

  it('a request that times out is transient and retried', async () => {
    const clock = new FakeClock();
    emulator.current.faults.configure({ timeout: { next: 1 } });
    const client = clientFor(emulator.current, { clock, timeoutMs: 200 });
    const { result, requests } = await counted(() => client.platforms());
    expect(result).toHaveLength(21);
    expect(requests).toBe(2);
    expect(clock.sleeps).toHaveLength(1);
  });

  it('a reset connection is transient and retried; when it persists, TransientError without a status', async () => {
    const clock = new FakeClock();
    emulator.current.faults.configure({ connectionReset: { next: 1 } });
    const client = clientFor(emulator.current, { clock });
    expect(await client.platforms()).toHaveLength(21);
    emulator.current.faults.configure({ connectionReset: { probability: 1 } });
    const error = await failure(client.platforms());
    expect(error).toBeInstanceOf(TransientError);
    expect(error.status).toBeNull();
    expect(error.message).toMatch(/ECONNRESET|socket hang up/);
  });

  it('a body that is not JSON (HTTP 200) is retried per request like a 503', async () => {
    const clock = new FakeClock();
    emulator.current.faults.configure({ malformedJson: { next: 2 } });
    const { result, requests } = await counted(() => clientFor(emulator.current, { clock }).platforms());
    expect(result).toHaveLength(21);
    expect(requests).toBe(3);
    expect(clock.sleeps).toHaveLength(2);
  });

  it('a body that stays malformed ends as MalformedResponseError after maxRetries + 1 requests', async () => {
    const clock = new FakeClock();
    emulator.current.faults.configure({ malformedJson: { probability: 1 } });
    const { result, requests } = await counted(() => clientFor(emulator.current, { clock }).platforms());
    expect(result).toBeInstanceOf(MalformedResponseError);
    expect(result).toMatchObject({ code: 'malformed_response' });
    expect(requests).toBe(RETRIES + 1);
  });

  it('429 "maximum request count": waits x-ratelimit-reset (+1 s) and retries without spending a retry', async () => {
    const clock = new FakeClock();
    // More rate-limit refusals than there are retries: they must not count against them.
    emulator.current.faults.configure({ rateLimit: { next: RETRIES + 2, resetSeconds: 3 } });
    const client = clientFor(emulator.current, { clock });
    const usage = () =>
      emulator.current.stats.count((r) => r.path.includes('/team/usage') && r.status === 200);
    const usageBefore = usage();
    const before = emulator.current.stats.total;
    const result = await client.platforms();
    expect(result).toHaveLength(21);
    // The first 429 also asked team/usage once for the plan's limit (waiting out the same pause).
    await vi.waitFor(() => expect(usage() - usageBefore).toBe(1));
    // Every 429 (whichever request met it), the platforms page, and the one team/usage answer.
    expect(emulator.current.stats.total - before).toBe(RETRIES + 4);
    expect(new Set(clock.sleeps)).toEqual(new Set([4_000]));
  });

  it('a rate-limit pause is shared: a client on another limiter over the same state waits too', async () => {
    const clock = new FakeClock();
    const first = clientFor(emulator.current, { clock });
    const second = clientFor(emulator.current, {
      clock,
      rateLimiter: RateLimiter.fromState(first.rateLimiter.state, clock),
    });
    emulator.current.faults.configure({ rateLimit: { next: 1, resetSeconds: 5 } });
    const refusedAt = clock.now();
    await first.platforms();
    expect(second.rateLimiter.pausedUntil()).toBe(refusedAt + 6_000);
    // Back to the moment of the 429, as seen by a request the second client had queued then.
    clock.advance(refusedAt - clock.now());
    await second.platforms();
    expect(clock.sleeps).toEqual([6_000, 6_000]);
  });

  it('honours Retry-After when it asks for longer', async () => {
    const clock = new FakeClock();
    emulator.current.faults.configure({ rateLimit: { next: 1, resetSeconds: 2, retryAfter: true } });
    await clientFor(emulator.current, { clock }).platforms();
    expect(clock.sleeps).toEqual([3_000]);
  });

  it('a server that keeps rate-limiting ends as RateLimitedError', async () => {
    const clock = new FakeClock();
    emulator.current.faults.configure({ rateLimit: { probability: 1, resetSeconds: 1 } });
    const error = await failure(clientFor(emulator.current, { clock }).platforms());
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, retryAfterMs: 2_000 });
  });

  it('other 429: QuotaExhaustedError, not retried, and nothing more is sent', async () => {
    const quota = new QuotaTracker();
    const client = clientFor(emulator.current, { quota });
    emulator.current.faults.configure({ quotaExhausted: { next: 1 } });
    const { result, requests } = await counted(() => client.platforms());
    expect(result).toBeInstanceOf(QuotaExhaustedError);
    expect(result).toMatchObject({
      code: 'quota_exhausted',
      status: 429,
      apiMessage: 'Maximum quota reached.',
    });
    expect(requests).toBe(1);
    expect(quota.isExhausted()).toBe(true);
    emulator.current.quota.setRemaining(1_000);
    const again = await counted(() => client.platforms());
    expect(again.result).toBeInstanceOf(QuotaExhaustedError);
    expect((again.result as QuotaExhaustedError).status).toBeNull();
    expect(again.requests).toBe(0);
  });

  it('tracks x-quota-remaining; at 0 it stops sending, but team usage still goes through', async () => {
    const clock = new FakeClock();
    const client = clientFor(emulator.current, { clock });
    emulator.current.quota.setRemaining(2);
    await client.platforms();
    expect(client.quota).toEqual({ remaining: 1, observedAt: clock.now() });
    await client.platforms();
    expect(client.quota?.remaining).toBe(0);
    const refused = await counted(() => client.platforms());
    expect(refused.result).toBeInstanceOf(QuotaExhaustedError);
    expect(refused.requests).toBe(0);
    const usage = await counted(() => client.teamUsage());
    expect(usage.requests).toBe(1);
    expect(usage.result).toMatchObject({ quotaRemaining: 0, quota: { remaining: 0 } });
  });

  it('aborting a call stops its retries', async () => {
    const controller = new AbortController();
    emulator.current.faults.configure({ serverError: { probability: 1, status: 503 } });
    const client = clientFor(emulator.current); // real clock: backoff really waits
    const pending = client.platforms({ signal: controller.signal });
    setTimeout(() => controller.abort(new Error('sync cancelled')), 100);
    await expect(pending).rejects.toThrow('sync cancelled');
  });
});
