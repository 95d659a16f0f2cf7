import { QuotaTracker } from '../engine/soundcharts/quota';
import { RateLimiter } from '../engine/soundcharts/rate-limiter';
import { RequestMeter } from '../engine/soundcharts/request-meter';
import { SoundchartsClient } from '../engine/soundcharts/client';
import type { Connection, PoolWorkerData } from './protocol';

/**
 * One client per connection and thread, so an OAuth token is fetched once per thread, not once per task;
 * every client draws on the app-wide budget in workerData.
 */
export function clientCache(shared: PoolWorkerData): (connection: Connection) => SoundchartsClient {
  const rateLimiter = RateLimiter.fromState(shared.rateLimitState);
  const quota = QuotaTracker.fromState(shared.quotaState);
  const meter = RequestMeter.fromState(shared.meterState);
  const clients = new Map<string, SoundchartsClient>();
  return (connection) => {
    const key = JSON.stringify(connection);
    let client = clients.get(key);
    if (!client) {
      client = new SoundchartsClient({
        baseUrl: connection.baseUrl,
        credentials: connection.credentials,
        rateLimiter,
        quota,
        meter,
        ...(connection.timeoutMs === undefined ? {} : { timeoutMs: connection.timeoutMs }),
        ...(connection.retryPolicy === undefined ? {} : { retryPolicy: connection.retryPolicy }),
      });
      clients.set(key, client);
    }
    return client;
  };
}
