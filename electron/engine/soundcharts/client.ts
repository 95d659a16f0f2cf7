import type { ZodType } from 'zod';
import {
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  REQUEST_RETRY_POLICY,
  REQUEST_TIMEOUT_MS,
} from '../../../shared/domain/policies';
import { audienceWindows } from './audience-windows';
import { createAuthProvider, type Credentials } from './auth';
import { systemClock, type Clock } from './clock';
import { parseOffsetDatetime } from './datetime';
import { DEFAULT_BASE_URL, PAGE_LIMIT, endpoints, withQuery } from './endpoints';
import { audiencePointsOf, mergeAudiencePoints } from './normalize/audience';
import { normalizeChart } from './normalize/chart';
import { AuthError, InconsistentPagesError } from './errors';
import { mergeRankingPages } from './normalize/ranking';
import { normalizeSong } from './normalize/song';
import type { InFlightLimit } from './in-flight-limit';
import { collectPages, restOfCollection } from './paging';
import { QuotaTracker, type QuotaSnapshot } from './quota';
import { RateLimiter } from './rate-limiter';
import { RequestMeter } from './request-meter';
import { audienceResponseSchema } from './schemas/audience';
import { availableRankingsResponseSchema } from './schemas/available-rankings';
import { chartsResponseSchema, platformsResponseSchema } from './schemas/platforms';
import { rankingResponseSchema, type RankingResponse } from './schemas/ranking';
import { songResponseSchema } from './schemas/song';
import { usageResponseSchema } from './schemas/usage';
import { lazyGot } from './http-client';
import { Transport, resolveRetryPolicy, type RetryPolicy } from './transport';
import type {
  AudienceSeries,
  Chart,
  Platform,
  RankingDate,
  RankingSnapshot,
  SongMetadata,
  TeamUsage,
  UsageCounter,
} from './types';

export type SoundchartsClientOptions = {
  credentials: Credentials;
  /** Defaults to the production API; the emulator's URL in demo mode and tests. */
  baseUrl?: string;
  /** Per request (each attempt), in ms. */
  timeoutMs?: number;
  /** Shared with every other client of the app: pass RateLimiter.fromState(buffer) in workers. */
  rateLimiter?: RateLimiter;
  /** Shared with the main thread so that it can show and act on the quota: QuotaTracker.fromState(buffer). */
  quota?: QuotaTracker;
  /** Counts the requests sent, by kind: shared with the main thread, which flushes them (RequestMeter.fromState). */
  meter?: RequestMeter;
  /**
   * Retries of one request after a transient failure; defaults to REQUEST_RETRY_POLICY, and missing fields are
   * taken from it. Plain data: a worker thread can take it from workerData as is. Rate-limit waits never count.
   */
  retryPolicy?: Partial<RetryPolicy>;
  clock?: Clock;
  /** For backoff jitter. */
  random?: () => number;
  userAgent?: string;
};

export type CallOptions = {
  signal?: AbortSignal;
  /** Told of each request this call sends (pages, retries): how a sync counts its own requests. */
  onRequest?: () => void;
  /** Bounds this call's requests in flight, with the other calls sharing it (a sync's requests-in-flight). */
  inFlight?: InFlightLimit;
  /** Told of each attempt that failed, with its reason ("503", "timeout"…): a sync's requests_failed. */
  onFailure?: (reason: string) => void;
};

export type AudienceRange = { startDate: string; endDate: string };

const USER_AGENT = 'chart-sync';

/**
 * The Soundcharts API as the app needs it: every collection fully paged, every body validated, every result
 * normalized. One instance per thread is enough; the rate limit and quota it obeys are global when it is given
 * shared state.
 */
export class SoundchartsClient {
  readonly rateLimiter: RateLimiter;
  readonly quotaTracker: QuotaTracker;
  readonly meter: RequestMeter;
  /** The retry policy in force (options.retryPolicy completed and checked). */
  readonly retryPolicy: RetryPolicy;
  private readonly transport: Transport;
  /** The team/usage read a rate-limit 429 started, so that a burst of 429s asks once. */
  private rateLimitRefresh: Promise<void> | null = null;
  /** The credential check a 401 started, so that a burst of 401s asks once. */
  private credentialCheck: Promise<boolean> | null = null;

  constructor(options: SoundchartsClientOptions) {
    const clock = options.clock ?? systemClock;
    const retryPolicy = resolveRetryPolicy(options.retryPolicy, REQUEST_RETRY_POLICY);
    this.retryPolicy = retryPolicy;
    this.rateLimiter = options.rateLimiter ?? RateLimiter.create(DEFAULT_RATE_LIMIT_PER_MINUTE, clock);
    this.quotaTracker = options.quota ?? new QuotaTracker();
    this.meter = options.meter ?? new RequestMeter();
    const http = lazyGot({
      // One retry policy for the whole app: ours, applied in Transport, so got must not retry on its own.
      retry: { limit: 0 },
      throwHttpErrors: false,
      followRedirect: false,
      responseType: 'text',
      timeout: { request: options.timeoutMs ?? REQUEST_TIMEOUT_MS },
      headers: { accept: 'application/json', 'user-agent': options.userAgent ?? USER_AGENT },
    });
    this.transport = new Transport({
      http,
      baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
      auth: createAuthProvider(options.credentials, http, clock),
      rateLimiter: this.rateLimiter,
      quota: this.quotaTracker,
      meter: this.meter,
      retryPolicy,
      clock,
      random: options.random ?? Math.random,
      onRateLimited: () => void this.refreshRateLimit(),
      verifyCredentials: () => this.verifyCredentials(),
    });
  }

  /**
   * After a 401: are these credentials refused, or was it one bad answer? team/usage (free) decides: only its own
   * 401 says refused. Any other outcome (accepted, a 503, a timeout) lets the request be sent once more.
   */
  private verifyCredentials(): Promise<boolean> {
    this.credentialCheck ??= this.transport
      .get(endpoints.teamUsage(), usageResponseSchema, { consumesQuota: false, verifiesCredentials: false })
      .then(
        () => true,
        (error: unknown) => !(error instanceof AuthError),
      )
      .finally(() => {
        this.credentialCheck = null;
      });
    return this.credentialCheck;
  }

  /** Settles once the team/usage read a rate-limit 429 started has ended; at once when none is running. */
  rateLimitRefreshed(): Promise<void> {
    return this.rateLimitRefresh ?? Promise.resolve();
  }

  /**
   * Reads the plan's rate limit from team/usage into the shared limiter (teamUsage does it); a failure keeps the
   * limit in force. Called at start and after a rate-limit 429.
   */
  refreshRateLimit(options: CallOptions = {}): Promise<void> {
    this.rateLimitRefresh ??= this.teamUsage(options)
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        this.rateLimitRefresh = null;
      });
    return this.rateLimitRefresh;
  }

  /** The plan's remaining quota as last reported, or null before the first response. */
  get quota(): QuotaSnapshot | null {
    return this.quotaTracker.snapshot();
  }

  async platforms(options: CallOptions = {}): Promise<Platform[]> {
    const pages = await collectPages(
      withQuery(endpoints.platforms(), { offset: 0, limit: PAGE_LIMIT }),
      (path) => this.transport.get(path, platformsResponseSchema, options),
    );
    return pages.flatMap((page) => page.items.map(({ code, name }) => ({ code, name })));
  }

  /** Charts of a platform, every page; `countryCode` narrows to one country. */
  async charts(
    platform: string,
    filter: { countryCode?: string } = {},
    options: CallOptions = {},
  ): Promise<Chart[]> {
    const first = withQuery(endpoints.chartsByPlatform(platform), {
      countryCode: filter.countryCode,
      offset: 0,
      limit: PAGE_LIMIT,
    });
    const pages = await collectPages(first, (path) =>
      this.transport.get(path, chartsResponseSchema, options),
    );
    return pages.flatMap((page) => page.items.map(normalizeChart));
  }

  /** Every date a ranking exists for, oldest first (the API's own order is undocumented), without duplicates. */
  async availableRankings(slug: string, options: CallOptions = {}): Promise<RankingDate[]> {
    const path = endpoints.availableRankings(slug);
    const get = (query: { offset: number; limit: number }) =>
      this.bounded(withQuery(path, query), availableRankingsResponseSchema, options);
    const pages = await this.consistent(options, async () => {
      const first = await get({ offset: 0, limit: PAGE_LIMIT });
      // A year of daily dates is four pages: the rest asked for at once, from the first page's total.
      return [first, ...(await restOfCollection(first, get, path))];
    });
    const unique = new Map<string, RankingDate>();
    for (const page of pages)
      for (const datetime of page.items) unique.set(datetime, parseOffsetDatetime(datetime));
    return [...unique.values()].sort(
      (a, b) => a.instant - b.instant || (a.datetime < b.datetime ? -1 : a.datetime > b.datetime ? 1 : 0),
    );
  }

  /**
   * The latest ranking, every page. Only the first page asks for "latest": the rest ask for the date it
   * returned, so that a ranking published between two pages cannot mix two snapshots.
   */
  async latestRanking(slug: string, options: CallOptions = {}): Promise<RankingSnapshot> {
    const firstPath = withQuery(endpoints.latestRanking(slug), { offset: 0, limit: PAGE_LIMIT });
    return this.consistent(options, async () => {
      const first = await this.bounded(firstPath, rankingResponseSchema, options);
      return this.restOfRanking(first, firstPath, endpoints.rankingAt(slug, first.related.date), options);
    });
  }

  /** The ranking at `datetime` (best echoed from availableRankings), every page. */
  async rankingAt(slug: string, datetime: string, options: CallOptions = {}): Promise<RankingSnapshot> {
    const path = endpoints.rankingAt(slug, datetime);
    const firstPath = withQuery(path, { offset: 0, limit: PAGE_LIMIT });
    return this.consistent(options, async () => {
      const first = await this.bounded(firstPath, rankingResponseSchema, options);
      return this.restOfRanking(first, firstPath, path, options);
    });
  }

  /**
   * Pages that do not add up (InconsistentPagesError) are never used: the whole collection is fetched again, at
   * most `retryPolicy.maxRetries` times, since a collection that changed while it was read is whole next time.
   */
  private async consistent<T>(options: CallOptions, fetch: () => Promise<T>): Promise<T> {
    for (let retries = 0; ; retries += 1) {
      try {
        return await fetch();
      } catch (error) {
        if (!(error instanceof InconsistentPagesError)) throw error;
        // Its pages were answered, and paid for, in vain: a failed attempt on the execution's record.
        options.onFailure?.('inconsistent');
        if (retries >= this.retryPolicy.maxRetries) throw error;
      }
    }
  }

  /**
   * The pages after the first, all at once: the first page's total and limit give every offset, so nothing
   * waits for a page.next. The merged pages are checked as one (same chart and date, the same page.total,
   * exactly total distinct positions), so a page that disagrees fails the whole ranking, never half-stores it.
   */
  private async restOfRanking(
    first: RankingResponse,
    firstPath: string,
    datedPath: string,
    options: CallOptions,
  ): Promise<RankingSnapshot> {
    const rest = await restOfCollection(
      first,
      (query) => this.bounded(withQuery(datedPath, query), rankingResponseSchema, options),
      firstPath,
    );
    return mergeRankingPages([first, ...rest], firstPath);
  }

  /** One request, within the caller's in-flight limit when it has one (a sync's requests-in-flight). */
  private bounded<T>(path: string, schema: ZodType<T>, options: CallOptions): Promise<T> {
    const send = () => this.transport.get(path, schema, options);
    return options.inFlight ? options.inFlight.run(send) : send();
  }

  async songMetadata(uuid: string, options: CallOptions = {}): Promise<SongMetadata> {
    const response = await this.transport.get(endpoints.song(uuid), songResponseSchema, options);
    return normalizeSong(response.object);
  }

  /** Cumulative audience between two calendar dates (inclusive), fetched in windows of at most 90 days. */
  async songAudience(
    uuid: string,
    platform: string,
    range: AudienceRange,
    options: CallOptions = {},
  ): Promise<AudienceSeries> {
    const batches = [];
    for (const window of audienceWindows(range.startDate, range.endDate)) {
      const first = withQuery(endpoints.songAudience(uuid, platform), window);
      const pages = await collectPages(first, (path) =>
        this.transport.get(path, audienceResponseSchema, options),
      );
      batches.push(pages.flatMap(audiencePointsOf));
    }
    return {
      songUuid: uuid,
      platform,
      startDate: range.startDate,
      endDate: range.endDate,
      points: mergeAudiencePoints(batches),
    };
  }

  /** Quota and rate-limit usage. Free, so it is sent even with the quota spent: it is how we learn it renewed. */
  async teamUsage(options: CallOptions = {}): Promise<TeamUsage> {
    const body = await this.transport.get(endpoints.teamUsage(), usageResponseSchema, {
      ...options,
      consumesQuota: false,
      // team/usage is itself the credential check: its 401 is the answer, and it is sent even once refused.
      verifiesCredentials: false,
    });
    const fields = body.object ?? body;
    const rateLimit = counterOf(fields.rateLimit);
    // The plan's real limit, for every thread at once; the operator's setting still caps it (see RateLimiter).
    if (rateLimit?.limit) this.rateLimiter.setPlanPerMinute(rateLimit.limit);
    return {
      quotaRemaining: this.quotaTracker.snapshot()?.remaining ?? null,
      quota: counterOf(fields.quota),
      rateLimit,
      raw: body,
    };
  }
}

function counterOf(
  counter: Partial<Record<keyof UsageCounter, number | null>> | null | undefined,
): UsageCounter | null {
  if (!counter) return null;
  return { limit: counter.limit ?? null, used: counter.used ?? null, remaining: counter.remaining ?? null };
}
