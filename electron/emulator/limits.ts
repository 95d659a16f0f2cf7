/**
 * The plan's two limits as the emulator enforces them: a quota of requests (reported in
 * `x-quota-remaining` on every response, spent by each successful billable request) and, optionally, a
 * per-minute rate limit over a sliding minute.
 */

export const DEFAULT_QUOTA = 1_000_000;
const MINUTE_MS = 60_000;

export class QuotaCounter {
  private spent = 0;

  constructor(private limit: number = DEFAULT_QUOTA) {}

  get remaining(): number {
    return Math.max(0, this.limit - this.spent);
  }

  get used(): number {
    return this.spent;
  }

  get total(): number {
    return this.limit;
  }

  consume(): void {
    if (this.remaining > 0) this.spent += 1;
  }

  /** Tests and the demo set the remaining quota directly (e.g. to 1, to watch the app stop at 0). */
  setRemaining(remaining: number): void {
    this.limit = this.spent + Math.max(0, Math.floor(remaining));
  }
}

export class MinuteWindow {
  private readonly times: number[] = [];

  constructor(readonly perMinute: number | null) {}

  /** Records a request at `now`; returns the seconds until a slot frees up when it is over the limit. */
  admit(now: number): { limited: false } | { limited: true; resetSeconds: number } {
    this.forget(now);
    if (this.perMinute !== null && this.times.length >= this.perMinute) {
      const oldest = this.times[0] ?? now;
      return { limited: true, resetSeconds: Math.max(1, Math.ceil((oldest + MINUTE_MS - now) / 1000)) };
    }
    this.times.push(now);
    return { limited: false };
  }

  usedInLastMinute(now: number): number {
    this.forget(now);
    return this.times.length;
  }

  private forget(now: number): void {
    while (this.times.length > 0 && (this.times[0] ?? now) <= now - MINUTE_MS) this.times.shift();
  }
}

/**
 * GET /api/v2/team/usage. The real body is undocumented beyond "quota and rate limit"; this shape is a guess
 * that the client reads tolerantly.
 */
export function usageBody(quota: QuotaCounter, window: MinuteWindow, now: number): Record<string, unknown> {
  const used = window.usedInLastMinute(now);
  return {
    object: {
      quota: { limit: quota.total, used: quota.used, remaining: quota.remaining },
      rateLimit: {
        limit: window.perMinute,
        used,
        remaining: window.perMinute === null ? null : Math.max(0, window.perMinute - used),
        period: 'minute',
      },
    },
    errors: [],
  };
}
