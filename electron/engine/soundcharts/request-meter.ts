import { API_REQUEST_KINDS, type ApiRequestKind } from '../../../shared/domain/api-usage';

/**
 * Counts every Soundcharts request this process sends, by kind, across all its threads.
 *
 * Like the rate limiter and the quota, the counts live in a SharedArrayBuffer created once by the main thread and
 * handed to the sync workers through workerData: a worker adds with Atomics.add as it sends, and the main thread
 * (the only one that writes the database) takes the counts with Atomics.exchange when it flushes them into
 * api_usage_hourly. Nothing has to be posted back from the workers, so requests of a sync that is cancelled (its
 * thread aborted), that crashes, or that only previews, are counted all the same, and a count is never taken
 * twice or lost between a read and a reset.
 */

const SLOT_COUNT = API_REQUEST_KINDS.length;

export function createMeterState(): SharedArrayBuffer {
  return new SharedArrayBuffer(SLOT_COUNT * BigInt64Array.BYTES_PER_ELEMENT);
}

export type RequestCounts = Record<ApiRequestKind, number>;

export class RequestMeter {
  private readonly slots: BigInt64Array;

  constructor(buffer: SharedArrayBuffer = createMeterState()) {
    if (buffer.byteLength !== SLOT_COUNT * BigInt64Array.BYTES_PER_ELEMENT) {
      throw new TypeError('not a request meter state: create it with createMeterState()');
    }
    this.slots = new BigInt64Array(buffer);
  }

  static fromState(buffer: SharedArrayBuffer): RequestMeter {
    return new RequestMeter(buffer);
  }

  get state(): SharedArrayBuffer {
    return this.slots.buffer as SharedArrayBuffer;
  }

  /** One request of `kind` is being sent. */
  count(kind: ApiRequestKind): void {
    Atomics.add(this.slots, API_REQUEST_KINDS.indexOf(kind), 1n);
  }

  /** The counts since the last take, reset to zero in the same atomic step (what a flush writes). */
  take(): RequestCounts {
    return this.read((slot) => Atomics.exchange(this.slots, slot, 0n));
  }

  /** The counts since the last take, left in place. */
  peek(): RequestCounts {
    return this.read((slot) => Atomics.load(this.slots, slot));
  }

  /** Counts taken that could not be written (the database refused): kept for the next flush. */
  giveBack(counts: Partial<RequestCounts>): void {
    for (const [kind, value] of Object.entries(counts)) {
      const slot = API_REQUEST_KINDS.indexOf(kind as ApiRequestKind);
      if (slot >= 0 && value) Atomics.add(this.slots, slot, BigInt(value));
    }
  }

  private read(get: (slot: number) => bigint): RequestCounts {
    return Object.fromEntries(
      API_REQUEST_KINDS.map((kind, slot) => [kind, Number(get(slot))]),
    ) as RequestCounts;
  }
}
