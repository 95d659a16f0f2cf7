import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { QUOTA_RECHECK_MS } from '../../../shared/domain/policies';
import { QuotaTracker, createQuotaState } from '../../../electron/engine/soundcharts/quota';
import { countAt } from './support/quota-count';
import type { QuotaWorkerData, QuotaWorkerResult } from './support/quota-worker';

describe('QuotaTracker: observations are ordered by when their request was sent', () => {
  it('an older count answered late never overwrites a 0 observed later', () => {
    const quota = new QuotaTracker();
    quota.markExhausted(2_000);
    quota.observe(5, 1_000); // sent before the 429, answered after it
    expect(quota.snapshot()).toEqual({ remaining: 0, observedAt: 2_000 });
    expect(quota.isExhausted()).toBe(true);
    quota.observe(7, 3_000); // sent after it: the plan renewed
    expect(quota.snapshot()).toEqual({ remaining: 7, observedAt: 3_000 });
  });

  it('the same holds for counts: an older, larger count does not undo a newer one', () => {
    const quota = new QuotaTracker();
    quota.observe(99, 2_000);
    quota.observe(100, 1_000);
    expect(quota.snapshot()).toEqual({ remaining: 99, observedAt: 2_000 });
  });

  it('two observations of the same millisecond: the smaller count wins, whichever arrives first', () => {
    const first = new QuotaTracker();
    first.observe(9, 3_000);
    first.observe(0, 3_000);
    const second = new QuotaTracker();
    second.observe(0, 3_000);
    second.observe(9, 3_000);
    expect(first.snapshot()).toEqual({ remaining: 0, observedAt: 3_000 });
    expect(second.snapshot()).toEqual({ remaining: 0, observedAt: 3_000 });
  });
});

describe('QuotaTracker: a spent quota is rechecked, not blocked forever', () => {
  it('closed until QUOTA_RECHECK_MS after the 0, then exactly one probe per interval', () => {
    const quota = new QuotaTracker();
    expect(quota.admit(0)).toBe('open'); // unknown: nothing says it is spent
    quota.observe(10, 500);
    expect(quota.admit(600)).toBe('open');
    quota.markExhausted(1_000);
    expect(quota.nextRecheckAt()).toBe(1_000 + QUOTA_RECHECK_MS);
    expect(quota.admit(1_000 + QUOTA_RECHECK_MS - 1)).toBe('closed');
    expect(quota.admit(1_000 + QUOTA_RECHECK_MS)).toBe('probe');
    // Every other thread keeps waiting while the probe is out, and for another interval if it finds nothing.
    expect(quota.admit(1_000 + QUOTA_RECHECK_MS)).toBe('closed');
    expect(quota.nextRecheckAt()).toBe(1_000 + 2 * QUOTA_RECHECK_MS);
    expect(quota.admit(1_000 + 2 * QUOTA_RECHECK_MS - 1)).toBe('closed');
    expect(quota.admit(1_000 + 2 * QUOTA_RECHECK_MS)).toBe('probe');
  });

  it('a newer observation with quota left (a probe’s answer, team usage) opens the gate at once', () => {
    const quota = new QuotaTracker();
    quota.markExhausted(1_000);
    expect(quota.admit(1_001)).toBe('closed');
    quota.observe(50_000, 1_001);
    expect(quota.admit(1_002)).toBe('open');
    expect(quota.nextRecheckAt()).toBeNull();
  });

  it('the recheck interval is shared: a probe taken by one tracker closes the state for the others', () => {
    const state = createQuotaState();
    const a = QuotaTracker.fromState(state);
    const b = QuotaTracker.fromState(state);
    a.markExhausted(0);
    expect(a.admit(QUOTA_RECHECK_MS)).toBe('probe');
    expect(b.admit(QUOTA_RECHECK_MS + 1)).toBe('closed');
  });

  it('reset forgets the 0 and the probe', () => {
    const quota = new QuotaTracker();
    quota.markExhausted(1_000);
    quota.reset();
    expect(quota.snapshot()).toBeNull();
    expect(quota.admit(1_001)).toBe('open');
  });
});

function runWorker(data: Omit<QuotaWorkerData, 'entry'>): Promise<QuotaWorkerResult> {
  const entry = new URL('./support/quota-worker.ts', import.meta.url).href;
  const worker = new Worker(new URL('../../support/ts-worker-bootstrap.mjs', import.meta.url), {
    workerData: { ...data, entry } satisfies QuotaWorkerData,
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (result: QuotaWorkerResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('QuotaTracker across worker threads', () => {
  it('keeps the newest observation of all threads, and never pairs one thread’s count with another’s time', async () => {
    const state = createQuotaState();
    const results = await Promise.all(
      [1, 2, 3].map((seed) => runWorker({ state, seed, operations: 50_000 })),
    );
    expect(results.flatMap((result) => result.torn)).toEqual([]);
    const latest = Math.max(...results.map((result) => result.latest));
    expect(QuotaTracker.fromState(state).snapshot()).toEqual({
      remaining: countAt(latest),
      observedAt: latest,
    });
  });

  it('a lock left behind by a thread that died holding it is taken over, not waited for forever', () => {
    const state = createQuotaState();
    // Slot 0 is the lock: a ticket that will never be released, as if its worker was terminated mid-update.
    Atomics.store(new BigInt64Array(state), 0, 123_456n);
    const quota = QuotaTracker.fromState(state);
    const started = Date.now();
    quota.observe(42, 1_000);
    expect(quota.snapshot()).toEqual({ remaining: 42, observedAt: 1_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
