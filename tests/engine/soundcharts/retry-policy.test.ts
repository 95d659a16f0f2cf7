import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { REQUEST_RETRY_POLICY } from '../../../shared/domain/policies';
import { SongCatalogue } from '../../../electron/emulator/songs';
import {
  RateLimiter,
  SoundchartsClient,
  TransientError,
  type RetryPolicy,
  type SoundchartsError,
} from '../../../electron/engine/soundcharts';
import { TEST_SEED, clientFor, useEmulator } from '../../support/emulator';
import { FakeClock } from '../../support/fake-clock';
import { sendJson, startStubServer } from '../../support/stub-server';
import type { RetryWorkerData, RetryWorkerResult } from './support/retry-worker';

const emulator = useEmulator();
const SONG = new SongCatalogue(TEST_SEED).uuidOf(40_000);
/** A fast policy, as a sync engine would pass to its workers in tests: through structured clone, as plain data. */
const FAST: RetryPolicy = structuredClone({ maxRetries: 1, baseDelayMs: 8, maxDelayMs: 8, factor: 1 });
/** random() = 0.5: half of the 8 ms fixed, half of it times 0.5. */
const FAST_DELAY = 6;

afterEach(() => emulator.current.faults.reset());

const KINDS: [string, string, (client: SoundchartsClient) => Promise<unknown>][] = [
  ['platforms', '/chart/song/platforms', (client) => client.platforms()],
  ['charts of a platform', '/by-platform/', (client) => client.charts('spotify')],
  ['available rankings', '/available-rankings', (client) => client.availableRankings('global-28')],
  ['latest ranking', '/ranking/latest', (client) => client.latestRanking('global-28')],
  [
    'ranking at a date',
    '/ranking/2025-01-15',
    (client) => client.rankingAt('global-28', '2025-01-15T12:00:00+00:00'),
  ],
  ['song metadata', '/api/v2.25/song/', (client) => client.songMetadata(SONG)],
  [
    'song audience',
    '/audience/',
    (client) => client.songAudience(SONG, 'spotify', { startDate: '2025-08-01', endDate: '2025-08-23' }),
  ],
  ['team usage (free)', '/team/usage', (client) => client.teamUsage()],
];

function requestsTo(fragment: string): number {
  return emulator.current.stats.count((record) => record.path.includes(fragment));
}

describe('options.retryPolicy is honoured by every request kind', () => {
  it.each(KINDS)('%s: maxRetries and the backoff come from the policy', async (_name, fragment, call) => {
    const clock = new FakeClock();
    const client = clientFor(emulator.current, { clock, retryPolicy: FAST });
    emulator.current.faults.configure({ serverError: { next: 2, status: 503, match: fragment } });
    const before = requestsTo(fragment);
    const error = await call(client).catch((caught: SoundchartsError) => caught);
    expect(error).toBeInstanceOf(TransientError);
    expect(requestsTo(fragment) - before).toBe(FAST.maxRetries + 1);
    expect(clock.sleeps).toEqual([FAST_DELAY]);

    emulator.current.faults.configure({ serverError: { next: 1, status: 503, match: fragment } });
    await expect(call(client)).resolves.toBeDefined();
    expect(clock.sleeps).toEqual([FAST_DELAY, FAST_DELAY]);
  });

  it.each(KINDS)(
    '%s: rate-limit waits spend no retry, even with maxRetries 0',
    async (_name, fragment, call) => {
      const clock = new FakeClock();
      const client = clientFor(emulator.current, { clock, retryPolicy: { ...FAST, maxRetries: 0 } });
      emulator.current.faults.configure({ rateLimit: { next: 3, resetSeconds: 1, match: fragment } });
      await expect(call(client)).resolves.toBeDefined();
      expect(clock.sleeps.slice(0, 3)).toEqual([2_000, 2_000, 2_000]);
    },
  );

  it('the OAuth token request too', async () => {
    let tokenRequests = 0;
    const stub = await startStubServer((request, response) => {
      if (request.url === '/oauth/token') {
        tokenRequests += 1;
        if (tokenRequests === 1) sendJson(response, 503, { errors: [] });
        else sendJson(response, 200, { access_token: 'token-1', expires_in: 3600 });
      } else sendJson(response, 200, { items: [{ code: 'spotify', name: 'Spotify' }], errors: [] });
    });
    try {
      const credentials = {
        kind: 'oauth',
        clientId: 'a',
        clientSecret: 'b',
        tokenUrl: `${stub.url}/oauth/token`,
      } as const;
      const clock = new FakeClock();
      const options = { baseUrl: stub.url, credentials, clock, random: () => 0.5 };
      const patient = new SoundchartsClient({
        ...options,
        retryPolicy: FAST,
        rateLimiter: RateLimiter.create(1e9, clock),
      });
      expect(await patient.platforms()).toHaveLength(1);
      expect(tokenRequests).toBe(2);
      expect(clock.sleeps).toEqual([FAST_DELAY]);

      tokenRequests = 0;
      const impatient = new SoundchartsClient({
        ...options,
        retryPolicy: { ...FAST, maxRetries: 0 },
        rateLimiter: RateLimiter.create(1e9, clock),
      });
      await expect(impatient.platforms()).rejects.toBeInstanceOf(TransientError);
      expect(tokenRequests).toBe(1);
    } finally {
      await stub.close();
    }
  });
});

describe('a retry policy is plain data, completed and checked when the client is built', () => {
  it('missing fields come from REQUEST_RETRY_POLICY (no NaN delays)', async () => {
    const clock = new FakeClock();
    const client = clientFor(emulator.current, { clock, retryPolicy: { maxRetries: 1 } });
    expect(client.retryPolicy).toEqual({ ...REQUEST_RETRY_POLICY, maxRetries: 1 });
    emulator.current.faults.configure({ serverError: { next: 1, status: 503 } });
    await client.platforms();
    expect(clock.sleeps).toEqual([375]);
  });

  it('keeps its own copy: changing the object passed in changes nothing', () => {
    const policy = { ...FAST };
    const client = clientFor(emulator.current, { retryPolicy: policy });
    policy.maxRetries = 99;
    expect(client.retryPolicy.maxRetries).toBe(FAST.maxRetries);
  });

  it.each([
    [{ maxRetries: -1 }, /maxRetries must be a whole number ≥ 0/],
    [{ maxRetries: 1.5 }, /maxRetries/],
    [{ baseDelayMs: Number.NaN }, /baseDelayMs must be a finite number/],
    [{ maxDelayMs: -5 }, /maxDelayMs/],
    [{ factor: 0 }, /factor must be a finite number ≥ 1/],
    [{ maxRetries: '3' }, /maxRetries/],
  ])('refuses %o', (policy, message) => {
    expect(() => clientFor(emulator.current, { retryPolicy: policy as Partial<RetryPolicy> })).toThrow(
      message,
    );
  });

  it('refuses something that is not a policy at all', () => {
    expect(() => clientFor(emulator.current, { retryPolicy: 'fast' as never })).toThrow(TypeError);
  });
});

function runWorker(data: Omit<RetryWorkerData, 'entry'>): Promise<RetryWorkerResult> {
  const entry = new URL('./support/retry-worker.ts', import.meta.url).href;
  const worker = new Worker(new URL('../../support/ts-worker-bootstrap.mjs', import.meta.url), {
    workerData: { ...data, entry } satisfies RetryWorkerData,
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (result: RetryWorkerResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('a retry policy handed to a worker thread in workerData', () => {
  const policy: RetryPolicy = { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 1, factor: 1 };

  it('arrives intact and governs the worker’s client', async () => {
    emulator.current.faults.configure({ serverError: { next: 2, status: 503 } });
    const before = requestsTo('/platforms');
    const recovered = await runWorker({ url: emulator.current.url, retryPolicy: policy });
    expect(recovered).toEqual({ ok: true, code: null, policy });
    expect(requestsTo('/platforms') - before).toBe(3);

    emulator.current.faults.configure({ serverError: { next: 10, status: 503 } });
    const middle = requestsTo('/platforms');
    const failed = await runWorker({ url: emulator.current.url, retryPolicy: policy });
    expect(failed).toMatchObject({ ok: false, code: 'transient' });
    expect(requestsTo('/platforms') - middle).toBe(policy.maxRetries + 1);
  });
});
