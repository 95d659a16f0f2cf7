import { SoundchartsError } from '../engine/soundcharts/errors';
import type { SoundchartsClient } from '../engine/soundcharts/client';
import type { Connection, WorkerError, WorkerOutcome, WorkerTask } from './protocol';
import { syncChart } from './sync-chart';

/** Runs one task against Soundcharts; never throws, so the caller always gets the error's code. */
export async function runTask<T extends WorkerTask>(
  task: T,
  clientFor: (connection: Connection) => SoundchartsClient,
  signal?: AbortSignal,
): Promise<WorkerOutcome<T['kind']>> {
  return (await run(task, clientFor, signal)) as WorkerOutcome<T['kind']>;
}

async function run(
  task: WorkerTask,
  clientFor: (connection: Connection) => SoundchartsClient,
  signal?: AbortSignal,
): Promise<WorkerOutcome<WorkerTask['kind']>> {
  try {
    const client = clientFor(task.connection);
    const options = signal ? { signal } : {};
    switch (task.kind) {
      case 'fetch-ranking': {
        const snapshot = task.datetime
          ? await client.rankingAt(task.slug, task.datetime, options)
          : await client.latestRanking(task.slug, options);
        return { ok: true, value: snapshot };
      }
      case 'sync-chart':
        return { ok: true, value: await syncChart(task, client) };
    }
  } catch (error) {
    return { ok: false, error: toWorkerError(error) };
  }
}

export function toWorkerError(error: unknown): WorkerError {
  if (error instanceof SoundchartsError) {
    return { code: error.code, message: error.message, status: error.status, retryable: error.retryable };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message, status: null, retryable: false };
}
