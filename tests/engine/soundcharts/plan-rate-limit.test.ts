import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../electron/emulator';
import { RateLimiter } from '../../../electron/engine/soundcharts';
import { clientFor, TEST_SEED, TEST_TODAY } from '../../support/emulator';

/** The plan's rate limit as GET /team/usage reports it, applied to the shared limiter and capped by ours. */
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ seed: TEST_SEED, today: TEST_TODAY, rateLimitPerMinute: 600 });
});
afterAll(async () => {
  await emulator.close();
});

describe("the plan's rate limit", () => {
  it('is read from team/usage into the shared limiter when the setting is higher', async () => {
    const limiter = RateLimiter.create(1_200);
    const worker = RateLimiter.fromState(limiter.state);
    const client = clientFor(emulator, { rateLimiter: limiter });
    await client.refreshRateLimit();
    expect(worker.planPerMinute).toBe(600);
    expect(worker.perMinute).toBe(600);
    expect(worker.configuredPerMinute).toBe(1_200);
  });

  it('is capped by the setting when the setting is lower', async () => {
    const limiter = RateLimiter.create(300);
    await clientFor(emulator, { rateLimiter: limiter }).teamUsage();
    expect(limiter.planPerMinute).toBe(600);
    expect(limiter.perMinute).toBe(300);
  });

  it('is read again after a rate-limit 429', async () => {
    const limiter = RateLimiter.create(1e9);
    const client = clientFor(emulator, { rateLimiter: limiter });
    expect(limiter.planPerMinute).toBeNull();
    emulator.faults.configure({ rateLimit: { next: 1, resetSeconds: 0 } });
    try {
      await client.platforms();
      await client.rateLimitRefreshed();
    } finally {
      emulator.faults.reset();
    }
    expect(limiter.planPerMinute).toBe(600);
    expect(limiter.perMinute).toBe(600);
  });
});
