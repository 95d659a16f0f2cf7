import { parentPort, workerData } from 'node:worker_threads';
import {
  RateLimiter,
  SANDBOX_CREDENTIALS,
  SoundchartsClient,
  isSoundchartsError,
  type RetryPolicy,
} from '../../../../electron/engine/soundcharts';

/** A worker thread's client, built from a retry policy that crossed over in workerData (structured clone). */
export type RetryWorkerData = { entry: string; url: string; retryPolicy: RetryPolicy };
export type RetryWorkerResult = { ok: boolean; code: string | null; policy: RetryPolicy };

const data = workerData as RetryWorkerData;
const client = new SoundchartsClient({
  baseUrl: data.url,
  credentials: SANDBOX_CREDENTIALS,
  rateLimiter: RateLimiter.create(1e9),
  retryPolicy: data.retryPolicy,
  timeoutMs: 5_000,
});
const result: RetryWorkerResult = await client.platforms().then(
  () => ({ ok: true, code: null, policy: client.retryPolicy }),
  (error: unknown) => ({
    ok: false,
    code: isSoundchartsError(error) ? error.code : String(error),
    policy: client.retryPolicy,
  }),
);
parentPort?.postMessage(result);
