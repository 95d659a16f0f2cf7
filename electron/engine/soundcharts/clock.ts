import { setTimeout as delay } from 'node:timers/promises';

/**
 * Time as the client sees it. Injected so that tests can run retries, rate-limit pauses and token expiry
 * without waiting for real time to pass.
 */
export type Clock = {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
};

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: async (ms, signal) => {
    if (ms <= 0) {
      signal?.throwIfAborted();
      return;
    }
    try {
      await delay(ms, undefined, signal ? { signal } : undefined);
    } catch (error) {
      // The caller's reason (e.g. "sync cancelled"), not a generic AbortError.
      if (signal?.aborted) throw signal.reason;
      throw error;
    }
  },
};
