import { performance } from 'node:perf_hooks';
import { AsyncTask, SimpleIntervalJob, ToadScheduler } from 'toad-scheduler';
import { missedSlot } from '../../../shared/domain/schedule-status';
import {
  CHART_SYNC_CONCURRENCY,
  DEFAULT_SCHEDULER_TICK_MS,
  STORAGE_FAILURE_PAUSE_MS,
} from '../../../shared/domain/policies';
import { ChartSyncError, STORAGE_ERROR_CODES } from '../../../shared/errors';
import { actAs } from '../audit/actor';
import type { ExecutionService } from '../schedules/execution-service';
import type { Now, ScheduleService } from '../schedules/schedule-service';
import type { SyncRunner } from '../sync/sync-runner';

export type SchedulerOptions = {
  schedules: ScheduleService;
  executions: ExecutionService;
  runner: SyncRunner;
  now: Now;
  tickMs?: number;
  onError?: (error: unknown) => void;
  /** Runs on each tick and once at start, after the pass: rules that watch the clock (alerts). */
  onTick?: () => void;
};

/** A wall clock that moved this much more (or less) than the monotonic clock between ticks jumped: sleep, NTP. */
export const CLOCK_JUMP_TOLERANCE_MS = 60_000;
/** setTimeout's ceiling; the tick re-arms the wake-up long before it matters. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export type PassSummary = { created: number[]; started: number[] };

/**
 * Decides when syncs run. A toad-scheduler tick (5 minutes by default, the original's Celery beat) is the
 * safety net; a timer armed for the earliest next_sync_at or retry makes a due sync start within moments.
 * Each pass creates one execution per due schedule (a schedule late by several slots still runs once) and
 * starts pending executions while fewer than CHART_SYNC_CONCURRENCY run; the rest wait as pending.
 */
export class SyncScheduler {
  private readonly toad = new ToadScheduler();
  private wakeTimer: NodeJS.Timeout | null = null;
  private passing: Promise<PassSummary> | null = null;
  private again = false;
  /** Timers are running (start() was called). Passes also run without them: `process` and manual syncs. */
  private timed = false;
  /** stop() was called: no new execution starts. */
  private closing = false;
  private lastTick = { wall: 0, mono: 0 };
  private readonly runs = new Set<Promise<unknown>>();
  private readonly tickMs: number;
  /**
   * The database refused a write (a full disk, a read-only folder): no sync starts until `until` (or an
   * explicit request, see retryStorage), rather than starting, failing and waking again in a tight loop.
   */
  private storageHold: { error: ChartSyncError; until: number } | null = null;

  constructor(private readonly options: SchedulerOptions) {
    this.tickMs = options.tickMs ?? DEFAULT_SCHEDULER_TICK_MS;
  }

  /** Timed passes run: a host that reconnects starts the next engine's scheduler only if this one's ran. */
  get started(): boolean {
    return this.timed;
  }

  start(): void {
    if (this.timed || this.closing) return;
    this.timed = true;
    this.lastTick = { wall: this.options.now(), mono: performance.now() };
    const tick = new AsyncTask(
      'chart-sync-tick',
      () => this.tick(),
      (error) => this.report(error),
    );
    this.toad.addSimpleIntervalJob(
      new SimpleIntervalJob({ milliseconds: this.tickMs }, tick, { id: 'tick', preventOverrun: true }),
    );
    void this.wake().then(() => this.ticked());
  }

  /** Why syncs are held back (a full disk, a read-only data folder), or null. */
  get storageProblem(): ChartSyncError | null {
    return this.storageHold?.error ?? null;
  }

  /** The operator asked for a sync (or freed space): the next pass tries the database again at once. */
  retryStorage(): void {
    if (this.storageHold) this.storageHold.until = 0;
  }

  /** Runs a pass now: after start-up, a schedule change, a resume from sleep or a clock jump. */
  wake(): Promise<PassSummary> {
    if (this.passing) {
      this.again = true;
      return this.passing;
    }
    // The engine acting on its own, even when a UI call woke it: the timers it arms inherit this too.
    this.passing = actAs('scheduler', () => this.passUntilSettled()).finally(() => {
      this.passing = null;
    });
    return this.passing;
  }

  /**
   * The OS resumed from sleep: the armed wake-up counted time that did not pass (or fires late), so it is dropped
   * and one catch-up pass runs now. A schedule that missed several slots runs once (trigger catch_up), then goes
   * back on its grid. Only a host whose timers run (start()) syncs on its own; elsewhere this does nothing.
   */
  resume(): Promise<PassSummary> | null {
    if (!this.timed || this.closing) return null;
    this.lastTick = { wall: this.options.now(), mono: performance.now() };
    return this.catchUp();
  }

  /** Resolves when nothing runs and nothing is ready to run (retries waiting for their time do not count). */
  async idle(): Promise<void> {
    for (;;) {
      await this.wake();
      if (this.runs.size === 0 && (this.closing || this.readyExecutions().length === 0)) return;
      await Promise.race(this.runs);
    }
  }

  /** Stops scheduling; running syncs finish the period in flight and return to pending for the next start. */
  async stop(): Promise<void> {
    this.closing = true;
    this.timed = false;
    this.toad.stop();
    this.clearWake();
    await this.options.runner.shutdown();
    await Promise.allSettled([...this.runs]);
  }

  private async tick(): Promise<void> {
    const wall = this.options.now();
    const mono = performance.now();
    const drift = wall - this.lastTick.wall - (mono - this.lastTick.mono);
    this.lastTick = { wall, mono };
    // After a sleep or a clock change the armed timer is wrong: the same catch-up as a resume from sleep.
    if (Math.abs(drift) > CLOCK_JUMP_TOLERANCE_MS) {
      await this.catchUp();
      return;
    }
    await this.wake();
    this.ticked();
  }

  /** One pass with the armed wake-up dropped (the pass re-arms it from the database), then the clock's rules. */
  private async catchUp(): Promise<PassSummary> {
    this.clearWake();
    const summary = await this.wake();
    this.ticked();
    return summary;
  }

  private ticked(): void {
    if (this.closing) return;
    try {
      this.options.onTick?.();
    } catch (error) {
      this.report(error);
    }
  }

  private async passUntilSettled(): Promise<PassSummary> {
    const total: PassSummary = { created: [], started: [] };
    do {
      this.again = false;
      const summary = this.pass();
      total.created.push(...summary.created);
      total.started.push(...summary.started);
    } while (this.again);
    return total;
  }

  private pass(): PassSummary {
    const { schedules, executions, runner, now } = this.options;
    const at = now();
    const created: number[] = [];
    const started: number[] = [];
    if (this.held(at)) {
      if (this.timed && !this.closing) this.armWakeAt(this.storageHold!.until - at);
      return { created, started };
    }
    for (const schedule of schedules.due(at)) {
      try {
        const trigger = missedSlot({ ...schedule, now: at }) ? 'catch_up' : 'scheduled';
        created.push(executions.start(schedule.id, trigger).id);
      } catch (error) {
        const storage = runner.storageFailure(error);
        if (storage) {
          this.failed(storage);
          return { created, started };
        }
        if (!(error instanceof ChartSyncError && error.code === 'execution_active')) this.report(error);
      }
    }
    if (!this.closing) {
      for (const execution of this.readyExecutions()) {
        if (runner.runningCount >= CHART_SYNC_CONCURRENCY) break;
        started.push(execution.id);
        const run = runner
          .run(execution.id)
          .catch((error: unknown) => this.failed(error))
          .finally(() => {
            this.runs.delete(run);
            if (!this.closing) void this.wake();
          });
        this.runs.add(run);
      }
      if (this.timed) this.armWake(at);
    }
    return { created, started };
  }

  /**
   * Whether a storage failure still holds syncs back. Once its pause is over, the runs the database could not
   * close are closed first; if it still refuses, the pause starts again.
   */
  private held(at: number): boolean {
    if (!this.storageHold) return false;
    if (at < this.storageHold.until) return true;
    if (!this.options.runner.closeUnclosed()) {
      this.storageHold.until = at + STORAGE_FAILURE_PAUSE_MS;
      return true;
    }
    this.storageHold = null;
    return false;
  }

  /** A run that threw: a storage failure holds syncs back (reported once, in words); the rest is reported. */
  private failed(error: unknown): void {
    if (error instanceof ChartSyncError && STORAGE_ERROR_CODES.has(error.code)) {
      const first = this.storageHold === null;
      this.storageHold = { error, until: this.options.now() + STORAGE_FAILURE_PAUSE_MS };
      if (first) this.report(error);
      return;
    }
    this.report(error);
  }

  private readyExecutions() {
    const at = this.options.now();
    if (this.storageHold && at < this.storageHold.until) return [];
    return this.options.executions
      .listActive()
      .filter(
        (e) => e.status === 'pending' && (e.nextAttemptAt ?? 0) <= at && !this.options.runner.isRunning(e.id),
      );
  }

  private armWake(at: number): void {
    this.clearWake();
    const next = [this.options.schedules.earliestNextSync(), this.options.executions.earliestRetry()]
      .filter((t): t is number => t !== null && t > at)
      .sort((a, b) => a - b)[0];
    if (next === undefined) return;
    this.armWakeAt(next - at);
  }

  private armWakeAt(delayMs: number): void {
    this.clearWake();
    this.wakeTimer = setTimeout(() => void this.wake(), Math.max(0, Math.min(delayMs, MAX_TIMER_MS)));
    this.wakeTimer.unref();
  }

  private clearWake(): void {
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
  }

  private report(error: unknown): void {
    (this.options.onError ?? ((e: unknown) => console.error('chart-sync scheduler:', e)))(error);
  }
}
