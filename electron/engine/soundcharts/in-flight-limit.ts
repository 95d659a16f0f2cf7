/**
 * At most `limit` requests of one sync in flight at once (the requests-in-flight setting), first come first
 * served, so that a period's later pages are not starved by the first pages of the periods after it. The global
 * RateLimiter still spaces every request; this bounds how many wait on the network together.
 */
export class InFlightLimit {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private peakActive = 0;

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`requests in flight must be a whole number ≥ 1, got ${limit}`);
    }
  }

  /** The most requests that were ever in flight at once. */
  get peak(): number {
    return this.peakActive;
  }

  async run<T>(send: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    this.peakActive = Math.max(this.peakActive, this.active);
    try {
      return await send();
    } finally {
      // The slot passes straight to the next waiter, so `active` never dips and rises again in between.
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}
