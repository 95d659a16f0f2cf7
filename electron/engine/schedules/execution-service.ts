import { and, desc, eq, gt, inArray, min, sql } from 'drizzle-orm';
import { backoffDelayMs } from '../../../shared/domain/backoff';
import {
  ACTIVE_EXECUTION_STATUSES,
  resumesAfterCrash,
  type ExecutionStatus,
  type ExecutionTrigger,
} from '../../../shared/domain/execution';
import { nextSyncAfter, timingProblem } from '../../../shared/domain/next-sync';
import { RETRY_POLICY } from '../../../shared/domain/policies';
import { ChartSyncError } from '../../../shared/errors';
import type { ExecutionView } from '../../../shared/views/schedule-view';
import type { AppDatabase } from '../db/open-database';
import { charts, chartSyncExecutions, chartSyncSchedules } from '../db/schema';
import { toExecutionView, type ExecutionRow } from './execution-view';
import type { Now } from './schedule-service';
import { timingOf } from './schedule-view';
import { isUniqueViolation } from './sqlite-errors';

export type ExecutionCounts = {
  rankingsCreated: number;
  rankingsUpdated: number;
  tracksCreated: number;
  tracksUpdated: number;
  periodsPlanned?: number;
  periodsSynced?: number;
  periodsFailed?: number;
  /** Soundcharts requests sent so far, every attempt included (absolute, like the rest). */
  requestsMade?: number;
  /** Of those, the attempts that failed, and by reason (absolute, every attempt of the execution). */
  requestsFailed?: number;
  requestFailures?: Readonly<Record<string, number>>;
  /** Periods that failed so far in this attempt: listed as they fail, not only when the execution closes. */
  failedPeriods?: readonly string[];
};

/** ExecutionCounts as columns. */
function columnsOf(counts: Partial<ExecutionCounts>): Partial<typeof chartSyncExecutions.$inferInsert> {
  const { requestFailures, failedPeriods, ...rest } = counts;
  return {
    ...rest,
    ...(requestFailures === undefined
      ? {}
      : {
          requestFailuresJson: Object.keys(requestFailures).length ? JSON.stringify(requestFailures) : null,
        }),
    ...(failedPeriods === undefined
      ? {}
      : { failedPeriodsJson: failedPeriods.length ? JSON.stringify(failedPeriods) : null }),
  };
}

export type ExecutionFailure = {
  code: string;
  message: string;
  /** Keys of the periods still missing: a failed execution lists its holes. */
  failedPeriods?: readonly string[];
};

export type RetryDecision = { retrying: boolean; execution: ExecutionView };

/**
 * Told of every change of an execution's state after it is committed (created, started, retried, requeued,
 * closed), so the engine pushes each one to the UI from a single place. `closed`: it reached a final status, so
 * its schedule's statistics and next slot changed too. Progress is not reported here (it has its own event).
 */
export type ExecutionChangeListener = (execution: ExecutionView, closed: boolean) => void;

/**
 * What each final status does to the schedule's statistics. Cancelled runs are the operator's call: not counted.
 * An interrupted run that is resumed at start-up is not counted either (see interruptRunning): its resumption is.
 */
const STATISTICS: Record<
  'completed' | 'failed' | 'interrupted' | 'cancelled',
  { counted: boolean; succeeded: boolean }
> = {
  completed: { counted: true, succeeded: true },
  failed: { counted: true, succeeded: false },
  interrupted: { counted: true, succeeded: false },
  cancelled: { counted: false, succeeded: false },
};

const INTERRUPTED =
  'Chart Sync stopped while this sync was running (it was killed, or the machine restarted). Every period stored before that is complete';

/** The message of a run cut off by a crash: what happens to the rest of its work. */
export function interruptedMessage(resumedBy: number | null, scheduleActive: boolean | null): string {
  if (resumedBy !== null) {
    return `${INTERRUPTED}; execution ${resumedBy} fetches the rest, started when Chart Sync started again.`;
  }
  if (scheduleActive === false) {
    return `${INTERRUPTED}; the schedule is paused, so the rest is fetched when it is resumed or synced.`;
  }
  return `${INTERRUPTED}; the rest was not fetched: its schedule was deleted.`;
}

/** Executions a previous process left running, found when this one took the sync role. */
export type InterruptedAtStart = {
  interrupted: number;
  /** The new executions that resume them (see resumesAfterCrash), pending. */
  resumed: ExecutionView[];
};

/**
 * Executions of schedules. An execution is counted in its schedule's statistics exactly once, when it reaches
 * a final status; retries keep it open (pending with a retry count), so they can never double-count.
 */
export class ExecutionService {
  constructor(
    private readonly database: AppDatabase,
    private readonly clock: Now = Date.now,
    private readonly random: () => number = Math.random,
    private readonly onChange: ExecutionChangeListener = () => {},
  ) {}

  start(scheduleId: number, trigger: ExecutionTrigger, options: { maxRetries?: number } = {}): ExecutionView {
    const now = this.clock();
    const schedule = this.database.db
      .select({ id: chartSyncSchedules.id, chartId: chartSyncSchedules.chartId, chartName: charts.name })
      .from(chartSyncSchedules)
      .innerJoin(charts, eq(charts.id, chartSyncSchedules.chartId))
      .where(eq(chartSyncSchedules.id, scheduleId))
      .get();
    if (!schedule) throw new ChartSyncError('not_found', `Schedule ${scheduleId} does not exist.`);
    let execution: ExecutionView;
    try {
      execution = this.insert(scheduleId, schedule.chartId, trigger, options.maxRetries, now);
    } catch (error) {
      if (isUniqueViolation(error)) throw this.alreadyActive(scheduleId, schedule.chartName);
      throw error;
    }
    this.onChange(execution, false);
    return execution;
  }

  private insert(
    scheduleId: number,
    chartId: number,
    trigger: ExecutionTrigger,
    maxRetries: number | undefined,
    now: number,
  ): ExecutionView {
    const row = this.database.db
      .insert(chartSyncExecutions)
      .values({
        scheduleId,
        chartId,
        trigger,
        maxRetries: maxRetries ?? RETRY_POLICY.maxRetries,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      // all(), not get(): get() stops at the row, and a commit that then fails (a full disk) would go unseen.
      .all()[0]!;
    return toExecutionView(row);
  }

  /**
   * A sync waiting out a retry's backoff starts at the next pass instead ("Sync all due now"). Its retry count
   * stays; the wait is cleared rather than moved to now, so it reads as waiting for a slot, not as a new retry.
   * Returns null when the execution was not waiting for a retry (it started, ended, or never waited).
   */
  retryNow(id: number): ExecutionView | null {
    const now = this.clock();
    const changed = this.database.db
      .update(chartSyncExecutions)
      .set({ nextAttemptAt: null, updatedAt: now })
      .where(
        and(
          eq(chartSyncExecutions.id, id),
          eq(chartSyncExecutions.status, 'pending'),
          gt(chartSyncExecutions.nextAttemptAt, now),
        ),
      )
      .run();
    return changed.changes === 0 ? null : this.changed(id, false);
  }

  /** The open execution of a schedule says whether it runs or waits (and until when), so the message can too. */
  private alreadyActive(scheduleId: number, chartName: string): ChartSyncError {
    const open = this.database.db
      .select({ status: chartSyncExecutions.status, nextAttemptAt: chartSyncExecutions.nextAttemptAt })
      .from(chartSyncExecutions)
      .where(
        and(
          eq(chartSyncExecutions.scheduleId, scheduleId),
          inArray(chartSyncExecutions.status, ACTIVE_EXECUTION_STATUSES),
        ),
      )
      .get();
    const state =
      open?.status === 'running'
        ? 'is already running'
        : open?.nextAttemptAt
          ? `is waiting to retry at ${new Date(open.nextAttemptAt).toISOString()}`
          : 'is already waiting to start';
    return new ChartSyncError(
      'execution_active',
      `A sync of "${chartName}" ${state}; it was not started twice. Cancel it first to start a new one.`,
    );
  }

  markRunning(id: number, workerTaskId: string | null = null): ExecutionView {
    const now = this.clock();
    const changed = this.database.db
      .update(chartSyncExecutions)
      .set({
        status: 'running',
        startedAt: sql`COALESCE(${chartSyncExecutions.startedAt}, ${now})`,
        nextAttemptAt: null,
        workerTaskId,
        heartbeatAt: now,
        updatedAt: now,
      })
      .where(and(eq(chartSyncExecutions.id, id), eq(chartSyncExecutions.status, 'pending')))
      .run();
    if (changed.changes === 0) throw this.wrongState(id, 'start');
    return this.changed(id, false);
  }

  /** Progress of a running execution, as absolute numbers (idempotent if a message arrives twice). */
  recordProgress(id: number, counts: Partial<ExecutionCounts>): ExecutionView {
    const now = this.clock();
    const changed = this.database.db
      .update(chartSyncExecutions)
      .set({ ...columnsOf(counts), heartbeatAt: now, updatedAt: now })
      .where(and(eq(chartSyncExecutions.id, id), eq(chartSyncExecutions.status, 'running')))
      .run();
    if (changed.changes === 0) throw this.wrongState(id, 'record progress of');
    return this.get(id);
  }

  /**
   * A running execution is alive (one small UPDATE): if its process dies, this is when it ended. False when it is
   * no longer running.
   */
  heartbeat(id: number): boolean {
    const now = this.clock();
    return (
      this.database.db
        .update(chartSyncExecutions)
        .set({ heartbeatAt: now })
        .where(and(eq(chartSyncExecutions.id, id), eq(chartSyncExecutions.status, 'running')))
        .run().changes > 0
    );
  }

  markCompleted(id: number, counts: ExecutionCounts): ExecutionView {
    return this.finish(id, 'completed', {
      ...columnsOf(counts),
      errorMessage: null,
      errorCode: null,
      failedPeriodsJson: null,
    });
  }

  markFailed(id: number, failure: ExecutionFailure, counts: Partial<ExecutionCounts> = {}): ExecutionView {
    return this.finish(id, 'failed', {
      ...columnsOf(counts),
      errorMessage: failure.message,
      errorCode: failure.code,
      failedPeriodsJson: failure.failedPeriods?.length ? JSON.stringify(failure.failedPeriods) : null,
    });
  }

  /**
   * After a retryable failure: waits out an exponential backoff as pending, or fails for good once the
   * execution has used its retries.
   */
  retryOrFail(id: number, failure: ExecutionFailure, counts: Partial<ExecutionCounts> = {}): RetryDecision {
    const row = this.requireRow(id);
    if (row.retryCount >= row.maxRetries)
      return { retrying: false, execution: this.markFailed(id, failure, counts) };
    const now = this.clock();
    const retryNumber = row.retryCount + 1;
    const changed = this.database.db
      .update(chartSyncExecutions)
      .set({
        ...columnsOf(counts),
        status: 'pending',
        retryCount: retryNumber,
        nextAttemptAt: now + backoffDelayMs(retryNumber, RETRY_POLICY, this.random),
        errorMessage: failure.message,
        errorCode: failure.code,
        // Listed while it waits, so the operator sees now what the retry will fetch.
        failedPeriodsJson: failure.failedPeriods?.length ? JSON.stringify(failure.failedPeriods) : null,
        heartbeatAt: now,
        updatedAt: now,
      })
      .where(and(eq(chartSyncExecutions.id, id), eq(chartSyncExecutions.status, 'running')))
      .run();
    if (changed.changes === 0) throw this.wrongState(id, 'retry');
    return { retrying: true, execution: this.changed(id, false) };
  }

  /**
   * A graceful shutdown during a run: back to pending, so the next start continues where this one stopped
   * (planning finds only what is still missing). Nothing is counted.
   */
  requeue(id: number, counts: Partial<ExecutionCounts> = {}): ExecutionView {
    const now = this.clock();
    const changed = this.database.db
      .update(chartSyncExecutions)
      .set({
        ...columnsOf(counts),
        status: 'pending',
        nextAttemptAt: null,
        heartbeatAt: now,
        updatedAt: now,
      })
      .where(and(eq(chartSyncExecutions.id, id), eq(chartSyncExecutions.status, 'running')))
      .run();
    if (changed.changes === 0) throw this.wrongState(id, 'requeue');
    return this.changed(id, false);
  }

  /** `counts`: what a running sync had sent (and seen fail) when it was stopped, for its cost. */
  cancel(
    id: number,
    counts: Pick<ExecutionCounts, 'requestsMade' | 'requestsFailed' | 'requestFailures'> = {},
  ): ExecutionView {
    return this.finish(id, 'cancelled', {
      ...columnsOf(counts),
      errorMessage: 'Cancelled by the operator.',
      errorCode: 'cancelled',
    });
  }

  /**
   * At start-up: anything still marked running died with the previous process (a crash, a kill, a reboot). Each
   * is closed as interrupted and, when resumesAfterCrash says so, a new pending execution with the same trigger
   * takes over in the same transaction (planning finds only what is still missing). A resumed run is counted
   * once in the statistics, by the execution that resumes it; one that is not resumed counts as failed.
   */
  interruptRunning(): InterruptedAtStart {
    const running = this.database.db
      .select({
        id: chartSyncExecutions.id,
        scheduleId: chartSyncExecutions.scheduleId,
        chartId: chartSyncExecutions.chartId,
        trigger: chartSyncExecutions.trigger,
        maxRetries: chartSyncExecutions.maxRetries,
        isActive: chartSyncSchedules.isActive,
        lastAlive: sql<
          number | null
        >`COALESCE(${chartSyncExecutions.heartbeatAt}, ${chartSyncExecutions.startedAt})`,
      })
      .from(chartSyncExecutions)
      .leftJoin(chartSyncSchedules, eq(chartSyncSchedules.id, chartSyncExecutions.scheduleId))
      .where(eq(chartSyncExecutions.status, 'running'))
      .all();
    const resumed: ExecutionView[] = [];
    for (const row of running) {
      const schedule = row.scheduleId === null || row.isActive === null ? null : { isActive: row.isActive };
      const resume = resumesAfterCrash(row.trigger, schedule);
      const next = this.database.sqlite.transaction(() => {
        // It ended when it last showed life, not now: the downtime is not part of its duration.
        this.close(
          row.id,
          'interrupted',
          { errorMessage: interruptedMessage(null, schedule?.isActive ?? null), errorCode: 'interrupted' },
          { counted: !resume, endedAt: row.lastAlive },
        );
        if (!resume) return null;
        const now = this.clock();
        const execution = this.insert(row.scheduleId!, row.chartId, row.trigger, row.maxRetries, now);
        this.database.db
          .update(chartSyncExecutions)
          .set({ errorMessage: interruptedMessage(execution.id, true) })
          .where(eq(chartSyncExecutions.id, row.id))
          .run();
        return execution;
      })();
      this.changed(row.id, true);
      if (next) {
        this.onChange(next, false);
        resumed.push(next);
      }
    }
    return { interrupted: running.length, resumed };
  }

  get(id: number): ExecutionView {
    return toExecutionView(this.requireRow(id));
  }

  listForSchedule(scheduleId: number, limit = 50): ExecutionView[] {
    return this.database.db
      .select()
      .from(chartSyncExecutions)
      .where(eq(chartSyncExecutions.scheduleId, scheduleId))
      .orderBy(desc(chartSyncExecutions.createdAt), desc(chartSyncExecutions.id))
      .limit(limit)
      .all()
      .map(toExecutionView);
  }

  /** The soonest retry waiting out its backoff, for the scheduler's precise wake-up. */
  earliestRetry(): number | null {
    const row = this.database.db
      .select({ next: min(chartSyncExecutions.nextAttemptAt) })
      .from(chartSyncExecutions)
      .where(eq(chartSyncExecutions.status, 'pending'))
      .get();
    return row?.next ?? null;
  }

  listActive(): ExecutionView[] {
    return this.database.db
      .select()
      .from(chartSyncExecutions)
      .where(inArray(chartSyncExecutions.status, ACTIVE_EXECUTION_STATUSES))
      .orderBy(chartSyncExecutions.createdAt, chartSyncExecutions.id)
      .all()
      .map(toExecutionView);
  }

  /**
   * Closes an execution and updates its schedule in one transaction, only from an open status: a second
   * attempt to close the same execution fails instead of counting it again.
   */
  private finish(
    id: number,
    status: Exclude<ExecutionStatus, 'pending' | 'running'>,
    patch: Partial<typeof chartSyncExecutions.$inferInsert>,
  ): ExecutionView {
    this.close(id, status, patch, STATISTICS[status]);
    return this.changed(id, true);
  }

  /** finish() without telling the listener, so a caller can commit more in the same transaction first. */
  private close(
    id: number,
    status: Exclude<ExecutionStatus, 'pending' | 'running'>,
    patch: Partial<typeof chartSyncExecutions.$inferInsert>,
    statistics: { counted: boolean; endedAt?: number | null },
  ): void {
    const now = this.clock();
    const completedAt = Math.min(statistics.endedAt ?? now, now);
    this.database.sqlite.transaction(() => {
      const closed = this.database.db
        .update(chartSyncExecutions)
        .set({ ...patch, status, completedAt, nextAttemptAt: null, updatedAt: now })
        .where(
          and(eq(chartSyncExecutions.id, id), inArray(chartSyncExecutions.status, ACTIVE_EXECUTION_STATUSES)),
        )
        .returning({ scheduleId: chartSyncExecutions.scheduleId })
        .get();
      if (!closed) throw this.wrongState(id, 'close');
      if (closed.scheduleId === null) return;
      const schedule = this.database.db
        .select()
        .from(chartSyncSchedules)
        .where(eq(chartSyncSchedules.id, closed.scheduleId))
        .get();
      if (!schedule) return;
      const { counted } = statistics;
      const { succeeded } = STATISTICS[status];
      // An interrupted run leaves next_sync_at alone: if its slot had come, it is still due and runs once. A
      // timing that cannot be used (see timingState) has no next slot: it waits for the operator to fix it.
      const timing = timingOf(schedule);
      const nextSyncAt =
        status === 'interrupted'
          ? schedule.nextSyncAt
          : timingProblem(timing) === null
            ? nextSyncAfter(timing, now)
            : null;
      this.database.db
        .update(chartSyncSchedules)
        .set({
          totalExecutions: schedule.totalExecutions + (counted ? 1 : 0),
          successfulExecutions: schedule.successfulExecutions + (counted && succeeded ? 1 : 0),
          failedExecutions: schedule.failedExecutions + (counted && !succeeded ? 1 : 0),
          lastSyncAt: succeeded ? now : schedule.lastSyncAt,
          nextSyncAt,
          updatedAt: now,
        })
        .where(eq(chartSyncSchedules.id, schedule.id))
        .run();
    })();
  }

  private changed(id: number, closed: boolean): ExecutionView {
    const execution = this.get(id);
    this.onChange(execution, closed);
    return execution;
  }

  private requireRow(id: number): ExecutionRow {
    const row = this.database.db
      .select()
      .from(chartSyncExecutions)
      .where(eq(chartSyncExecutions.id, id))
      .get();
    if (!row) throw new ChartSyncError('not_found', `Execution ${id} does not exist.`);
    return row;
  }

  private wrongState(id: number, action: string): ChartSyncError {
    const row = this.requireRow(id);
    return new ChartSyncError(
      'invalid_state',
      `Cannot ${action} execution ${id}: it is already ${row.status}.`,
    );
  }
}
