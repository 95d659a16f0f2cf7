import { describe, expect, it } from 'vitest';
import { RateLimiter, createRateLimitState } from '../../../electron/engine/soundcharts/rate-limiter';
import { QuotaTracker, createQuotaState } from '../../../electron/engine/soundcharts/quota';
import { FakeClock } from '../../support/fake-clock';

async function startTimes(limiter: RateLimiter, clock: FakeClock, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    await limiter.acquire();
    times.push(clock.now());
  }
  return times;
}

describe('RateLimiter', () => {
  it('spaces requests evenly: perMinute requests take a minute', async () => {
    const clock = new FakeClock(0);
    const limiter = RateLimiter.create(120, clock);
    const times = await startTimes(limiter, clock, 121);
    expect(times[0]).toBe(0);
    expect(times[1]).toBe(500);
    expect(times[120]).toBe(60_000);
    expect(limiter.perMinute).toBe(120);
  });

  it('draws every limiter of one state from the same budget', async () => {
    const clock = new FakeClock(0);
    const state = createRateLimitState(60);
    const a = RateLimiter.fromState(state, clock);
    const b = RateLimiter.fromState(state, clock);
    await a.acquire();
    await b.acquire();
    await a.acquire();
    expect(clock.now()).toBe(2_000);
  });

  it('takes a new limit live: every holder of the state spaces its next requests by it', async () => {
    const clock = new FakeClock(0);
    const state = createRateLimitState(60);
    const a = RateLimiter.fromState(state, clock);
    const b = RateLimiter.fromState(state, clock);
    await a.acquire();
    await a.acquire();
    expect(clock.now()).toBe(1_000);
    a.setPerMinute(600);
    expect(b.perMinute).toBe(600);
    // The slot already reserved (at 2 s) keeps its time; the ones after it are 100 ms apart.
    expect(await startTimes(b, clock, 3)).toEqual([2_000, 2_100, 2_200]);
    expect(() => a.setPerMinute(0)).toThrow(RangeError);
  });

  it('pauses every holder of the state until the pause ends, and only ever extends a pause', async () => {
    const clock = new FakeClock(10_000);
    const state = createRateLimitState(6_000);
    const a = RateLimiter.fromState(state, clock);
    const b = RateLimiter.fromState(state, clock);
    a.pauseUntil(15_000);
    a.pauseUntil(12_000);
    expect(b.pausedUntil()).toBe(15_000);
    await b.acquire();
    expect(clock.now()).toBe(15_000);
  });

  it('stops waiting when aborted', async () => {
    const limiter = RateLimiter.create(1); // one request a minute, real clock
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
  });

  it("spaces by the lower of the plan's limit (team/usage) and the operator's, for every holder", () => {
    const state = createRateLimitState(1_200);
    const limiter = RateLimiter.fromState(state);
    const other = RateLimiter.fromState(state);
    expect([limiter.perMinute, limiter.planPerMinute, limiter.configuredPerMinute]).toEqual([
      1_200,
      null,
      1_200,
    ]);
    // A plan below the setting lowers the limit in force; the setting stays what the operator chose.
    limiter.setPlanPerMinute(600);
    expect([other.perMinute, other.planPerMinute, other.configuredPerMinute]).toEqual([600, 600, 1_200]);
    // A plan above it is capped by it.
    limiter.setPlanPerMinute(5_000);
    expect(other.perMinute).toBe(1_200);
    // The operator lowers the setting under the plan, then raises it above: the plan caps it again.
    other.setPerMinute(300);
    expect(limiter.perMinute).toBe(300);
    other.setPerMinute(10_000);
    expect(limiter.perMinute).toBe(5_000);
    // An unknown plan (null, or a body without a limit) leaves the operator's alone.
    limiter.setPlanPerMinute(null);
    expect(limiter.perMinute).toBe(10_000);
  });

  it('refuses nonsense', () => {
    expect(() => createRateLimitState(0)).toThrow(RangeError);
    expect(() => RateLimiter.fromState(new SharedArrayBuffer(8))).toThrow(TypeError);
  });
});

describe('QuotaTracker', () => {
  it('is unknown until observed, then remembers the value and when it was seen', () => {
    const quota = new QuotaTracker();
    expect(quota.snapshot()).toBeNull();
    expect(quota.isExhausted()).toBe(false);
    quota.observe(42, 1_000);
    expect(quota.snapshot()).toEqual({ remaining: 42, observedAt: 1_000 });
    quota.markExhausted(2_000);
    expect(quota.isExhausted()).toBe(true);
    quota.reset();
    expect(quota.snapshot()).toBeNull();
  });

  it('shares its state with other trackers (another thread reads what this one saw)', () => {
    const state = createQuotaState();
    QuotaTracker.fromState(state).observe(7, 5);
    expect(QuotaTracker.fromState(state).snapshot()).toEqual({ remaining: 7, observedAt: 5 });
  });
});
