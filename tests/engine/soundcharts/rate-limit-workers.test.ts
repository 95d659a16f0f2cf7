import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { QuotaTracker, createQuotaState, createRateLimitState } from '../../../electron/engine/soundcharts';
import { useEmulator } from '../../support/emulator';
import type { RateLimitWorkerData, RateLimitWorkerResult } from '../../support/rate-limit-worker';

/**
 * The global rate limit across real worker threads, measured at the emulator. A per-minute limit of 600
 * (10 a second) keeps the test to a few seconds; windows and bounds are generous so that a busy machine
 * cannot make it flaky, while a limit that is not shared (each worker at full rate) would fail it by 2×.
 */

const PER_MINUTE = 600;
const PER_SECOND = PER_MINUTE / 60;
const STARTUP_MS = 2_000;
const RUN_MS = 4_500;
const FAULT_AFTER_MS = 1_500;
const RESET_SECONDS = 1;
/** x-ratelimit-reset + the client's 1 s margin, less scheduling slack. */
const MIN_PAUSE_MS = RESET_SECONDS * 1000 + 1000 - 200;

const emulator = useEmulator();

function runWorker(data: Omit<RateLimitWorkerData, 'entry'>): Promise<RateLimitWorkerResult> {
  const entry = new URL('../../support/rate-limit-worker.ts', import.meta.url).href;
  const worker = new Worker(new URL('../../support/ts-worker-bootstrap.mjs', import.meta.url), {
    workerData: { ...data, entry } satisfies RateLimitWorkerData,
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (result: RateLimitWorkerResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('global rate limit across worker threads (emulator)', () => {
  it('keeps two workers together under the limit, and a 429 pauses both without spending retries', async () => {
    const rateLimitState = createRateLimitState(PER_MINUTE);
    const quotaState = createQuotaState();
    const startAt = Date.now() + STARTUP_MS;
    const deadline = startAt + RUN_MS;
    emulator.current.stats.reset();
    const faultTimer = setTimeout(
      () => emulator.current.faults.configure({ rateLimit: { next: 1, resetSeconds: RESET_SECONDS } }),
      startAt + FAULT_AFTER_MS - Date.now(),
    );
    const results = await Promise.all([
      runWorker({ url: emulator.current.url, rateLimitState, quotaState, startAt, deadline }),
      runWorker({ url: emulator.current.url, rateLimitState, quotaState, startAt, deadline }),
    ]);
    clearTimeout(faultTimer);

    const records = emulator.current.stats.requests.filter((record) => record.path.startsWith('/api/'));
    const times = records.map((record) => record.at).sort((a, b) => a - b);
    const refusals = records.filter((record) => record.status === 429);
    const usage = records.filter((record) => record.path.includes('/team/usage'));
    const successes = records.filter((record) => record.status === 200 && !usage.includes(record));
    // The 429 made its thread read the plan's limit again, once (spaced by the same limiter as the rest).
    expect(usage).toHaveLength(1);

    // No worker saw an error: the 429 was waited out, not thrown, and cost no retry.
    expect(results.flatMap((result) => result.errors)).toEqual([]);
    expect(refusals).toHaveLength(1);
    // Both workers got their share of one budget.
    const total = results[0]!.requests + results[1]!.requests;
    expect(total).toBe(successes.length);
    for (const result of results) expect(result.requests).toBeGreaterThanOrEqual(total * 0.25);

    // Overall rate: at most the limit (plus the request in flight at each end).
    const elapsedSeconds = ((times.at(-1) ?? startAt) - (times[0] ?? startAt)) / 1000;
    expect(records.length).toBeLessThanOrEqual(Math.ceil(elapsedSeconds * PER_SECOND) + 2);
    // And in every one-second window.
    let busiest = 0;
    for (let i = 0, j = 0; i < times.length; i += 1) {
      while ((times[j] ?? Infinity) < (times[i] ?? 0) + 1000) j += 1;
      busiest = Math.max(busiest, j - i);
    }
    expect(busiest).toBeLessThanOrEqual(PER_SECOND + 2);

    // After the 429 nobody, in either thread, sent anything until the reset had passed.
    const refusedAt = refusals[0]!.at;
    const nextRequest = times.find((time) => time > refusedAt);
    expect(nextRequest).toBeDefined();
    expect(nextRequest! - refusedAt).toBeGreaterThanOrEqual(MIN_PAUSE_MS);

    // The limiter is not starving the workers either: most of the allowed slots were used.
    const activeSeconds = RUN_MS / 1000 - (RESET_SECONDS + 1);
    expect(total).toBeGreaterThanOrEqual(activeSeconds * PER_SECOND * 0.6);

    // The main thread reads the quota that the workers observed.
    const quota = QuotaTracker.fromState(quotaState).snapshot();
    expect(quota?.remaining).toBeGreaterThanOrEqual(emulator.current.quota.remaining);
    expect(quota!.remaining - emulator.current.quota.remaining).toBeLessThanOrEqual(2);

    console.info(
      `rate-limit workers: ${records.length} requests in ${elapsedSeconds.toFixed(2)} s ` +
        `(limit ${PER_SECOND}/s), busiest 1-s window ${busiest}, split ${results[0]!.requests}/${results[1]!.requests}, ` +
        `pause after 429 ${nextRequest! - refusedAt} ms`,
    );
  });
});
