import { systemClock, type Clock } from './clock';

/**
 * One request budget for the whole app, shared by every client in every worker thread.
 *
 * The state lives in a SharedArrayBuffer created once by the main thread and handed to workers through
 * workerData; all reads and writes go through Atomics, so no thread can take a slot another thread took.
 * Requests are spaced evenly (one slot every 60 000 / perMinute ms): with no bursts, no 60-second window can
 * ever hold more than the configured number of requests, whatever the threads do.
 *
 * A 429 "maximum request count" writes a pause-until instant into the same state, so every thread stops until
 * the API's reset, not just the one that was refused.
 *
 * Two limits make the spacing: the operator's (setting, variable or flag: `setPerMinute`) and the plan's, as
 * GET /team/usage reports it (`setPlanPerMinute`); the lower one wins, so the setting caps the plan.
 */

const SLOT_NEXT_FREE_US = 0;
const SLOT_PAUSE_UNTIL_MS = 1;
const SLOT_INTERVAL_US = 2;
const SLOT_CONFIGURED_PER_MINUTE = 3;
/** 0 while the plan's limit is unknown. */
const SLOT_PLAN_PER_MINUTE = 4;
const SLOT_COUNT = 5;
const MICROS_PER_MS = 1000n;
const MICROS_PER_MINUTE = 60_000_000;

export function createRateLimitState(perMinute: number): SharedArrayBuffer {
  if (!Number.isFinite(perMinute) || perMinute <= 0) {
    throw new RangeError(`perMinute must be a positive number, got ${perMinute}`);
  }
  const buffer = new SharedArrayBuffer(SLOT_COUNT * BigInt64Array.BYTES_PER_ELEMENT);
  const slots = new BigInt64Array(buffer);
  Atomics.store(slots, SLOT_CONFIGURED_PER_MINUTE, BigInt(Math.ceil(perMinute)));
  Atomics.store(slots, SLOT_INTERVAL_US, BigInt(Math.ceil(MICROS_PER_MINUTE / perMinute)));
  return buffer;
}

export class RateLimiter {
  private readonly slots: BigInt64Array;
  private readonly clock: Clock;

  private constructor(buffer: SharedArrayBuffer, clock: Clock) {
    if (buffer.byteLength !== SLOT_COUNT * BigInt64Array.BYTES_PER_ELEMENT) {
      throw new TypeError('not a rate-limit state: create it with createRateLimitState()');
    }
    this.slots = new BigInt64Array(buffer);
    this.clock = clock;
  }

  /** A limiter drawing from a state shared with other limiters (in this thread or others). */
  static fromState(buffer: SharedArrayBuffer, clock: Clock = systemClock): RateLimiter {
    return new RateLimiter(buffer, clock);
  }

  /** A limiter with a budget of its own, for a client used alone. */
  static create(perMinute: number, clock: Clock = systemClock): RateLimiter {
    return new RateLimiter(createRateLimitState(perMinute), clock);
  }

  get state(): SharedArrayBuffer {
    return this.slots.buffer as SharedArrayBuffer;
  }

  /** The limit in force: min(plan, configured). */
  get perMinute(): number {
    return MICROS_PER_MINUTE / Number(Atomics.load(this.slots, SLOT_INTERVAL_US));
  }

  /** The operator's limit (setting, variable or flag). */
  get configuredPerMinute(): number {
    return Number(Atomics.load(this.slots, SLOT_CONFIGURED_PER_MINUTE));
  }

  /** The plan's limit as team/usage last reported it; null until it did. */
  get planPerMinute(): number | null {
    const plan = Number(Atomics.load(this.slots, SLOT_PLAN_PER_MINUTE));
    return plan > 0 ? plan : null;
  }

  /**
   * A new operator limit for every holder of this state at once: slots reserved from now on are spaced by
   * min(plan, it); one already taken keeps its time.
   */
  setPerMinute(perMinute: number): void {
    if (!Number.isFinite(perMinute) || perMinute <= 0) {
      throw new RangeError(`perMinute must be a positive number, got ${perMinute}`);
    }
    Atomics.store(this.slots, SLOT_CONFIGURED_PER_MINUTE, BigInt(Math.ceil(perMinute)));
    this.applyLimits();
  }

  /** The plan's limit (team/usage); null or a non-positive value forgets it (the operator's limit alone). */
  setPlanPerMinute(perMinute: number | null): void {
    const plan =
      perMinute !== null && Number.isFinite(perMinute) && perMinute > 0 ? Math.floor(perMinute) : 0;
    Atomics.store(this.slots, SLOT_PLAN_PER_MINUTE, BigInt(plan));
    this.applyLimits();
  }

  private applyLimits(): void {
    const configured = this.configuredPerMinute;
    const plan = this.planPerMinute;
    const effective = plan === null ? configured : Math.min(plan, configured);
    Atomics.store(this.slots, SLOT_INTERVAL_US, BigInt(Math.ceil(MICROS_PER_MINUTE / effective)));
  }

  /** Resolves when this caller may send one request; the slot is taken for it. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const pausedFor = this.pausedUntil() - this.clock.now();
      if (pausedFor > 0) {
        await this.clock.sleep(pausedFor, signal);
        continue;
      }
      const startUs = this.reserveSlot();
      const waitMs = Number(startUs / MICROS_PER_MS) - this.clock.now();
      if (waitMs > 0) await this.clock.sleep(waitMs, signal);
      // A pause written while we waited for our slot wins: the API said nobody may send until then.
      if (this.pausedUntil() > this.clock.now()) continue;
      return;
    }
  }

  /** Stop every holder of this state from sending until `epochMs`. Only ever extends a pause. */
  pauseUntil(epochMs: number): void {
    const target = BigInt(Math.ceil(epochMs));
    for (;;) {
      const current = Atomics.load(this.slots, SLOT_PAUSE_UNTIL_MS);
      if (current >= target) return;
      if (Atomics.compareExchange(this.slots, SLOT_PAUSE_UNTIL_MS, current, target) === current) return;
    }
  }

  /** The instant (epoch ms) until which requests are paused; in the past when they are not. */
  pausedUntil(): number {
    return Number(Atomics.load(this.slots, SLOT_PAUSE_UNTIL_MS));
  }

  private reserveSlot(): bigint {
    const interval = Atomics.load(this.slots, SLOT_INTERVAL_US);
    for (;;) {
      const nowUs = BigInt(Math.floor(this.clock.now())) * MICROS_PER_MS;
      const next = Atomics.load(this.slots, SLOT_NEXT_FREE_US);
      const start = next > nowUs ? next : nowUs;
      if (Atomics.compareExchange(this.slots, SLOT_NEXT_FREE_US, next, start + interval) === next)
        return start;
    }
  }
}
