import { mulberry32, hashOf, type Random } from './random';

/**
 * Faults the emulator can inject, configurable at start and at runtime (tests flip them between requests).
 * A trigger fires for the next N matching requests (`next`), or with a probability, or always; draws come from
 * a PRNG seeded by the emulator's seed, so a given sequence of requests meets the same faults every run.
 */

export type FaultTrigger = {
  /** Fire for the next N matching requests, then switch off. */
  next?: number;
  /** Fire with this probability (after `next` is spent, if both are given). */
  probability?: number;
  /** Only requests whose path contains this text. */
  match?: string;
  /** Let the first N matching requests through before the trigger applies: a fault "mid-run". */
  after?: number;
};

export type LatencyConfig = {
  minMs: number;
  maxMs: number;
  /** A long tail: this share of requests takes `spikeMs` more. */
  spikeProbability?: number;
  spikeMs?: number;
};

export type FaultsConfig = {
  latency?: LatencyConfig | null;
  /** 429 "maximum request count" with `x-ratelimit-reset` (seconds) and, optionally, `Retry-After`. */
  rateLimit?: (FaultTrigger & { resetSeconds?: number; retryAfter?: boolean }) | null;
  /** 429 "Maximum quota reached"; the emulator's quota is then spent (set it again with quota.setRemaining). */
  quotaExhausted?: FaultTrigger | null;
  /** 401 even with good credentials (a revoked key, an expired token). */
  unauthorized?: FaultTrigger | null;
  /** 403: endpoint not in the plan. */
  forbidden?: FaultTrigger | null;
  /** 500, 502, 503 or 504 (default 503). */
  serverError?: (FaultTrigger & { status?: number }) | null;
  /** No answer at all: the connection stays open until the client gives up. */
  timeout?: FaultTrigger | null;
  /** The socket is destroyed without a response. */
  connectionReset?: FaultTrigger | null;
  /** A 200 whose body is cut in the middle of the JSON. */
  malformedJson?: FaultTrigger | null;
  /** A 200 whose Content-Length announces the whole body, of which half is sent before the socket closes. */
  truncatedBody?: FaultTrigger | null;
  /** A collection page (items and page) whose `page.total` disagrees with the collection: `delta` (default 1) off. */
  wrongTotal?: (FaultTrigger & { delta?: number }) | null;
  /** A ranking page whose last entry repeats the position of the entry before it. */
  duplicatePositions?: FaultTrigger | null;
  /** available-rankings in random order instead of newest first. */
  shuffledDates?: boolean;
  /** Datetimes older than `olderThanDays` (default 365; 0 = all) carry +01:00/+02:00 instead of +00:00. */
  offsets?: boolean | { olderThanDays?: number };
};

/** The faults that fire by trigger (next, probability, match, after), as opposed to latency and data shapes. */
export const TRIGGERED_FAULTS = [
  'rateLimit',
  'quotaExhausted',
  'unauthorized',
  'forbidden',
  'serverError',
  'timeout',
  'connectionReset',
  'malformedJson',
  'truncatedBody',
  'wrongTotal',
  'duplicatePositions',
] as const satisfies readonly (keyof FaultsConfig)[];

export type TriggeredFault = (typeof TRIGGERED_FAULTS)[number];

const DEFAULT_OFFSET_AGE_DAYS = 365;

export class FaultController {
  private config: FaultsConfig = {};
  private readonly random: Random;

  constructor(seed: number, initial: FaultsConfig = {}) {
    this.random = mulberry32(hashOf(seed, 'faults'));
    this.configure(initial);
  }

  /** Merges `patch` into the current faults; a key set to null (or false) switches that fault off. */
  configure(patch: FaultsConfig): void {
    const next: Record<string, unknown> = { ...this.config };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null || value === undefined || value === false) delete next[key];
      else next[key] = typeof value === 'object' ? { ...value } : value;
    }
    this.config = next as FaultsConfig;
  }

  /** Switches every fault off. */
  reset(): void {
    this.config = {};
  }

  current(): FaultsConfig {
    return structuredClone(this.config);
  }

  /**
   * The fault's settings when it fires for a request to `path`, null when it does not; a `next` count is spent
   * here (and the fault switched off once spent, which is why callers read the returned settings).
   */
  fires<K extends TriggeredFault>(fault: K, path: string): NonNullable<FaultsConfig[K]> | null {
    const trigger = this.config[fault] as (FaultTrigger & NonNullable<FaultsConfig[K]>) | undefined;
    if (!trigger) return null;
    if (trigger.match !== undefined && !path.includes(trigger.match)) return null;
    if (trigger.after !== undefined && trigger.after > 0) {
      trigger.after -= 1;
      return null;
    }
    if (trigger.next !== undefined && trigger.next > 0) {
      trigger.next -= 1;
      if (trigger.next === 0 && trigger.probability === undefined) delete this.config[fault];
      return trigger;
    }
    if (trigger.probability !== undefined) return this.random() < trigger.probability ? trigger : null;
    return trigger.next === undefined ? trigger : null;
  }

  latencyMs(): number {
    const latency = this.config.latency;
    if (!latency) return 0;
    let delay = latency.minMs + this.random() * Math.max(0, latency.maxMs - latency.minMs);
    if (latency.spikeProbability !== undefined && this.random() < latency.spikeProbability) {
      delay += latency.spikeMs ?? 0;
    }
    return Math.round(delay);
  }

  get shuffledDates(): boolean {
    return this.config.shuffledDates === true;
  }

  /** Days of age from which datetimes carry a non-UTC offset, or null when the fault is off. */
  get offsetAgeDays(): number | null {
    const offsets = this.config.offsets;
    if (!offsets) return null;
    return offsets === true ? DEFAULT_OFFSET_AGE_DAYS : (offsets.olderThanDays ?? DEFAULT_OFFSET_AGE_DAYS);
  }
}
