/**
 * The error taxonomy of the Soundcharts client. Each class has a stable `code` that the sync engine, the UI and
 * the execution history can switch on without parsing messages. Errors carry the request path (never the
 * credentials, which travel in headers) and the API's own `errors[].message` when the body had one.
 */

export type SoundchartsErrorCode =
  | 'auth'
  | 'forbidden'
  | 'not_found'
  | 'invalid_request'
  | 'rate_limited'
  | 'quota_exhausted'
  | 'transient'
  | 'network'
  | 'server_error'
  | 'malformed_response';

export type SoundchartsErrorDetails = {
  /** HTTP status, or null when no response was received (timeouts, resets, a request refused before sending). */
  status?: number | null;
  /** Path and query of the request, relative to the base URL. */
  path?: string | null;
  /** The first `errors[].message` of the response body, when there was one. */
  apiMessage?: string | null;
  cause?: unknown;
};

export abstract class SoundchartsError extends Error {
  abstract readonly code: SoundchartsErrorCode;
  /** Whether the client retries this error by itself (with backoff). */
  abstract readonly retryable: boolean;
  readonly status: number | null;
  readonly path: string | null;
  readonly apiMessage: string | null;

  constructor(message: string, details: SoundchartsErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.status = details.status ?? null;
    this.path = details.path ?? null;
    this.apiMessage = details.apiMessage ?? null;
  }
}

/** 401: bad, missing or expired credentials. Fails fast: retrying cannot help (OAuth refreshes once first). */
export class AuthError extends SoundchartsError {
  readonly code = 'auth';
  readonly retryable = false;
}

/** 403 (endpoint not in the plan) and 405 (not allowed on the sandbox). */
export class ForbiddenError extends SoundchartsError {
  readonly code = 'forbidden';
  readonly retryable = false;
}

export class NotFoundError extends SoundchartsError {
  readonly code = 'not_found';
  readonly retryable = false;
}

/** 400 and other 4xx the API uses for a request it will not answer (bad date, platform, paging). */
export class InvalidRequestError extends SoundchartsError {
  readonly code = 'invalid_request';
  readonly retryable = false;
}

/**
 * 429 "maximum request count". The client waits and tries again without spending a retry, so callers only see
 * this when the API kept refusing past the client's patience.
 */
export class RateLimitedError extends SoundchartsError {
  readonly code = 'rate_limited';
  readonly retryable = false;
  /** How long the API asked us to wait, in milliseconds. */
  readonly retryAfterMs: number;

  constructor(message: string, retryAfterMs: number, details: SoundchartsErrorDetails = {}) {
    super(message, details);
    this.retryAfterMs = retryAfterMs;
  }
}

/** Any other 429, or `x-quota-remaining` at 0: quota is money, so nothing more is sent. */
export class QuotaExhaustedError extends SoundchartsError {
  readonly code = 'quota_exhausted';
  readonly retryable = false;
}

/** 502/503/504, timeouts and connection failures: retried with backoff; thrown once retries are spent. */
export class TransientError extends SoundchartsError {
  readonly code = 'transient';
  readonly retryable = true;
}

/**
 * The request never got an HTTP answer, and sending it again will not change that: the host name does not
 * resolve, the TLS handshake fails (a certificate error, HTTPS to a plain-HTTP port, a proxy that intercepts
 * HTTPS), the base URL is not a usable URL. The message names the host and what to check.
 */
export class NetworkError extends SoundchartsError {
  readonly code = 'network';
  readonly retryable = false;
}

/** 500 (and other 5xx): the server failed on this request; retrying the same request is not expected to help. */
export class ServerError extends SoundchartsError {
  readonly code = 'server_error';
  readonly retryable = false;
}

/**
 * A body that is not JSON, does not match the pinned schema, or does not add up (a ranking whose pages do not
 * cover `page.total`). `fieldPath` names the first offending field, e.g. `items.3.song.uuid`.
 */
export class MalformedResponseError extends SoundchartsError {
  readonly code = 'malformed_response';
  readonly retryable = false;
  readonly fieldPath: string | null;
  readonly issues: readonly string[];

  constructor(
    message: string,
    details: SoundchartsErrorDetails & { fieldPath?: string | null; issues?: readonly string[] } = {},
  ) {
    super(message, details);
    this.fieldPath = details.fieldPath ?? null;
    this.issues = details.issues ?? [];
  }
}

/**
 * Pages of one collection that do not add up: they disagree on `page.total`, hold more or fewer items than it
 * says, or repeat a ranking position. Such pages are never used; the client fetches the collection again whole
 * (a collection that changed while it was read is consistent the next time), and reports this once its request
 * retries are spent. Still `malformed_response` for everything that switches on codes.
 */
export class InconsistentPagesError extends MalformedResponseError {}

export function isSoundchartsError(error: unknown): error is SoundchartsError {
  return error instanceof SoundchartsError;
}
