import { describeRequest } from './describe-request';
import { loadedGot } from './http-client';
import type { ZodError } from 'zod';
import { errorBodySchema } from './schemas/common';
import {
  AuthError,
  ForbiddenError,
  InvalidRequestError,
  MalformedResponseError,
  NetworkError,
  NotFoundError,
  QuotaExhaustedError,
  ServerError,
  TransientError,
  SoundchartsError,
} from './errors';

/** The official SDK's test for a rate-limit 429, as opposed to a quota 429. */
const RATE_LIMIT_MESSAGE = /maximum request count/i;
const TRANSIENT_STATUSES = new Set([502, 503, 504]);
/**
 * Connection-level failures that may pass on their own: the server never answered, so the request did not count
 * and may be sent again. ECONNREFUSED is here because a server (or the emulator) that is restarting refuses
 * connections for a moment; it still ends as TransientError, naming the host, once retries are spent.
 */
const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ERR_STREAM_PREMATURE_CLOSE',
]);
/** OpenSSL and Node codes of a failed TLS handshake or certificate check. */
const TLS_CODE =
  /^(EPROTO|ERR_SSL_|ERR_TLS_|ERR_OSSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|HOSTNAME_MISMATCH$|INVALID_PURPOSE$)/;
const BAD_URL_CODES = new Set(['ERR_INVALID_URL', 'ERR_UNSUPPORTED_PROTOCOL', 'ERR_INVALID_PROTOCOL']);

export type ErrorContext = {
  status: number;
  path: string;
  apiMessage: string | null;
  /** The `Location` header of a 3xx. */
  location?: string | null;
};

/** The first `errors[].message` of a body, if it has one; error bodies of any other shape are fine too. */
export function apiMessageOf(body: string): string | null {
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(body));
    if (!parsed.success) return null;
    return parsed.data.errors?.find((error) => error.message)?.message ?? null;
  } catch {
    return null;
  }
}

export function isRateLimitMessage(message: string | null): boolean {
  return message !== null && RATE_LIMIT_MESSAGE.test(message);
}

export type TooManyRequestsSignals = {
  apiMessage: string | null;
  /** `x-ratelimit-reset` or `Retry-After` is present. */
  hasResetHeader: boolean;
  /** `x-quota-remaining` of the same response, when it had one. */
  quotaRemaining: number | null;
};

/**
 * What a 429 means. A reset header says "come back later", whatever the body (a gateway in front of the API may
 * answer in HTML); so does the SDK's "maximum request count" message; and a response that itself reports quota
 * left cannot be a quota refusal. Anything else is the SDK's "any other 429": the quota is spent.
 */
export function tooManyRequestsKind(signals: TooManyRequestsSignals): 'rate_limit' | 'quota' {
  if (signals.hasResetHeader || isRateLimitMessage(signals.apiMessage)) return 'rate_limit';
  if (signals.quotaRemaining !== null && signals.quotaRemaining > 0) return 'rate_limit';
  return 'quota';
}

/** Maps a non-2xx status to its error class. Rate-limit 429s are handled before this, by waiting. */
export function errorForStatus({ status, path, apiMessage, location }: ErrorContext): SoundchartsError {
  const details = { status, path, apiMessage };
  const what = describeRequest(path);
  const suffix = apiMessage ? `: ${apiMessage}` : '';
  if (status === 401)
    return new AuthError(`Soundcharts rejected the credentials (401) for ${what}${suffix}`, details);
  if (status === 403 || status === 405) {
    return new ForbiddenError(`Soundcharts refused ${what} for this plan (${status})${suffix}`, details);
  }
  if (status === 404) return new NotFoundError(`Soundcharts has nothing for ${what} (404)${suffix}`, details);
  if (status === 429)
    return new QuotaExhaustedError(`Soundcharts quota exhausted (429) for ${what}${suffix}`, details);
  if (TRANSIENT_STATUSES.has(status)) {
    return new TransientError(
      `Soundcharts is temporarily unavailable (${status}) for ${what}${suffix}`,
      details,
    );
  }
  if (status >= 500) return new ServerError(`Soundcharts failed on ${what} (${status})${suffix}`, details);
  if (status >= 300 && status < 400) {
    // Redirects are never followed (credentials must not travel to another host): a 3xx means the base URL is off.
    const target = location ? `to ${location}` : 'without a Location';
    return new InvalidRequestError(
      `Soundcharts answered ${what} with a redirect (${status}) ${target}; check the base URL`,
      details,
    );
  }
  return new InvalidRequestError(`Soundcharts rejected ${what} as invalid (${status})${suffix}`, details);
}

/**
 * Codes of a body that stopped short of what its headers announced. Only these: got raises ReadError for any
 * failure while reading a body, a gzip body that is not gzip (Z_DATA_ERROR) among them, and that one is no
 * passing accident to retry but a proxy or server to fix (a NetworkError, as before).
 */
const CUT_SHORT_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ERR_HTTP_CONTENT_LENGTH_MISMATCH',
  // zlib's "unexpected end of file": a compressed body cut short.
  'Z_BUF_ERROR',
]);

/**
 * The status line arrived, then the body stopped short: got's ReadError with one of CUT_SHORT_CODES. Told apart
 * from a reset before any answer because it is a different question for the operator (which answers break).
 */
export function isCutShort(error: unknown): boolean {
  const got = loadedGot();
  if (got === null || !(error instanceof got.ReadError)) return false;
  const code = codeOf(error);
  return code !== null && CUT_SHORT_CODES.has(code);
}

/**
 * Whatever was thrown while sending a request and waiting for its answer, as a SoundchartsError, so that callers
 * always get a `code`: timeouts and connection failures that may pass become TransientError (retried), the rest
 * NetworkError (not retried) with a message that names the host and what to check. `url` is the full URL
 * requested; only its host appears in messages (a base URL may carry user info).
 */
export function networkError(error: unknown, path: string, url: string): SoundchartsError {
  if (error instanceof SoundchartsError) return error;
  const host = hostOf(url);
  const what = describeRequest(path);
  const details = { path, cause: error };
  const got = loadedGot();
  if (got && error instanceof got.TimeoutError) {
    return new TransientError(`the request for ${what} on ${host} timed out`, details);
  }
  const code = codeOf(error);
  const reason = reasonOf(error);
  if (isCutShort(error)) {
    return new TransientError(
      `the answer to ${what} on ${host} was cut short: ${code ?? 'no code'} (${reason})`,
      details,
    );
  }
  if (code !== null && TRANSIENT_NETWORK_CODES.has(code)) {
    return new TransientError(`the request for ${what} on ${host} failed: ${code} (${reason})`, details);
  }
  if (code === 'ENOTFOUND') {
    return new NetworkError(
      `cannot resolve the host ${host} (ENOTFOUND): check the base URL and the network connection`,
      details,
    );
  }
  if (code !== null && TLS_CODE.test(code)) {
    return new NetworkError(
      `secure connection to ${host} failed (${code}: ${reason}): check that the base URL is the HTTPS address of ` +
        'the API, the system clock, and any proxy that intercepts HTTPS',
      details,
    );
  }
  if (code?.startsWith('HPE_')) {
    return new NetworkError(
      `the server at ${host} did not answer in HTTP (${code}: ${reason}): check the base URL's scheme and port`,
      details,
    );
  }
  if (code !== null && BAD_URL_CODES.has(code)) {
    return new NetworkError(`the base URL is not usable (${code}: ${reason})`, details);
  }
  return new NetworkError(
    `the request for ${what} on ${host} failed: ${code ?? 'no answer'} (${reason})`,
    details,
  );
}

/** got copies the underlying error's code onto its RequestError; other errors may carry one too. */
function codeOf(error: unknown): string | null {
  const got = loadedGot();
  if (got && error instanceof got.RequestError) return error.code;
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return null;
}

/** The first line of the message: OpenSSL appends its internals on further lines. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.trim() || (error instanceof Error ? error.name : 'unknown error');
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return 'an invalid URL';
  }
}

export function schemaError(error: ZodError, path: string): MalformedResponseError {
  const what = describeRequest(path);
  const issues = error.issues.map(
    (issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`,
  );
  const first = error.issues[0];
  const fieldPath = first ? first.path.map(String).join('.') : null;
  return new MalformedResponseError(
    `malformed response for ${what}: ${fieldPath ? `field ${fieldPath}` : 'body'} — ${first?.message ?? 'invalid'}`,
    { path, fieldPath, issues },
  );
}
