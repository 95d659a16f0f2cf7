import { RequestError, TimeoutError } from 'got';
import type { ZodError } from 'zod';
import { errorBodySchema } from './schemas/common';
import {
  AuthError,
  ForbiddenError,
  InvalidRequestError,
  MalformedResponseError,
  NotFoundError,
  QuotaExhaustedError,
  ServerError,
  TransientError,
  type SoundchartsError,
} from './errors';

/** The official SDK's test for a rate-limit 429, as opposed to a quota 429. */
const RATE_LIMIT_MESSAGE = /maximum request count/i;
const TRANSIENT_STATUSES = new Set([502, 503, 504]);
/** Connection-level failures: the server never answered, so the request did not count and may be sent again. */
const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

export type ErrorContext = { status: number; path: string; apiMessage: string | null };

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

/** Maps a non-2xx status to its error class. Rate-limit 429s are handled before this, by waiting. */
export function errorForStatus({ status, path, apiMessage }: ErrorContext): SoundchartsError {
  const details = { status, path, apiMessage };
  const suffix = apiMessage ? `: ${apiMessage}` : '';
  if (status === 401)
    return new AuthError(`Soundcharts rejected the credentials (401) for ${path}${suffix}`, details);
  if (status === 403 || status === 405) {
    return new ForbiddenError(`Soundcharts refused ${path} for this plan (${status})${suffix}`, details);
  }
  if (status === 404) return new NotFoundError(`Soundcharts has nothing at ${path} (404)${suffix}`, details);
  if (status === 429)
    return new QuotaExhaustedError(`Soundcharts quota exhausted (429) at ${path}${suffix}`, details);
  if (TRANSIENT_STATUSES.has(status)) {
    return new TransientError(
      `Soundcharts is temporarily unavailable (${status}) at ${path}${suffix}`,
      details,
    );
  }
  if (status >= 500) return new ServerError(`Soundcharts failed on ${path} (${status})${suffix}`, details);
  return new InvalidRequestError(`Soundcharts rejected ${path} as invalid (${status})${suffix}`, details);
}

/** Errors thrown by got before any response: timeouts and connection failures become TransientError. */
export function networkError(error: unknown, path: string): SoundchartsError | null {
  if (error instanceof TimeoutError) {
    return new TransientError(`request to ${path} timed out`, { path, cause: error });
  }
  if (error instanceof RequestError && TRANSIENT_NETWORK_CODES.has(error.code)) {
    return new TransientError(`request to ${path} failed: ${error.code}`, { path, cause: error });
  }
  return null;
}

export function schemaError(error: ZodError, path: string): MalformedResponseError {
  const issues = error.issues.map(
    (issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`,
  );
  const first = error.issues[0];
  const fieldPath = first ? first.path.map(String).join('.') : null;
  return new MalformedResponseError(
    `malformed response from ${path}: ${fieldPath ? `field ${fieldPath}` : 'body'} — ${first?.message ?? 'invalid'}`,
    { path, fieldPath, issues },
  );
}
