import type { Credentials } from '../engine/soundcharts/auth';
import type { RankingSnapshot } from '../engine/soundcharts/types';

/** Given to every worker thread once: the app-wide request budget and quota, shared through Atomics. */
export type PoolWorkerData = {
  rateLimitState: SharedArrayBuffer;
  quotaState: SharedArrayBuffer;
};

/** Which Soundcharts (real API, sandbox or emulator) and with which credentials. */
export type Connection = {
  baseUrl: string;
  credentials: Credentials;
  timeoutMs?: number;
};

export type FetchRankingTask = {
  kind: 'fetch-ranking';
  connection: Connection;
  slug: string;
  /** A datetime returned by available-rankings, or null for the latest ranking. */
  datetime: string | null;
};

export type WorkerTask = FetchRankingTask;

export type WorkerTaskResult = {
  'fetch-ranking': RankingSnapshot;
};

/** Errors cross the thread boundary as data: structured clone would drop the class and its code. */
export type WorkerError = { code: string; message: string; status: number | null; retryable: boolean };
export type WorkerOutcome<K extends WorkerTask['kind']> =
  { ok: true; value: WorkerTaskResult[K] } | { ok: false; error: WorkerError };
