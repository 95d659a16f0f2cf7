import { ChartSyncError } from '../../../shared/errors';
import { isSoundchartsError, type SoundchartsErrorCode } from '../soundcharts';

/** The client's error codes: a worker carries them back as data, since structured clone drops the class. */
const SOUNDCHARTS_CODES: ReadonlySet<string> = new Set<SoundchartsErrorCode>([
  'auth',
  'forbidden',
  'not_found',
  'invalid_request',
  'rate_limited',
  'quota_exhausted',
  'transient',
  'network',
  'server_error',
  'malformed_response',
]);

/**
 * Errors from Soundcharts carry a message written for the operator (naming the request, never the credentials).
 * They reach the UI as `soundcharts_error` with that message, instead of the "unexpected error" that every
 * unknown error becomes (a database or programming error keeps that treatment, and goes to the log).
 */
export async function fromSoundcharts<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (isSoundchartsError(error) || (error instanceof Error && SOUNDCHARTS_CODES.has(String(code)))) {
      throw new ChartSyncError('soundcharts_error', `${what}: ${(error as Error).message}`, { cause: error });
    }
    throw error;
  }
}
