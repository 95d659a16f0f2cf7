/**
 * The plan's remaining request quota, as last reported by the API in `x-quota-remaining`.
 *
 * Backed by a SharedArrayBuffer like the rate limiter, so that responses seen by clients in worker threads are
 * readable by the main thread (the UI shows it; the sync engine stops when it reaches 0).
 */

const SLOT_REMAINING = 0;
const SLOT_OBSERVED_AT = 1;
const SLOT_COUNT = 2;
/** Stored in SLOT_REMAINING until the first response tells us the real number. */
const UNKNOWN = -1n;

export type QuotaSnapshot = {
  readonly remaining: number;
  /** Epoch ms of the response that reported it. */
  readonly observedAt: number;
};

export function createQuotaState(): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(SLOT_COUNT * BigInt64Array.BYTES_PER_ELEMENT);
  Atomics.store(new BigInt64Array(buffer), SLOT_REMAINING, UNKNOWN);
  return buffer;
}

export class QuotaTracker {
  private readonly slots: BigInt64Array;

  constructor(buffer: SharedArrayBuffer = createQuotaState()) {
    if (buffer.byteLength !== SLOT_COUNT * BigInt64Array.BYTES_PER_ELEMENT) {
      throw new TypeError('not a quota state: create it with createQuotaState()');
    }
    this.slots = new BigInt64Array(buffer);
  }

  static fromState(buffer: SharedArrayBuffer): QuotaTracker {
    return new QuotaTracker(buffer);
  }

  get state(): SharedArrayBuffer {
    return this.slots.buffer as SharedArrayBuffer;
  }

  observe(remaining: number, observedAt: number): void {
    if (!Number.isFinite(remaining)) return;
    Atomics.store(this.slots, SLOT_OBSERVED_AT, BigInt(Math.floor(observedAt)));
    Atomics.store(this.slots, SLOT_REMAINING, BigInt(Math.max(0, Math.floor(remaining))));
  }

  /** A quota 429 says the quota is spent even when no header said 0. */
  markExhausted(observedAt: number): void {
    this.observe(0, observedAt);
  }

  /** Forget what we knew, e.g. after the operator says the plan was renewed. */
  reset(): void {
    Atomics.store(this.slots, SLOT_REMAINING, UNKNOWN);
    Atomics.store(this.slots, SLOT_OBSERVED_AT, 0n);
  }

  snapshot(): QuotaSnapshot | null {
    const remaining = Atomics.load(this.slots, SLOT_REMAINING);
    if (remaining === UNKNOWN) return null;
    return { remaining: Number(remaining), observedAt: Number(Atomics.load(this.slots, SLOT_OBSERVED_AT)) };
  }

  isExhausted(): boolean {
    return Atomics.load(this.slots, SLOT_REMAINING) === 0n;
  }
}
