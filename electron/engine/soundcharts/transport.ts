import {
  RATE_LIMIT_FALLBACK_WAIT_MS,
  RATE_LIMIT_MAX_WAITS,
  RATE_LIMIT_RESET_MARGIN_MS,
  type BackoffPolicy,
} from '../../../shared/domain/policies';
import { backoffDelayMs } from '../../../shared/domain/backoff';
import { requestKindOf } from '../../../shared/domain/api-usage';
import type { Response } from 'got';
import type { HttpClient } from './http-client';
import type { ZodType } from 'zod';
import type { AuthProvider } from './auth';
import {
  apiMessageOf,
  errorForStatus,
  isCutShort,
  networkError,
  schemaError,
  tooManyRequestsKind,
} from './classify';
import type { Clock } from './clock';
import {
  AuthError,
  MalformedResponseError,
  QuotaExhaustedError,
  RateLimitedError,
  TransientError,
} from './errors';
import type { QuotaTracker } from './quota';
import type { RateLimiter } from './rate-limiter';
import type { RequestMeter } from './request-meter';

/**
 * How one request is retried after a transient failure (502/503/504, timeouts, resets, a 2xx body that is not
 * JSON): at most `maxRetries`
 * times, with backoff. Rate-limit waits never count against it. Plain data, so that it crosses to worker threads
 * by structured clone (workerData, postMessage) unchanged.
 */
export type RetryPolicy = BackoffPolicy & { readonly maxRetries: number };

/**
 * A complete, checked copy of `policy`, missing fields taken from `defaults`: a policy that arrived through
 * structured clone or configuration fails here, at construction, rather than as NaN delays in the middle of a
 * sync.
 */
export function resolveRetryPolicy(
  policy: Partial<RetryPolicy> | undefined,
  defaults: RetryPolicy,
): RetryPolicy {
  if (policy !== undefined && (typeof policy !== 'object' || policy === null)) {
    throw new TypeError(`retryPolicy must be an object, got ${String(policy)}`);
  }
  const resolved = {
    maxRetries: policy?.maxRetries ?? defaults.maxRetries,
    baseDelayMs: policy?.baseDelayMs ?? defaults.baseDelayMs,
    maxDelayMs: policy?.maxDelayMs ?? defaults.maxDelayMs,
    factor: policy?.factor ?? defaults.factor,
  };
  const problems: string[] = [];
  if (!Number.isInteger(resolved.maxRetries) || resolved.maxRetries < 0) {
    problems.push(`maxRetries must be a whole number ≥ 0, got ${resolved.maxRetries}`);
  }
  for (const key of ['baseDelayMs', 'maxDelayMs'] as const) {
    if (typeof resolved[key] !== 'number' || !Number.isFinite(resolved[key]) || resolved[key] < 0) {
      problems.push(`${key} must be a finite number ≥ 0, got ${resolved[key]}`);
    }
  }
  if (typeof resolved.factor !== 'number' || !Number.isFinite(resolved.factor) || resolved.factor < 1) {
    problems.push(`factor must be a finite number ≥ 1, got ${resolved.factor}`);
  }
  if (problems.length > 0) throw new RangeError(`invalid retryPolicy: ${problems.join('; ')}`);
  return Object.freeze(resolved);
}

/** `x-ratelimit-reset` values this large are epoch seconds, not a delay. */
const EPOCH_SECONDS_THRESHOLD = 1_000_000_000;

export type TransportOptions = {
  http: HttpClient;
  baseUrl: string;
  auth: AuthProvider;
  rateLimiter: RateLimiter;
  quota: QuotaTracker;
  /** Counts every request sent, by kind: what the dashboard and the quota planner read (see request-meter). */
  meter: RequestMeter;
  retryPolicy: RetryPolicy;
  clock: Clock;
  random: () => number;
  /** A rate-limit 429 arrived: the plan's limit may be lower than ours (the client reads team/usage again). */
  onRateLimited?: () => void;
  /**
   * A 401 that a token refresh cannot explain: are the credentials really refused? True when another request
   * (team/usage) was accepted, so this 401 was a fluke and the request is sent once more; false when they are
   * refused, and the request fails with `auth` at once. Absent: every such 401 fails.
   */
  verifyCredentials?: () => Promise<boolean>;
};

/**
 * Why an attempt failed, as operators read it: the HTTP status ("503", "401"), `rate_limit` and `quota` for the two
 * kinds of 429, `timeout`, `reset` (the connection dropped before an answer), `cut_short` (an answer whose body
 * stopped short), `refused`, `network`, `malformed` (a 2xx body that is not JSON) and `invalid_body` (JSON of the
 * wrong shape).
 */
export type FailureReason = string;

export type RequestOptions = {
  signal?: AbortSignal;
  /** False for the one endpoint that is free (team usage): it may be called even with the quota spent. */
  consumesQuota?: boolean;
  /** Told of each request sent for this call, retries included: a sync adds them up as its requests_made. */
  onRequest?: () => void;
  /**
   * Told of each attempt that failed (retried or not), with its reason: a sync adds them up as its
   * requests_failed. A 404 is an answer (a date the chart does not have), not a failure.
   */
  onFailure?: (reason: FailureReason) => void;
  /** False for the credential check itself: its own 401 must not start another check. */
  verifiesCredentials?: boolean;
};

/**
 * Sends one logical GET and turns whatever happens into a validated body or a typed error (a SoundchartsError,
 * or the caller's own abort reason): global rate limit, quota gate, auth headers, retries of transient failures
 * with backoff (`retryPolicy`), rate-limit pauses that spend no retry, one token refresh after a 401.
 */
export class Transport {
  /**
   * Set once a 401 was confirmed (the credential check was refused too): nothing more is sent with these
   * credentials until a credential check passes (see recheckRefused), so metadata fetching and syncs stop at
   * once instead of collecting 401s. Cleared by any request that is accepted.
   */
  private refused: AuthError | null = null;
  /**
   * Counts confirmed refusals. A request begun before the latest one fails on that verdict rather than asking
   * team/usage again: a burst of requests already in flight costs one credential check, not one each.
   */
  private refusals = 0;

  constructor(private readonly options: TransportOptions) {}

  async get<T>(path: string, schema: ZodType<T>, request: RequestOptions = {}): Promise<T> {
    const { http, auth, rateLimiter, quota, meter, retryPolicy, clock, random } = this.options;
    const { signal, consumesQuota = true, onRequest, onFailure, verifiesCredentials = true } = request;
    const url = this.urlOf(path);
    const kind = requestKindOf(path);
    let transientRetries = 0;
    let rateLimitWaits = 0;
    let refreshedAuth = false;
    let verifiedAuth = false;
    let confirmedRefused = false;
    const refusalsSeen = this.refusals;
    // A request let through to recheck a spent quota keeps that pass for its own retries and waits.
    let probing = false;

    for (;;) {
      if (consumesQuota && !probing) {
        const admission = quota.admit(clock.now());
        if (admission === 'closed') throw this.quotaClosed(path);
        probing = admission === 'probe';
      }
      await rateLimiter.acquire(signal);
      if (this.refused && verifiesCredentials) await this.recheckRefused(refusalsSeen);

      let sent: Record<string, string>;
      let sentAt: number;
      let response: Response<string>;
      try {
        sent = await auth.headers(signal);
        sentAt = clock.now();
        // Counted as it goes out, every attempt: Soundcharts bills what it answers, and a retry is answered too.
        meter.count(kind);
        onRequest?.();
        response = await http.get(url, { headers: sent, ...(signal ? { signal } : {}) });
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        onFailure?.(networkReasonOf(error));
        const failure = networkError(error, path, url);
        if (failure instanceof TransientError && transientRetries < retryPolicy.maxRetries) {
          transientRetries += 1;
          await clock.sleep(backoffDelayMs(transientRetries, retryPolicy, random), signal);
          continue;
        }
        throw failure;
      }

      const quotaRemaining = quotaHeaderOf(response);
      if (quotaRemaining !== null) quota.observe(quotaRemaining, sentAt);
      const status = response.statusCode;
      if (status >= 200 && status < 300) {
        this.refused = null;
        const json = this.json(response.body, path);
        // A body that is not JSON is a garbled transfer (a proxy, a cut connection), like a 503: sent again.
        if (json instanceof MalformedResponseError) {
          onFailure?.('malformed');
          if (transientRetries < retryPolicy.maxRetries) {
            transientRetries += 1;
            await clock.sleep(backoffDelayMs(transientRetries, retryPolicy, random), signal);
            continue;
          }
          throw json;
        }
        return this.validate(json.value, schema, path, onFailure);
      }

      const apiMessage = apiMessageOf(response.body);
      const hasResetHeader =
        firstHeader(response.headers['x-ratelimit-reset']) !== undefined ||
        firstHeader(response.headers['retry-after']) !== undefined;
      const tooMany =
        status === 429 ? tooManyRequestsKind({ apiMessage, hasResetHeader, quotaRemaining }) : null;
      if (status !== 404) onFailure?.(tooMany ?? String(status));
      if (status === 401 && !refreshedAuth && auth.invalidate(sent)) {
        refreshedAuth = true;
        continue;
      }
      // One 401 is not proof: a gateway hiccup must not stop every sync until the operator acts. A token just
      // issued and refused is proof enough (OAuth); an API key is checked once against another endpoint: when
      // that is accepted, this request is sent again, else it fails as refused.
      if (status === 401 && refreshedAuth) confirmedRefused = true;
      else if (status === 401 && this.refused && this.refusals > refusalsSeen) confirmedRefused = true;
      else if (status === 401 && !verifiedAuth && verifiesCredentials && this.options.verifyCredentials) {
        verifiedAuth = true;
        if (await this.options.verifyCredentials()) continue;
        confirmedRefused = true;
      }
      if (status === 429) {
        if (tooMany === 'rate_limit') {
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
          this.options.onRateLimited?.();
          continue;
        }
        quota.markExhausted(sentAt);
      }

      const failure = errorForStatus({
        status,
        path,
        apiMessage,
        location: firstHeader(response.headers.location) ?? null,
      });
      if (failure instanceof AuthError && confirmedRefused && this.refusals === refusalsSeen) {
        this.refused = failure;
        this.refusals += 1;
      }
      if (failure instanceof TransientError && transientRetries < retryPolicy.maxRetries) {
        transientRetries += 1;
        await clock.sleep(backoffDelayMs(transientRetries, retryPolicy, random), signal);
        continue;
      }
      throw failure;
    }
  }

  /**
   * Once refused, a request is sent only after a credential check passes (one check for a burst of requests):
   * a key fixed or restored at Soundcharts is noticed, and a key still refused costs no request but the free check.
   */
  private async recheckRefused(refusalsSeen: number): Promise<void> {
    const refused = this.refused;
    if (!refused) return;
    if (this.refusals > refusalsSeen) throw refused;
    if (!this.options.verifyCredentials || !(await this.options.verifyCredentials())) throw refused;
    if (this.refused === refused) this.refused = null;
  }

  /** `page.next` and our own paths are relative to the API root: `/api/…`. */
  urlOf(path: string): string {
    return `${this.options.baseUrl.replace(/\/+$/, '')}${path}`;
  }

  private quotaClosed(path: string): QuotaExhaustedError {
    const snapshot = this.options.quota.snapshot();
    const recheckAt = this.options.quota.nextRecheckAt();
    const seen = snapshot ? ` since ${new Date(snapshot.observedAt).toISOString()}` : '';
    const until = recheckAt === null ? '' : ` before ${new Date(recheckAt).toISOString()}`;
    return new QuotaExhaustedError(
      `Soundcharts quota exhausted${seen}; not sending ${path}${until} (team usage showing quota again lifts this)`,
      { path },
    );
  }

  private json(body: string, path: string): { value: unknown } | MalformedResponseError {
    try {
      return { value: JSON.parse(body) as unknown };
    } catch (error) {
      return new MalformedResponseError(`response from ${path} is not JSON`, {
        path,
        status: 200,
        cause: error,
      });
    }
  }

  /** A JSON body of the wrong shape is not retried: the same request would get the same answer. */
  private validate<T>(
    json: unknown,
    schema: ZodType<T>,
    path: string,
    onFailure: RequestOptions['onFailure'],
  ): T {
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      onFailure?.('invalid_body');
      throw schemaError(parsed.error, path);
    }
    return parsed.data;
  }
}

/** `x-quota-remaining` as a number, or null when absent or not a number. */
function quotaHeaderOf(response: Pick<Response, 'headers'>): number | null {
  const header = firstHeader(response.headers['x-quota-remaining']);
  const value = header === undefined ? Number.NaN : Number.parseInt(header, 10);
  return Number.isFinite(value) ? value : null;
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

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE']);

/** The failure reason of an attempt that got no HTTP answer. */
function networkReasonOf(error: unknown): FailureReason {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null;
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') return 'timeout';
  if (isCutShort(error)) return 'cut_short';
  if (typeof code === 'string' && RESET_CODES.has(code)) return 'reset';
  if (code === 'ECONNREFUSED') return 'refused';
  return 'network';
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first.trim() === '' ? undefined : first.trim();
}
