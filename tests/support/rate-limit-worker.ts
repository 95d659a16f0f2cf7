import { parentPort, workerData } from 'node:worker_threads';
import {
  QuotaTracker,
  RateLimiter,
  SANDBOX_CREDENTIALS,
  SoundchartsClient,
  isSoundchartsError,
} from '../../electron/engine/soundcharts';

/**
 * A worker of the global rate-limit test: its own client, the shared budget from workerData, requests as fast
 * as the limiter allows until the deadline.
 */
export type RateLimitWorkerData = {
  entry: string;
  url: string;
  rateLimitState: SharedArrayBuffer;
  quotaState: SharedArrayBuffer;
  /** Epoch ms: both workers start together, whatever their start-up time. */
  startAt: number;
  deadline: number;
};

export type RateLimitWorkerResult = { requests: number; errors: string[] };

const data = workerData as RateLimitWorkerData;
const client = new SoundchartsClient({
  baseUrl: data.url,
  credentials: SANDBOX_CREDENTIALS,
  rateLimiter: RateLimiter.fromState(data.rateLimitState),
  quota: QuotaTracker.fromState(data.quotaState),
  timeoutMs: 5_000,
});

const result: RateLimitWorkerResult = { requests: 0, errors: [] };
await new Promise((resolve) => setTimeout(resolve, Math.max(0, data.startAt - Date.now())));
while (Date.now() < data.deadline) {
  try {
    await client.platforms();
    result.requests += 1;
  } catch (error) {
    result.errors.push(isSoundchartsError(error) ? `${error.code}: ${error.message}` : String(error));
  }
}
parentPort?.postMessage(result);
