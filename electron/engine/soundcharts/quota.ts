import { QUOTA_RECHECK_MS } from '../../../shared/domain/policies';

/**
 * The plan's remaining request quota, as last reported by the API in `x-quota-remaining`.
 *
 * Backed by a SharedArrayBuffer like the rate limiter, so that responses seen by clients in worker threads are
 * readable by the main thread (the UI shows it; the sync engine stops when it reaches 0).
 *
 * Observations are ordered by when their request was sent, not by when their answer arrived: a request sent
 * before a quota 429 may be answered after it, and its older, larger count must not undo the 0. The pair
 * (remaining, observedAt) is read and written under a tiny lock in the same buffer, so no thread ever sees the
 * count of one observation with the time of another.
 *
 * Spent is not forever: the plan renews. Once QUOTA_RECHECK_MS have passed since the 0 was observed, one
 * quota-using request (one for all threads) is let through as a probe; its answer either reports quota again
 * (and everything resumes) or refreshes the 0 (and the next probe waits another interval). A free team-usage call
 * that reports quota remaining lifts the stop at once, since it is a newer observation.
 */

const SLOT_LOCK = 0;
const SLOT_TICKET = 1;
const SLOT_REMAINING = 2;
const SLOT_OBSERVED_AT = 3;
const SLOT_PROBE_AT = 4;
const SLOT_COUNT = 5;
/** Stored in SLOT_REMAINING until the first response tells us the real number. */
const UNKNOWN = -1n;
const FREE = 0n;
/**
 * A lock held this long belongs to a thread that died inside its few-instruction critical section (a worker
 * terminated at the wrong instant): it is taken over rather than waited for forever.
 */
const STALE_LOCK_MS = 1_000;
const SPINS_BETWEEN_CLOCK_READS = 1_024;

export type QuotaSnapshot = {
  readonly remaining: number;
  /** Epoch ms at which the request that reported it was sent. */
  readonly observedAt: number;
};

/**
 * What the quota gate says about one quota-using request: `open` (quota left or unknown), `probe` (spent, but
 * the recheck interval has passed and this request is the one sent to find out), `closed` (spent).
 */
export type QuotaAdmission = 'open' | 'probe' | 'closed';

export function createQuotaState(): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(SLOT_COUNT * BigInt64Array.BYTES_PER_ELEMENT);
  Atomics.store(new BigInt64Array(buffer), SLOT_REMAINING, UNKNOWN);
  return buffer;
}

export class QuotaTracker {
  private readonly slots: BigInt64Array;

  constructor(
    buffer: SharedArrayBuffer = createQuotaState(),
    private readonly recheckMs: number = QUOTA_RECHECK_MS,
  ) {
    if (buffer.byteLength !== SLOT_COUNT * BigInt64Array.BYTES_PER_ELEMENT) {
      throw new TypeError('not a quota state: create it with createQuotaState()');
    }
    this.slots = new BigInt64Array(buffer);
  }

  static fromState(buffer: SharedArrayBuffer, recheckMs: number = QUOTA_RECHECK_MS): QuotaTracker {
    return new QuotaTracker(buffer, recheckMs);
  }

  get state(): SharedArrayBuffer {
    return this.slots.buffer as SharedArrayBuffer;
  }

  /**
   * `remaining` as reported by a request sent at `observedAt`. Kept only if it is the newest observation; between
   * two sent in the same millisecond the smaller count wins, since within a period the quota only goes down.
   */
  observe(remaining: number, observedAt: number): void {
    if (!Number.isFinite(remaining) || !Number.isFinite(observedAt)) return;
    const value = BigInt(Math.max(0, Math.floor(remaining)));
    const at = BigInt(Math.floor(observedAt));
    this.locked(() => {
      const current = Atomics.load(this.slots, SLOT_REMAINING);
      const currentAt = Atomics.load(this.slots, SLOT_OBSERVED_AT);
      const newer = current === UNKNOWN || at > currentAt || (at === currentAt && value < current);
      if (!newer) return;
      Atomics.store(this.slots, SLOT_REMAINING, value);
      Atomics.store(this.slots, SLOT_OBSERVED_AT, at);
    });
  }

  /** A quota 429 to a request sent at `observedAt` says the quota is spent even when no header said 0. */
  markExhausted(observedAt: number): void {
    this.observe(0, observedAt);
  }

  /** Forget what we knew, e.g. after the operator says the plan was renewed. */
  reset(): void {
    this.locked(() => {
      Atomics.store(this.slots, SLOT_REMAINING, UNKNOWN);
      Atomics.store(this.slots, SLOT_OBSERVED_AT, 0n);
      Atomics.store(this.slots, SLOT_PROBE_AT, 0n);
    });
  }

  snapshot(): QuotaSnapshot | null {
    return this.locked(() => {
      const remaining = Atomics.load(this.slots, SLOT_REMAINING);
      if (remaining === UNKNOWN) return null;
      return { remaining: Number(remaining), observedAt: Number(Atomics.load(this.slots, SLOT_OBSERVED_AT)) };
    });
  }

  /** Whether the last observation said 0 (whatever a probe may find out later). */
  isExhausted(): boolean {
    return Atomics.load(this.slots, SLOT_REMAINING) === 0n;
  }

  /** When the next probe may go out (epoch ms), or null while the quota is not known to be spent. */
  nextRecheckAt(): number | null {
    return this.locked(() =>
      Atomics.load(this.slots, SLOT_REMAINING) === 0n ? this.lastCheckAt() + this.recheckMs : null,
    );
  }

  /** The gate in front of every quota-using request; a `probe` answer is given to one caller per interval. */
  admit(now: number): QuotaAdmission {
    return this.locked(() => {
      if (Atomics.load(this.slots, SLOT_REMAINING) !== 0n) return 'open';
      if (now - this.lastCheckAt() < this.recheckMs) return 'closed';
      Atomics.store(this.slots, SLOT_PROBE_AT, BigInt(Math.floor(now)));
      return 'probe';
    });
  }

  /** The later of the 0's observation and the last probe. Called with the lock held. */
  private lastCheckAt(): number {
    const observedAt = Atomics.load(this.slots, SLOT_OBSERVED_AT);
    const probeAt = Atomics.load(this.slots, SLOT_PROBE_AT);
    return Number(observedAt > probeAt ? observedAt : probeAt);
  }

  /** Runs `action` (synchronous, a few loads and stores) while holding the buffer's lock. */
  private locked<T>(action: () => T): T {
    const ticket = this.acquire();
    try {
      return action();
    } finally {
      // Only our own ticket is cleared: a lock taken over as stale is not released by its late owner.
      Atomics.compareExchange(this.slots, SLOT_LOCK, ticket, FREE);
    }
  }

  private acquire(): bigint {
    const ticket = Atomics.add(this.slots, SLOT_TICKET, 1n) + 1n;
    let holder = FREE;
    let heldSince = 0;
    for (let spins = 0; ; spins += 1) {
      const seen = Atomics.compareExchange(this.slots, SLOT_LOCK, FREE, ticket);
      if (seen === FREE) return ticket;
      if (seen !== holder) {
        // Someone else got it since we last looked: the lock is alive, start counting again.
        holder = seen;
        heldSince = Date.now();
        spins = 0;
        continue;
      }
      if (
        spins % SPINS_BETWEEN_CLOCK_READS === 0 &&
        Date.now() - heldSince > STALE_LOCK_MS &&
        Atomics.compareExchange(this.slots, SLOT_LOCK, holder, ticket) === holder
      ) {
        return ticket;
      }
    }
  }
}
