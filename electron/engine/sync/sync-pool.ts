import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import type { Piscina } from 'piscina';
import { CHART_SYNC_CONCURRENCY } from '../../../shared/domain/policies';
import { ChartSyncError } from '../../../shared/errors';
import { BUNDLED, BUNDLED_WORKER } from '../app-root';
import type {
  PoolWorkerData,
  SyncChartTask,
  SyncControl,
  SyncMessage,
  WorkerError,
  WorkerOutcome,
  WorkerTask,
} from '../../worker/protocol';

/** How to start a worker thread: the built bundle in the app, the TypeScript source (through tsx) elsewhere. */
export type WorkerEntry = { filename: string; execArgv: string[] };

/** The default: the TypeScript source through tsx, or the bundled worker when this code is the bundle (the CLI). */
export const SOURCE_WORKER_ENTRY: WorkerEntry = {
  filename: BUNDLED
    ? BUNDLED_WORKER
    : fileURLToPath(new URL('../../worker/source-entry.mjs', import.meta.url)),
  execArgv: [],
};

export type SyncRequest = Omit<SyncChartTask, 'kind' | 'port'>;
export type SyncDone = Extract<SyncMessage, { type: 'done' }>['outcome'];

export type RunningSync = {
  /** Resolves once, after the last message was handled: with the worker's outcome or why it ended early. */
  readonly done: Promise<SyncDone>;
  /** Finish the period in flight, then stop (a graceful shutdown). */
  stop(): void;
};

/**
 * The worker-thread pool of chart syncs: exactly CHART_SYNC_CONCURRENCY threads. Each sync streams its periods
 * back over its own MessagePort; messages are handled in order on the main thread, which owns the database.
 */
export class SyncPool {
  /** piscina is loaded with the pool, i.e. by the first sync: most starts of the app never run one. */
  private readonly pool: Promise<Piscina>;

  constructor(shared: PoolWorkerData, entry: WorkerEntry = SOURCE_WORKER_ENTRY) {
    this.pool = import('piscina').then(
      ({ Piscina }) =>
        new Piscina({
          filename: entry.filename,
          execArgv: entry.execArgv,
          workerData: shared,
          minThreads: CHART_SYNC_CONCURRENCY,
          maxThreads: CHART_SYNC_CONCURRENCY,
          concurrentTasksPerWorker: 1,
        }),
    );
  }

  sync(request: SyncRequest, onMessage: (message: SyncMessage) => void, signal?: AbortSignal): RunningSync {
    const { port1, port2 } = new MessageChannel();
    let settle!: (outcome: SyncDone) => void;
    const done = new Promise<SyncDone>((resolve) => {
      settle = resolve;
    });
    let finished = false;
    const end = (outcome: SyncDone) => {
      if (finished) return;
      finished = true;
      port1.close();
      settle(outcome);
    };
    port1.on('message', (message: SyncMessage) => {
      if (finished) return;
      if (message.type === 'done') return end(message.outcome);
      try {
        onMessage(message);
      } catch (error) {
        // The main thread could not take the period (the database refused it): stop this sync, report why.
        port1.postMessage({ type: 'stop' } satisfies SyncControl);
        end({ ok: false, error: internalError(error) });
      }
    });
    const task: SyncChartTask = { kind: 'sync-chart', ...request, port: port2 };
    this.pool
      .then((pool) =>
        pool.run(task satisfies WorkerTask, { transferList: [port2], ...(signal ? { signal } : {}) }),
      )
      .then((outcome: WorkerOutcome<'sync-chart'>) => {
        // The port's 'done' normally arrives first; this covers a worker that returned without posting it.
        if (!outcome.ok) end(outcome);
      })
      .catch((error: unknown) => {
        const aborted = signal?.aborted ?? false;
        end({
          ok: false,
          error: aborted
            ? { code: 'cancelled', message: 'Cancelled by the operator.', status: null, retryable: false }
            : {
                code: 'worker_crashed',
                message: `The sync worker stopped: ${messageOf(error)}`,
                status: null,
                retryable: true,
              },
        });
      });
    return {
      done,
      stop: () => {
        if (!finished) port1.postMessage({ type: 'stop' } satisfies SyncControl);
      },
    };
  }

  async destroy(): Promise<void> {
    await (await this.pool).destroy();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function internalError(error: unknown): WorkerError {
  // A full disk or a read-only folder (see SyncRunner): its own code and words, and retried like any failure.
  if (error instanceof ChartSyncError) {
    return { code: error.code, message: error.message, status: null, retryable: true };
  }
  return {
    code: 'internal',
    message: `Storing a period failed: ${messageOf(error)}`,
    status: null,
    retryable: false,
  };
}
