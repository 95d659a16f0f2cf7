import type { ChartSyncError } from '../../../shared/errors';
import type { ExecutionView } from '../../../shared/views/schedule-view';
import type { EventBus } from '../events';
import type { ExecutionService } from '../schedules/execution-service';
import type { Now } from '../schedules/schedule-service';
import type { SyncRunner } from './sync-runner';

type WaiterOptions = {
  executions: ExecutionService;
  runner: Pick<SyncRunner, 'finished' | 'storageFailureOf'>;
  events: EventBus;
  now: Now;
  /** Why syncs are held back (a full disk, a read-only folder): a run waiting for a slot then never gets one. */
  storageProblem?: () => ChartSyncError | null;
};

/**
 * How a one-shot host (the CLI's `sync`) waits for the execution it started, without holding the process once
 * the engine closes.
 */
export class ExecutionWaiter {
  private closing = false;
  /** Waits for an execution that must end when the engine closes. */
  private readonly onClosing = new Set<() => void>();

  constructor(private readonly options: WaiterOptions) {}

  /**
   * Resolves when the execution no longer needs this process to wait: it reached a final status, waits out a
   * retry's backoff, was put back to pending by a shutdown, or its run ended without closing it (the database
   * refused even that; reported to onError). A pending execution waiting for a free slot is still waited for.
   */
  async settled(executionId: number): Promise<ExecutionView> {
    const { executions, runner, now } = this.options;
    for (;;) {
      const execution = executions.get(executionId);
      const running = runner.finished(executionId);
      if (running) {
        await running;
        continue;
      }
      const waitsForSlot =
        execution.status === 'pending' &&
        (execution.nextAttemptAt === null || execution.nextAttemptAt <= now());
      // The disk or the folder refuses writes: a run that ended without closing, or that cannot start, is said
      // as that failure (one that recorded its own failure, waiting to retry, is returned as it is).
      const problem = runner.storageFailureOf(executionId) ?? this.options.storageProblem?.();
      if (problem && (execution.status === 'running' || waitsForSlot)) throw problem;
      if (execution.status === 'running') return execution;
      if (!waitsForSlot || this.closing) return execution;
      await this.nextUpdate(executionId);
    }
  }

  /** The engine is closing: every wait ends now (a pending execution then never starts in this process). */
  close(): void {
    this.closing = true;
    for (const done of [...this.onClosing]) done();
  }

  /** The next state change of one execution, or the engine closing. */
  private nextUpdate(executionId: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        off();
        this.onClosing.delete(done);
        resolve();
      };
      const off = this.options.events.on('execution/updated', (execution) => {
        if (execution.id === executionId) done();
      });
      this.onClosing.add(done);
    });
  }
}
