import type { MessagePort } from 'node:worker_threads';
import type { ChartFrequency } from '../../shared/domain/frequency';
import type { PlannedPeriod, StoredSnapshot } from '../../shared/domain/sync-plan';
import type { Credentials } from '../engine/soundcharts/auth';
import type { RetryPolicy } from '../engine/soundcharts/transport';
import type { RankingSnapshot } from '../engine/soundcharts/types';

/** Given to every worker thread once: the app-wide request budget and quota, shared through Atomics. */
export type PoolWorkerData = {
  rateLimitState: SharedArrayBuffer;
  quotaState: SharedArrayBuffer;
  /** Requests sent, by kind (see RequestMeter): the main thread flushes them into api_usage_hourly. */
  meterState: SharedArrayBuffer;
};

/** Which Soundcharts (real API, sandbox or emulator) and with which credentials. */
export type Connection = {
  baseUrl: string;
  credentials: Credentials;
  timeoutMs?: number;
  /** Request retries for transient failures; REQUEST_RETRY_POLICY when absent. */
  retryPolicy?: RetryPolicy;
};

export type FetchRankingTask = {
  kind: 'fetch-ranking';
  connection: Connection;
  slug: string;
  /** A datetime returned by available-rankings, or null for the latest ranking. */
  datetime: string | null;
};

/**
 * Plans a chart's missing periods and fetches them, streaming each finished period through `port` so that the
 * main thread can commit it at once. With `previewOnly` it stops after posting the plan.
 */
export type SyncChartTask = {
  kind: 'sync-chart';
  connection: Connection;
  slug: string;
  frequency: ChartFrequency;
  window: { from: string; to: string };
  stored: StoredSnapshot[];
  historical: boolean;
  /** Entries of one ranking (the chart's maxResultsCount), for the request cost. */
  entriesPerRanking: number;
  /** Soundcharts requests this sync may have in flight at once (the requestsInFlight setting). */
  requestsInFlight: number;
  previewOnly: boolean;
  port: MessagePort;
};

export type SyncSummary = {
  periodsPlanned: number;
  periodsFetched: number;
  periodsFailed: number;
  /** Soundcharts requests this task sent (date list, pages, retries). */
  requestsMade: number;
  /** Of those, the attempts that failed, by reason ("503", "timeout"…). */
  requestFailures: RequestFailures;
};

/** Failed request attempts by reason, as the transport names them. */
export type RequestFailures = Record<string, number>;

/**
 * What the worker posts on the task's port, in order: one plan, then one message a period (as each period
 * finishes: several are fetched at once, so not necessarily in period order), then done. Each
 * carries `requestsMade` and `requestFailures`, the requests the task sent (and saw fail) so far, so a sync cancelled mid-way (its thread aborted,
 * no 'done') still has its count up to its last period.
 */
export type SyncMessage =
  | ({ type: 'plan'; periods: PlannedPeriod[]; requestCost: number; listed: boolean } & Metered)
  | ({ type: 'period'; key: string; snapshot: RankingSnapshot } & Metered)
  /** A period guessed from the calendar that Soundcharts does not have: nothing to store, nothing failed. */
  | ({ type: 'period-unavailable'; key: string } & Metered)
  | ({ type: 'period-failed'; key: string; error: WorkerError } & Metered)
  | {
      type: 'done';
      outcome: { ok: true; summary: SyncSummary } | ({ ok: false; error: WorkerError } & Partial<Metered>);
    };

/** What every message but the last carries: the task's requests so far. */
type Metered = { requestsMade: number; requestFailures: RequestFailures };

/** What the main thread may post to a running sync: finish the periods in flight, start no other, then stop. */
export type SyncControl = { type: 'stop' };

export type WorkerTask = FetchRankingTask | SyncChartTask;

export type WorkerTaskResult = {
  'fetch-ranking': RankingSnapshot;
  'sync-chart': SyncSummary;
};

/** Errors cross the thread boundary as data: structured clone would drop the class and its code. */
export type WorkerError = { code: string; message: string; status: number | null; retryable: boolean };
export type WorkerOutcome<K extends WorkerTask['kind']> =
  { ok: true; value: WorkerTaskResult[K] } | { ok: false; error: WorkerError };
