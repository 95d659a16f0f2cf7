import type { EngineEvents, EventName, QueueCounts } from '../../../shared/contract/events';
import {
  ENRICHMENT_CONCURRENCY,
  ENRICHMENT_RETRY_POLICY,
  type BackoffPolicy,
} from '../../../shared/domain/policies';
import { recordAudit } from '../audit/audit-log';
import type { AppDatabase } from '../db/open-database';
import type { EventBus } from '../events';
import type { SoundchartsClient } from '../soundcharts';
import {
  claimTasks,
  completeTask,
  failTask,
  nextRunAfter,
  queueCounts,
  recoverInterrupted,
  releaseTask,
  retryOrFailTask,
  type QueueTask,
} from './queue-store';
import { audienceFetchWindow, storeSongAudience } from './store-audience';
import { storeSongMetadata } from './store-metadata';
import { outcomeOf, type TaskOutcome } from './task-outcome';

export type EnrichmentClient = Pick<SoundchartsClient, 'songMetadata' | 'songAudience'>;

export type EnrichmentRunnerOptions = {
  database: AppDatabase;
  client: EnrichmentClient;
  events: EventBus;
  now?: () => number;
  /**
   * Tasks in flight at once, metadata and audience together: a number, or read before each claim (the engine
   * passes the requestsInFlight setting, so the queue drains as fast as the rate limit it shares allows).
   */
  concurrency?: number | (() => number);
  /** Backoff between attempts of a task (its attempts are capped by the task's own max_attempts). */
  retryPolicy?: BackoffPolicy;
  /** For backoff jitter. */
  random?: () => number;
  /** Errors that cannot be recorded on a task (the database went away mid-task). */
  onError?: (error: unknown) => void;
};

/** Why the runner stopped taking tasks: the account cannot make requests until the operator acts. */
export type RunnerPause = { code: string; message: string; at: number };

/** setTimeout's own ceiling (~24.8 days); a later wake-up is re-armed when the timer fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** A task that is ready but could not be claimed (another runner took it) is looked at again this soon. */
const MIN_WAKE_MS = 50;

/**
 * Works through the persistent metadata/audience queue: never more than `concurrency` tasks in flight, a timer
 * (unref'd, so it never keeps the process alive) for the next task waiting out its backoff, and a pause when
 * the account itself is refused. One runner per database file: `start()` puts back what was left running.
 */
export class EnrichmentRunner {
  private readonly database: AppDatabase;
  private readonly client: EnrichmentClient;
  private readonly events: EventBus;
  private readonly now: () => number;
  private readonly concurrencyOf: () => number;
  private readonly retryPolicy: BackoffPolicy;
  private readonly random: () => number;
  private readonly onError: (error: unknown) => void;

  private running = false;
  private pausedBy: RunnerPause | null = null;
  /** pausedBy came from hold(): new tasks and start() must not lift it. */
  private held = false;
  private pumping = false;
  private wakeTimer: NodeJS.Timeout | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private idleWaiters: (() => void)[] = [];
  private lastCounts: string | null = null;
  private peak = 0;

  constructor(options: EnrichmentRunnerOptions) {
    this.database = options.database;
    this.client = options.client;
    this.events = options.events;
    this.now = options.now ?? Date.now;
    const concurrency = options.concurrency ?? ENRICHMENT_CONCURRENCY;
    this.concurrencyOf = () =>
      Math.max(1, Math.trunc(typeof concurrency === 'function' ? concurrency() : concurrency));
    this.retryPolicy = options.retryPolicy ?? ENRICHMENT_RETRY_POLICY;
    this.random = options.random ?? Math.random;
    this.onError = options.onError ?? ((error) => console.error('[chart-sync] enrichment:', error));
  }

  get isRunning(): boolean {
    return this.running;
  }

  /**
   * Set while the runner is stopped by an auth, plan or quota error; cleared by kick() or start(), except a pause
   * held from outside (hold()), which only release() clears.
   */
  get paused(): RunnerPause | null {
    return this.pausedBy;
  }

  /** The most tasks that were ever in flight at once. */
  get peakInFlight(): number {
    return this.peak;
  }

  get activeTasks(): number {
    return this.inFlight.size;
  }

  counts(): QueueCounts {
    return queueCounts(this.database);
  }

  /** Puts back what a previous process left running (at the first start), then takes ready tasks. */
  start(): void {
    if (this.running) {
      this.kick();
      return;
    }
    this.running = true;
    this.clearPause();
    // With tasks of our own still in flight (start right after stop), 'running' rows are not interrupted.
    if (this.inFlight.size === 0) this.guard(() => recoverInterrupted(this.database, this.now()));
    this.emitCounts();
    this.pump();
  }

  /** New tasks were queued, or the operator fixed what paused the runner: look at the queue again. */
  kick(): void {
    this.clearPause();
    this.emitCounts();
    if (this.running) this.pump();
  }

  /**
   * Something else proved the account refused (a sync's confirmed 401): take no more tasks, as if one of ours
   * had been refused.
   */
  hold(pause: RunnerPause): void {
    this.pausedBy = pause;
    this.held = true;
    this.clearWake();
  }

  /** What held the runner is over (a sync was accepted again): take tasks again. */
  release(): void {
    if (!this.held) return;
    this.held = false;
    this.kick();
  }

  private clearPause(): void {
    if (!this.held) this.pausedBy = null;
  }

  /** Takes no more tasks and resolves once the ones in flight have ended. */
  async stop(): Promise<void> {
    this.running = false;
    this.clearWake();
    await Promise.all([...this.inFlight]);
    this.settleIdle();
  }

  /**
   * Resolves when nothing is running and nothing is ready (tasks waiting out a backoff do not count), or the
   * runner is paused or stopped with nothing in flight. For tests and the CLI.
   */
  idle(): Promise<void> {
    if (this.running) this.pump();
    if (this.inFlight.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    try {
      const concurrency = this.concurrencyOf();
      while (this.running && !this.pausedBy && this.inFlight.size < concurrency) {
        const tasks = claimTasks(this.database, concurrency - this.inFlight.size, this.now());
        if (tasks.length === 0) break;
        for (const task of tasks) this.track(task);
        this.emitCounts();
      }
      this.scheduleWake();
    } catch (error) {
      this.onError(error);
    } finally {
      this.pumping = false;
    }
    this.settleIdle();
  }

  private track(task: QueueTask): void {
    const promise: Promise<void> = this.run(task)
      .catch((error: unknown) => this.onError(error))
      .finally(() => {
        this.inFlight.delete(promise);
        this.emitCounts();
        this.pump();
      });
    this.inFlight.add(promise);
    this.peak = Math.max(this.peak, this.inFlight.size);
  }

  private async run(task: QueueTask): Promise<void> {
    try {
      if (task.kind === 'song_metadata') await this.fetchMetadata(task);
      else await this.fetchAudience(task);
    } catch (error) {
      this.settleFailure(task, outcomeOf(error));
    }
  }

  private async fetchMetadata(task: QueueTask): Promise<void> {
    const metadata = await this.client.songMetadata(task.subject);
    const now = this.now();
    // Stored and marked done together: a crash in between would otherwise fetch it again.
    this.database.sqlite.transaction(() => {
      storeSongMetadata(this.database, task.subject, metadata, now);
      completeTask(this.database, task, now);
    })();
    this.emit('song/metadata-updated', { songUuid: task.subject });
  }

  private async fetchAudience(task: QueueTask): Promise<void> {
    const window = audienceFetchWindow(this.database, task.subject, task.platform, this.now());
    // Nothing to ask for when the series already reaches today; the done task still records the check.
    const series = window && (await this.client.songAudience(task.subject, task.platform, window));
    const now = this.now();
    this.database.sqlite.transaction(() => {
      if (series) storeSongAudience(this.database, task.subject, series, now);
      completeTask(this.database, task, now);
    })();
    this.emit('song/audience-updated', { songUuid: task.subject, platform: task.platform });
  }

  private settleFailure(task: QueueTask, outcome: TaskOutcome): void {
    const now = this.now();
    const message = `${outcome.code}: ${outcome.message}`;
    this.guard(() => {
      if (outcome.action === 'pause') {
        releaseTask(this.database, task, message, now);
        this.pausedBy ??= { code: outcome.code, message: outcome.message, at: now };
        this.clearWake();
      } else if (outcome.action === 'fail') {
        failTask(this.database, task, message, now);
        this.auditFailure(task, outcome, now);
      } else if (
        retryOrFailTask(this.database, task, message, now, this.retryPolicy, this.random) === 'failed'
      ) {
        this.auditFailure(task, outcome, now);
      }
    });
  }

  private auditFailure(task: QueueTask, outcome: TaskOutcome, now: number): void {
    const what = task.kind === 'song_metadata' ? 'metadata' : `${task.platform} audience`;
    recordAudit(
      this.database,
      {
        action: 'queue.failed',
        result: 'error',
        trigger: 'system',
        message: `Could not fetch the ${what} of song ${task.subject} after ${task.attempts} attempt(s): ${outcome.message}`,
        detail: {
          kind: task.kind,
          songUuid: task.subject,
          platform: task.platform,
          code: outcome.code,
          attempts: task.attempts,
        },
      },
      now,
    );
  }

  /** Wakes the runner when the next task waiting out its backoff becomes ready. */
  private scheduleWake(): void {
    this.clearWake();
    if (!this.running || this.pausedBy || this.inFlight.size >= this.concurrencyOf()) return;
    const next = nextRunAfter(this.database);
    if (next === null) return;
    const delay = Math.min(Math.max(next - this.now(), MIN_WAKE_MS), MAX_TIMER_MS);
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = null;
      this.pump();
    }, delay);
    this.wakeTimer.unref();
  }

  private clearWake(): void {
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
  }

  private settleIdle(): void {
    if (this.inFlight.size > 0 || this.pumping) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Counts go out only when they change: a busy queue would otherwise flood every window. */
  private emitCounts(): void {
    this.guard(() => {
      const counts = queueCounts(this.database);
      const key = `${counts.queued}/${counts.running}/${counts.failed}`;
      if (key === this.lastCounts) return;
      this.lastCounts = key;
      this.emit('queue/updated', counts);
    });
  }

  /** A listener that throws must not fail a task whose data is already stored. */
  private emit<K extends EventName>(name: K, payload: EngineEvents[K]): void {
    this.guard(() => this.events.emit(name, payload));
  }

  private guard(action: () => void): void {
    try {
      action();
    } catch (error) {
      this.onError(error);
    }
  }
}
