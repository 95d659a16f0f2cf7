import {
  RATE_LIMIT_FALLBACK_WAIT_MS,
  RATE_LIMIT_MAX_WAITS,
  RATE_LIMIT_RESET_MARGIN_MS,
  type BackoffPolicy,
} from '../../../shared/domain/policies';
import { backoffDelayMs } from '../../../shared/domain/backoff';
import type { Got, Response } from 'got';
import type { ZodType } from 'zod';
import type { AuthProvider } from './auth';
import { apiMessageOf, errorForStatus, isRateLimitMessage, networkError, schemaError } from './classify';
import type { Clock } from './clock';
import {
  MalformedResponseError,
  QuotaExhaustedError,
  RateLimitedError,
  SoundchartsError,
  TransientError,
} from './errors';
import type { QuotaTracker } from './quota';
import type { RateLimiter } from './rate-limiter';

export type RetryPolicy = BackoffPolicy & { readonly maxRetries: number };

/** `x-ratelimit-reset` values this large are epoch seconds, not a delay. */
const EPOCH_SECONDS_THRESHOLD = 1_000_000_000;

export type TransportOptions = {
  http: Got;
  baseUrl: string;
  auth: AuthProvider;
  rateLimiter: RateLimiter;
  quota: QuotaTracker;
  retryPolicy: RetryPolicy;
  clock: Clock;
  random: () => number;
};

export type RequestOptions = {
  signal?: AbortSignal;
  /** False for the one endpoint that is free (team usage): it may be called even with the quota spent. */
  consumesQuota?: boolean;
};

/**
 * Sends one logical GET and turns whatever happens into a validated body or a typed error: global rate limit,
 * quota gate, auth headers, retries of transient failures with backoff, rate-limit pauses that spend no retry,
 * one token refresh after a 401.
 */
export class Transport {
  constructor(private readonly options: TransportOptions) {}

  async get<T>(path: string, schema: ZodType<T>, request: RequestOptions = {}): Promise<T> {
    const { http, auth, rateLimiter, quota, retryPolicy, clock, random } = this.options;
    const { signal, consumesQuota = true } = request;
    const url = this.urlOf(path);
    let transientRetries = 0;
    let rateLimitWaits = 0;
    let refreshedAuth = false;

    for (;;) {
      if (consumesQuota && quota.isExhausted()) {
        throw new QuotaExhaustedError(
          `Soundcharts quota exhausted (x-quota-remaining is 0); not sending ${path}`,
          {
            path,
          },
        );
      }
      await rateLimiter.acquire(signal);

      let sent: Record<string, string>;
      let response: Response<string>;
      try {
        sent = await auth.headers(signal);
        response = await http.get(url, { headers: sent, ...(signal ? { signal } : {}) });
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        const failure = error instanceof SoundchartsError ? error : networkError(error, path);
        if (!failure) throw error;
        if (failure instanceof TransientError && transientRetries < retryPolicy.maxRetries) {
          transientRetries += 1;
          await clock.sleep(backoffDelayMs(transientRetries, retryPolicy, random), signal);
          continue;
        }
        throw failure;
      }

      this.observeQuota(response);
      const status = response.statusCode;
      if (status >= 200 && status < 300) return this.parse(response.body, schema, path);

      const apiMessage = apiMessageOf(response.body);
      if (status === 401 && !refreshedAuth && auth.invalidate(sent)) {
        refreshedAuth = true;
        continue;
      }
      if (status === 429 && isRateLimitMessage(apiMessage)) {
        const waitMs = rateLimitWaitMs(response, clock.now());
        rateLimitWaits += 1;
        if (rateLimitWaits > RATE_LIMIT_MAX_WAITS) {
          throw new RateLimitedError(`Soundcharts kept rate-limiting ${path}`, waitMs, {
            status,
            path,
            apiMessage,
          });
        }
        rateLimiter.pauseUntil(clock.now() + waitMs);
        continue;
      }
      if (status === 429) quota.markExhausted(clock.now());

      const failure = errorForStatus({ status, path, apiMessage });
      if (failure instanceof TransientError && transientRetries < retryPolicy.maxRetries) {
        transientRetries += 1;
        await clock.sleep(backoffDelayMs(transientRetries, retryPolicy, random), signal);
        continue;
      }
      throw failure;
    }
  }

  /** `page.next` and our own paths are relative to the API root: `/api/…`. */
  urlOf(path: string): string {
    return `${this.options.baseUrl.replace(/\/+$/, '')}${path}`;
  }

  private observeQuota(response: Response<string>): void {
    const header = response.headers['x-quota-remaining'];
    const value = Number.parseInt(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''), 10);
    if (Number.isFinite(value)) this.options.quota.observe(value, this.options.clock.now());
  }

  private parse<T>(body: string, schema: ZodType<T>, path: string): T {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (error) {
      throw new MalformedResponseError(`response from ${path} is not JSON`, {
        path,
        status: 200,
        cause: error,
      });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw schemaError(parsed.error, path);
    return parsed.data;
  }
}

/** How long a rate-limit 429 asks us to wait: the longer of `x-ratelimit-reset` and `Retry-After`, plus margin. */
export function rateLimitWaitMs(response: Pick<Response, 'headers'>, now: number): number {
  const waits: number[] = [];
  const reset = Number(firstHeader(response.headers['x-ratelimit-reset']));
  if (firstHeader(response.headers['x-ratelimit-reset']) !== undefined && Number.isFinite(reset)) {
    waits.push(reset >= EPOCH_SECONDS_THRESHOLD ? reset * 1000 - now : reset * 1000);
  }
  const retryAfter = firstHeader(response.headers['retry-after']);
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    const date = Date.parse(retryAfter);
    if (Number.isFinite(seconds)) waits.push(seconds * 1000);
    else if (Number.isFinite(date)) waits.push(date - now);
  }
  if (waits.length === 0) return RATE_LIMIT_FALLBACK_WAIT_MS;
  return Math.max(0, ...waits) + RATE_LIMIT_RESET_MARGIN_MS;
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first.trim() === '' ? undefined : first.trim();
}
