import { workerData } from 'node:worker_threads';
import { clientCache } from './clients';
import type { PoolWorkerData, WorkerOutcome, WorkerTask } from './protocol';
import { runTask } from './run-task';

/**
 * The entry of the sync pool's worker threads (piscina calls the default export once per task). The network,
 * validation and normalization happen here, off the main thread that owns the database.
 */
const clientFor = clientCache(workerData as PoolWorkerData);

export default function handleTask(task: WorkerTask): Promise<WorkerOutcome<WorkerTask['kind']>> {
  return runTask(task, clientFor);
}
