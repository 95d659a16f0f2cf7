import { withoutUrlCredentials } from '../../../shared/domain/url-credentials';
import { CONNECTION_TEST_TIMEOUT_MS } from '../../../shared/domain/policies';
import { ChartSyncError } from '../../../shared/errors';
import type { ConnectionTestView } from '../../../shared/views/connection';
import type { Credentials } from '../soundcharts/auth';
import { SoundchartsClient } from '../soundcharts/client';
import { isSoundchartsError } from '../soundcharts/errors';
import { QuotaTracker } from '../soundcharts/quota';
import { RateLimiter } from '../soundcharts/rate-limiter';
import { withTokenUrl } from './token-url';

/** One request, so the limiter never makes it wait; its own, so a candidate account never mixes with the app's. */
const ONE_REQUEST_BUDGET_PER_MINUTE = 60;

/**
 * "Test connection": `GET /api/v2/team/usage` (free: it costs no quota) with the credentials and URL given, on
 * a client of its own, not retried, and given up after CONNECTION_TEST_TIMEOUT_MS. A refusal says the
 * credentials were rejected; no answer names the URL.
 */
export async function testConnection(
  apiUrl: string,
  credentials: Credentials,
  timeoutMs = CONNECTION_TEST_TIMEOUT_MS,
): Promise<ConnectionTestView> {
  const client = new SoundchartsClient({
    baseUrl: apiUrl,
    credentials: withTokenUrl(credentials, apiUrl),
    timeoutMs,
    retryPolicy: { maxRetries: 0 },
    rateLimiter: RateLimiter.create(ONE_REQUEST_BUDGET_PER_MINUTE),
    quota: new QuotaTracker(),
  });
  const started = performance.now();
  try {
    const usage = await client.teamUsage({ signal: AbortSignal.timeout(timeoutMs) });
    return {
      apiUrl: withoutUrlCredentials(apiUrl),
      latencyMs: Math.round(performance.now() - started),
      quota: {
        used: usage.quota?.used ?? null,
        limit: usage.quota?.limit ?? null,
        remaining: usage.quota?.remaining ?? usage.quotaRemaining,
      },
      rateLimit: { limit: usage.rateLimit?.limit ?? null, remaining: usage.rateLimit?.remaining ?? null },
    };
  } catch (error) {
    throw explain(error, withoutUrlCredentials(apiUrl));
  }
}

function explain(error: unknown, apiUrl: string): ChartSyncError {
  if (!isSoundchartsError(error)) {
    const aborted = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    if (!aborted) return new ChartSyncError('internal', 'The connection test failed.', { cause: error });
    return noAnswer(apiUrl, error);
  }
  switch (error.code) {
    case 'auth':
    case 'forbidden':
      return new ChartSyncError(
        'soundcharts_error',
        `Soundcharts rejected these credentials (HTTP ${error.status ?? 401}) at ${apiUrl}: check the app id and API key (or the OAuth client), and that they belong to this API URL.`,
        { cause: error },
      );
    case 'network':
    case 'transient':
      return noAnswer(apiUrl, error);
    default:
      return new ChartSyncError(
        'soundcharts_error',
        `${apiUrl} answered, but not as Soundcharts' usage endpoint does (${error.message}): check the API URL.`,
        { cause: error },
      );
  }
}

function noAnswer(apiUrl: string, cause: unknown): ChartSyncError {
  return new ChartSyncError(
    'soundcharts_error',
    `No answer from ${apiUrl}: check the API URL and the network (a proxy or firewall?).`,
    { cause },
  );
}
