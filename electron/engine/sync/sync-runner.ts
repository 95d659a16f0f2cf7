import { detectSyncFrequency } from '../../../shared/domain/frequency';
import { EXECUTION_HEARTBEAT_MS, REQUESTS_IN_FLIGHT_DEFAULT } from '../../../shared/domain/policies';
import { storedHistoryWindow } from '../../../shared/domain/periods';
import { planPeriods, windowSpan, type PlannedPeriod } from '../../../shared/domain/sync-plan';
import type { ExecutionView } from '../../../shared/views/schedule-view';
import { ChartSyncError } from '../../../shared/errors';
import type { Connection, RequestFailures, SyncMessage, WorkerError } from '../../worker/protocol';
import type { AppDatabase } from '../db/open-database';
import { storageFailure } from '../db/storage-errors';
import { getChartById } from '../db/queries/charts';
import type { EventBus } from '../events';
import type { ExecutionCounts, ExecutionService } from '../schedules/execution-service';
import type { Now, ScheduleService } from '../schedules/schedule-service';
import { failureAction } from './failure-policy';
import { storedSnapshots, storeSnapshot } from './store-snapshot';
import type { SyncPool, SyncRequest } from './sync-pool';

export type SyncRunnerDeps = {
  database: AppDatabase;
  schedules: ScheduleService;
  executions: ExecutionService;
  /** Starts a sync on the pool (a function, so the pool can start its threads on first use). */
  pool: Pick<SyncPool, 'sync'>;
  events: EventBus;
  connection: () => Connection;
  now: Now;
  /** Called with the songs of every stored period when the schedule fetches track metadata. */
  onSongs?: (songUuids: readonly string[], now: number) => void;
  /** The requestsInFlight setting, read as each sync starts; REQUESTS_IN_FLIGHT_DEFAULT without it. */
  requestsInFlight?: () => number;
};

export type SyncPreview = { periods: PlannedPeriod[]; requestCost: number; listed: boolean };

type Active = {
  controller: AbortController;
  stop: (() => void) | null;
  ending: 'cancel' | 'shutdown' | null;
  /** Settles when run() has closed the execution (or given up on it). */
  finished: Promise<void>;
};

/**
 * How much of the history window a sync plans. `schedule`: as the schedule says (every missing period, or only
 * the newest with historical sync off). `full-window`: every missing period whatever the flag, for a backfill.
 */
export type PlanScope = 'schedule' | 'full-window';

const DEFAULT_ENTRIES_PER_RANKING = 100;

export const UNEXPECTED_FAILURE_MESSAGE =
  'An unexpected error stopped this sync; the details are in the log. Periods stored before it are kept: retry it.';

/**
 * Runs executions: hands the fetching to the pool and commits each period as it arrives, then closes the
 * execution by the failure policy. The main thread is the only writer of the database.
 */
export class SyncRunner {
  private readonly active = new Map<number, Active>();
  /** Runs the database refused to close (a full disk): closed at the next pass, once it takes writes again. */
  private readonly unclosed = new Map<number, ChartSyncError>();
  /** The storage failure that ended each execution's last run here, for whoever waits for it (the CLI's sync). */
  private readonly storageFailures = new Map<number, ChartSyncError>();

  constructor(private readonly deps: SyncRunnerDeps) {}

  get runningCount(): number {
    return this.active.size;
  }

  isRunning(executionId: number): boolean {
    return this.active.has(executionId);
  }

  /** Settles when the run of this execution ends; null when it is not running here. */
  finished(executionId: number): Promise<void> | null {
    return this.active.get(executionId)?.finished ?? null;
  }

  // State changes reach the UI and the audit trail through the execution service's change hook (see Engine).
  async run(executionId: number): Promise<ExecutionView> {
    const { executions } = this.deps;
    const before = executions.get(executionId);
    let finish = () => {};
    const entry: Active = {
      controller: new AbortController(),
      stop: null,
      ending: null,
      finished: new Promise<void>((resolve) => (finish = resolve)),
    };
    this.active.set(executionId, entry);
    this.storageFailures.delete(executionId);
    try {
      let started: ExecutionView;
      try {
        started = this.storing(() =>
          executions.markRunning(executionId, `exec-${executionId}.${before.retryCount}`),
        );
      } catch (error) {
        if (error instanceof ChartSyncError) this.storageFailures.set(executionId, error);
        throw error;
      }
      try {
        return await this.execute(started, entry);
      } catch (error) {
        const storage = this.storageFailure(error);
        this.closeAfterUnexpectedError(executionId, entry, storage);
        if (storage) this.storageFailures.set(executionId, storage);
        throw storage ?? error;
      }
    } finally {
      this.active.delete(executionId);
      finish();
    }
  }

  /** Plans, fetches through the pool, stores each period as it arrives, then closes by the failure policy. */
  private async execute(started: ExecutionView, entry: Active): Promise<ExecutionView> {
    const { executions, events, now } = this.deps;
    const executionId = started.id;
    const scope: PlanScope = started.trigger === 'backfill' ? 'full-window' : 'schedule';
    const { schedule, chartId, request } = this.syncRequest(scheduleOf(started), false, scope);
    const counts: RunCounts = {
      rankingsCreated: started.rankingsCreated,
      rankingsUpdated: started.rankingsUpdated,
      tracksCreated: started.tracksCreated,
      tracksUpdated: started.tracksUpdated,
      periodsPlanned: started.periodsSynced,
      periodsSynced: started.periodsSynced,
      periodsFailed: 0,
      // A retry adds its requests (and their failures) to those of the attempts before it.
      requestsMade: started.requestsMade,
      requestsFailed: started.requestsFailed,
      requestFailures: started.requestFailures,
    };
    const attemptRequests = (sent: number | undefined, failures: RequestFailures | undefined) => {
      if (sent !== undefined)
        counts.requestsMade = Math.max(counts.requestsMade, started.requestsMade + sent);
      if (failures !== undefined) {
        counts.requestFailures = addFailures(started.requestFailures, failures);
        counts.requestsFailed = sumOf(counts.requestFailures);
      }
    };
    const failed: { key: string; error: WorkerError }[] = [];
    // What this attempt set out to fetch, and what it stored or found unpublished: the rest is still missing.
    const attempt: Attempt = { planned: null, done: new Set() };
    let lastPeriod: string | null = null;
    const progress = (failedPeriods?: readonly string[]) => {
      executions.recordProgress(executionId, failedPeriods ? { ...counts, failedPeriods } : counts);
      events.emit('execution/progress', {
        executionId,
        scheduleId: scheduleOf(started),
        periodsPlanned: counts.periodsPlanned,
        periodsSynced: counts.periodsSynced,
        periodsFailed: counts.periodsFailed,
        rankingsCreated: counts.rankingsCreated,
        rankingsUpdated: counts.rankingsUpdated,
        tracksCreated: counts.tracksCreated,
        tracksUpdated: counts.tracksUpdated,
        lastPeriod,
      });
    };
    // A write the disk or the folder refuses (the period, or the progress after it) is said as such.
    const onMessage = (message: SyncMessage) => this.storing(() => handle(message));
    const handle = (message: SyncMessage) => {
      if (message.type !== 'done') attemptRequests(message.requestsMade, message.requestFailures);
      switch (message.type) {
        case 'plan':
          attempt.planned = message.periods.map((p) => p.key);
          counts.periodsPlanned = started.periodsSynced + message.periods.length;
          return progress();
        case 'period': {
          const stored = storeSnapshot(this.deps.database, chartId, message.snapshot, now());
          counts[stored.rankingCreated ? 'rankingsCreated' : 'rankingsUpdated'] += 1;
          counts.tracksCreated += stored.tracksCreated;
          counts.tracksUpdated += stored.tracksUpdated;
          counts.periodsSynced += 1;
          attempt.done.add(message.key);
          lastPeriod = message.key;
          if (schedule.fetchTrackMetadata) this.deps.onSongs?.(stored.songUuids, now());
          // Once per committed period: open ranking and song views of this chart fetch again.
          events.emit('rankings/stored', { chartId, date: message.snapshot.date });
          return progress();
        }
        case 'period-unavailable':
          attempt.done.add(message.key);
          counts.periodsPlanned -= 1;
          return progress();
        case 'period-failed':
          failed.push({ key: message.key, error: message.error });
          counts.periodsFailed = failed.length;
          // Listed as they fail: a run that ends waiting for a retry already shows what it will fetch again.
          return progress(failed.map((f) => f.key));
      }
    };
    const sync = this.deps.pool.sync(request, onMessage, entry.controller.signal);
    entry.stop = sync.stop;
    // A sign of life between periods too (a slow page, a long rate-limit wait), so that if this process dies the
    // execution ends about when it did.
    const heartbeat = setInterval(() => {
      try {
        executions.heartbeat(executionId);
      } catch {
        // A busy or failing database: the next committed period writes the heartbeat anyway.
      }
    }, EXECUTION_HEARTBEAT_MS);
    heartbeat.unref();
    const outcome = await sync.done.finally(() => clearInterval(heartbeat));
    if (outcome.ok) attemptRequests(outcome.summary.requestsMade, outcome.summary.requestFailures);
    else attemptRequests(outcome.requestsMade, outcome.requestFailures);
    return this.close(executionId, entry, outcome, failed, counts, () =>
      this.stillMissing(attempt, request, chartId),
    );
  }

  /**
   * The periods a failed attempt leaves missing, so a failed execution always lists its holes: what it planned
   * minus what it stored, or, when it failed before it could plan (the list of dates itself failed), the
   * window's periods on the chart's calendar minus those stored, as planning would find them.
   */
  private stillMissing(attempt: Attempt, request: SyncRequest, chartId: number): string[] {
    if (attempt.planned) return attempt.planned.filter((key) => !attempt.done.has(key));
    return planPeriods({
      frequency: request.frequency,
      window: request.window,
      available: null,
      stored: storedSnapshots(this.deps.database, chartId, windowSpan(request.frequency, request.window)),
      historical: request.historical,
    }).map((p) => p.key);
  }

  /**
   * An error of ours (a bug, a database that refuses) after the execution was marked running: it is closed here,
   * or it would stay running until a restart, refusing new syncs of its schedule and the schedule's deletion.
   */
  private closeAfterUnexpectedError(
    executionId: number,
    entry: Active,
    storage: ChartSyncError | null = null,
  ): void {
    const { executions } = this.deps;
    try {
      if (executions.get(executionId).status !== 'running') return;
      if (entry.ending === 'cancel') executions.cancel(executionId);
      // A full disk or a read-only folder passes: retried with backoff, so the sync resumes once it has.
      else if (storage) executions.retryOrFail(executionId, { code: storage.code, message: storage.message });
      else executions.markFailed(executionId, { code: 'internal', message: UNEXPECTED_FAILURE_MESSAGE });
    } catch (error) {
      // The database refuses even that (a disk full to the last byte): closed by the next pass that can write,
      // rather than left running until a restart (refusing new syncs of its schedule meanwhile).
      const failure = storage ?? this.storageFailure(error);
      if (failure && entry.ending !== 'cancel') this.unclosed.set(executionId, failure);
    }
  }

  /** The disk or folder failure that ended this execution's last run here (it may not be recorded on it). */
  storageFailureOf(executionId: number): ChartSyncError | null {
    return this.storageFailures.get(executionId) ?? null;
  }

  /** Closes the runs the database refused to close: true when none is left (it takes writes again). */
  closeUnclosed(): boolean {
    for (const [executionId, failure] of [...this.unclosed]) {
      try {
        if (this.deps.executions.get(executionId).status === 'running' && !this.active.has(executionId)) {
          const { retrying } = this.deps.executions.retryOrFail(executionId, {
            code: failure.code,
            message: failure.message,
          });
          // The pause that held every sync back was its backoff: it runs again at once.
          if (retrying) this.deps.executions.retryNow(executionId);
        }
        this.unclosed.delete(executionId);
      } catch {
        return false;
      }
    }
    return true;
  }

  /** A full disk or a read-only folder, said as such (the scheduler then waits before starting syncs again). */
  storageFailure(error: unknown): ChartSyncError | null {
    return storageFailure(error, this.deps.database.file);
  }

  /** Runs a write whose failure, if the disk's or the folder's, is said as such (see storage-errors). */
  storing<T>(write: () => T): T {
    try {
      return write();
    } catch (error) {
      throw this.storageFailure(error) ?? error;
    }
  }

  /** Plans without fetching: the periods a sync would fetch now and what they would cost in requests. */
  async preview(scheduleId: number, scope: PlanScope = 'schedule'): Promise<SyncPreview> {
    const { request } = this.syncRequest(scheduleId, true, scope);
    let plan: SyncPreview | null = null;
    const sync = this.deps.pool.sync(request, (message) => {
      if (message.type === 'plan')
        plan = { periods: message.periods, requestCost: message.requestCost, listed: message.listed };
    });
    const outcome = await sync.done;
    if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), { code: outcome.error.code });
    return plan ?? { periods: [], requestCost: 0, listed: true };
  }

  /** What the worker needs to plan (and fetch) a schedule's chart now: one definition for sync and preview. */
  private syncRequest(scheduleId: number, previewOnly: boolean, scope: PlanScope) {
    const schedule = this.deps.schedules.get(scheduleId);
    const chart = getChartById(this.deps.database, schedule.chart.id)!;
    const window = storedHistoryWindow(this.deps.now(), schedule.historyWindowDays);
    const frequency = detectSyncFrequency(chart.frequency);
    const request: SyncRequest = {
      connection: this.deps.connection(),
      slug: chart.slug,
      frequency,
      window,
      stored: storedSnapshots(this.deps.database, chart.id, windowSpan(frequency, window)),
      historical: scope === 'full-window' || schedule.syncHistoricalData,
      entriesPerRanking: chart.maxResultsCount ?? DEFAULT_ENTRIES_PER_RANKING,
      requestsInFlight: this.deps.requestsInFlight?.() ?? REQUESTS_IN_FLIGHT_DEFAULT,
      previewOnly,
    };
    return { schedule, chartId: chart.id, request };
  }

  /** Cancels a running execution: its worker is stopped at once; periods already stored stay. */
  cancel(executionId: number): boolean {
    const entry = this.active.get(executionId);
    if (!entry) return false;
    entry.ending = 'cancel';
    entry.controller.abort();
    return true;
  }

  /**
   * Graceful shutdown: every sync finishes the periods in flight (each is stored whole), then returns to pending for the next start. A
   * sync the operator just cancelled stays cancelled: its worker is already stopping, and coming back as a retry
   * after the restart would undo the cancel.
   */
  async shutdown(): Promise<void> {
    const waits = [...this.active.entries()].map(([id, entry]) => {
      if (entry.ending !== 'cancel') {
        entry.ending = 'shutdown';
        entry.stop?.();
      }
      return this.waitFor(id);
    });
    await Promise.all(waits);
  }

  private waitFor(executionId: number): Promise<void> {
    return this.finished(executionId) ?? Promise.resolve();
  }

  private close(
    executionId: number,
    entry: Active,
    outcome: Awaited<ReturnType<SyncPool['sync']>['done']>,
    failed: { key: string; error: WorkerError }[],
    counts: RunCounts,
    stillMissing: () => string[],
  ): ExecutionView {
    const { executions, schedules } = this.deps;
    const requests = {
      requestsMade: counts.requestsMade,
      requestsFailed: counts.requestsFailed,
      requestFailures: counts.requestFailures,
    };
    if (entry.ending === 'cancel') return executions.cancel(executionId, requests);
    if (entry.ending === 'shutdown' && outcome.ok) return executions.requeue(executionId, requests);
    if (!outcome.ok) {
      const failedPeriods = stillMissing();
      counts.periodsFailed = failedPeriods.length;
      counts.periodsPlanned = Math.max(counts.periodsPlanned, counts.periodsSynced + failedPeriods.length);
      const { error } = outcome;
      const failure = { code: error.code, message: error.message, failedPeriods };
      switch (failureAction(error.code)) {
        case 'attention': {
          const execution = executions.markFailed(executionId, failure, counts);
          schedules.setAttention(scheduleOf(execution), error.message);
          return execution;
        }
        case 'retry':
          return executions.retryOrFail(executionId, failure, counts).execution;
        case 'fail':
          return executions.markFailed(executionId, failure, counts);
      }
    }
    if (failed.length > 0) {
      const failedPeriods = failed.map((f) => f.key);
      const first = failed[0]!.error;
      const failure = {
        code: first.code,
        message: `${failed.length} of ${counts.periodsPlanned} periods could not be fetched (first: ${failed[0]!.key}: ${first.message})`,
        failedPeriods,
      };
      return failed.every((f) => failureAction(f.error.code) === 'retry')
        ? executions.retryOrFail(executionId, failure, counts).execution
        : executions.markFailed(executionId, failure, counts);
    }
    const execution = executions.markCompleted(executionId, counts);
    schedules.setAttention(scheduleOf(execution), null);
    return execution;
  }
}

type Attempt = { planned: string[] | null; done: Set<string> };

type RunCounts = Required<Omit<ExecutionCounts, 'failedPeriods'>>;

function addFailures(before: Readonly<RequestFailures>, attempt: Readonly<RequestFailures>): RequestFailures {
  const sum: RequestFailures = { ...before };
  for (const [reason, count] of Object.entries(attempt)) sum[reason] = (sum[reason] ?? 0) + count;
  return sum;
}

function sumOf(failures: Readonly<RequestFailures>): number {
  return Object.values(failures).reduce((total, count) => total + count, 0);
}

/** An execution being run always has its schedule: one cannot be deleted while it has an open execution. */
function scheduleOf(execution: ExecutionView): number {
  if (execution.scheduleId === null) {
    throw new ChartSyncError('invalid_state', `Execution ${execution.id} has no schedule: it was deleted.`);
  }
  return execution.scheduleId;
}
