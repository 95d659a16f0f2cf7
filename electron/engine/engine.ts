import type { CallHandlers } from '../../shared/contract/calls';
import { DEFAULT_RATE_LIMIT_PER_MINUTE } from '../../shared/domain/policies';
import type { ExecutionTrigger } from '../../shared/domain/execution';
import { ChartSyncError } from '../../shared/errors';
import type { ExecutionView } from '../../shared/views/schedule-view';
import type { Connection } from '../worker/protocol';
import { createHandlers } from './api/handlers';
import { getChartById } from './db/queries/charts';
import type { AppDatabase } from './db/open-database';
import { attachAuditTrail } from './audit/audit-trail';
import { EnrichmentRunner, enqueueStaleMetadata, readSongAudience } from './enrichment';
import { EventBus } from './events';
import { SyncScheduler } from './scheduler/sync-scheduler';
import { ExecutionService } from './schedules/execution-service';
import { ScheduleService, type Now } from './schedules/schedule-service';
import { SoundchartsClient } from './soundcharts/client';
import { QuotaTracker, createQuotaState } from './soundcharts/quota';
import { RateLimiter, createRateLimitState } from './soundcharts/rate-limiter';
import { discoverCharts, type DiscoverySummary } from './sync/discover-charts';
import { SOURCE_WORKER_ENTRY, SyncPool, type WorkerEntry } from './sync/sync-pool';
import { SyncLock } from './sync/sync-lock';
import { SyncRunner, type SyncPreview } from './sync/sync-runner';

export type EngineOptions = {
  /** Opened by the host (openDatabase), which reads the stored settings from it first. */
  database: AppDatabase;
  version: string;
  /** Which Soundcharts to talk to (real API, sandbox, or the emulator in demo mode). */
  connection: Connection;
  rateLimitPerMinute?: number;
  tickMs?: number;
  workerEntry?: WorkerEntry;
  clock?: Now;
  onError?: (error: unknown) => void;
};

/** The engine every host (desktop, headless, CLI) runs: the same database, services, sync and handlers. */
export class Engine {
  readonly database: AppDatabase;
  readonly events = new EventBus();
  readonly schedules: ScheduleService;
  readonly executions: ExecutionService;
  readonly handlers: CallHandlers;
  readonly runner: SyncRunner;
  /** Song metadata and audience fetches: the persistent queue, at most two at a time. */
  readonly enrichment: EnrichmentRunner;
  private readonly audit: ReturnType<typeof attachAuditTrail>;
  readonly scheduler: SyncScheduler;
  /** The main thread's client (discovery, metadata, audience), on the app-wide budget. */
  readonly client: SoundchartsClient;
  readonly quota: QuotaTracker;
  /** Executions a previous process left running, marked interrupted when this one took the sync role. */
  interruptedAtStart = 0;
  private readonly rateLimitState: SharedArrayBuffer;
  private readonly quotaState = createQuotaState();
  private pool: SyncPool | null = null;
  private lock: SyncLock | null = null;
  private syncRole = false;
  private readonly now: Now;

  constructor(private readonly options: EngineOptions) {
    const now = options.clock ?? Date.now;
    this.now = now;
    this.database = options.database;
    this.audit = attachAuditTrail(
      this.database,
      this.events,
      (id) => {
        try {
          return this.schedules.get(id);
        } catch {
          return null;
        }
      },
      now,
    );
    this.schedules = new ScheduleService(this.database, now, (action, schedule) =>
      this.audit.scheduleChanged(action, schedule),
    );
    this.executions = new ExecutionService(this.database, now);
    this.rateLimitState = createRateLimitState(options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE);
    this.quota = QuotaTracker.fromState(this.quotaState);
    this.client = new SoundchartsClient({
      baseUrl: options.connection.baseUrl,
      credentials: options.connection.credentials,
      rateLimiter: RateLimiter.fromState(this.rateLimitState),
      quota: this.quota,
      ...(options.connection.timeoutMs === undefined ? {} : { timeoutMs: options.connection.timeoutMs }),
      ...(options.connection.retryPolicy === undefined
        ? {}
        : { retryPolicy: options.connection.retryPolicy }),
    });
    this.runner = new SyncRunner({
      database: this.database,
      schedules: this.schedules,
      executions: this.executions,
      pool: { sync: (...args) => this.syncPool().sync(...args) },
      events: this.events,
      connection: () => options.connection,
      now,
      onSongs: (songUuids, at) => {
        if (enqueueStaleMetadata(this.database, songUuids, at) > 0) this.enrichment.kick();
      },
    });
    this.enrichment = new EnrichmentRunner({
      database: this.database,
      client: this.client,
      events: this.events,
      now,
      ...(options.onError ? { onError: options.onError } : {}),
    });
    this.scheduler = new SyncScheduler({
      schedules: this.schedules,
      executions: this.executions,
      runner: this.runner,
      now,
      ...(options.tickMs === undefined ? {} : { tickMs: options.tickMs }),
      ...(options.onError ? { onError: options.onError } : {}),
    });
    this.handlers = createHandlers({
      version: options.version,
      database: this.database,
      schedules: this.schedules,
    });
  }

  /** Starts scheduled syncing: due schedules run now, the rest when their slot comes. */
  startScheduler(): void {
    this.takeSyncRole();
    this.scheduler.start();
    this.enrichment.start();
  }

  /** The original's process_chart_syncs: start every due schedule, run what is ready, wait for it to finish. */
  async processDue(): Promise<ExecutionView[]> {
    this.takeSyncRole();
    const since = new Set(this.executions.listActive().map((e) => e.id));
    const summary = await this.scheduler.wake();
    await this.scheduler.idle();
    await this.drainEnrichment();
    const ids = new Set([...since, ...summary.created, ...summary.started]);
    return [...ids].map((id) => this.executions.get(id));
  }

  /**
   * A manual sync of one chart, waited for. A chart without a schedule gets a paused one: the execution history
   * needs it, and a one-off sync must not subscribe the operator to recurring ones.
   */
  async syncChart(chartId: number, trigger: ExecutionTrigger = 'manual'): Promise<ExecutionView> {
    const chart = getChartById(this.database, chartId);
    if (!chart) throw new ChartSyncError('not_found', `Chart ${chartId} does not exist.`);
    this.takeSyncRole();
    const schedule =
      this.schedules.getByChart(chartId) ?? this.schedules.create({ chartId, isActive: false }).schedule;
    const execution = this.executions.start(schedule.id, trigger);
    await this.scheduler.wake();
    await this.scheduler.idle();
    await this.drainEnrichment();
    return this.executions.get(execution.id);
  }

  preview(scheduleId: number): Promise<SyncPreview> {
    return this.runner.preview(scheduleId);
  }

  cancel(executionId: number): ExecutionView {
    if (!this.runner.cancel(executionId)) return this.executions.cancel(executionId);
    return this.executions.get(executionId);
  }

  discoverCharts(onPlatform?: (platform: string, charts: number) => void): Promise<DiscoverySummary> {
    return discoverCharts(this.database, this.client, onPlatform);
  }

  /** Stops the scheduler (syncs in flight finish their period and wait for the next start), then closes. */
  /** Song audience: what is stored, at once; stale or missing platforms are fetched in the background. */
  songAudience(songUuid: string) {
    return readSongAudience(this.database, this.enrichment, songUuid, this.now());
  }

  async close(): Promise<void> {
    await this.scheduler.stop();
    await this.enrichment.stop();
    this.audit.detach();
    await this.pool?.destroy();
    this.pool = null;
    this.lock?.release();
    this.lock = null;
    this.syncRole = false;
    this.database.close();
  }

  /**
   * Becomes the one process that syncs this database; only then are executions left running by a previous
   * process known to be dead, and marked interrupted.
   */
  /** One-shot hosts (CLI) fetch the metadata the sync queued before they exit. */
  private async drainEnrichment(): Promise<void> {
    this.enrichment.start();
    await this.enrichment.idle();
  }

  private takeSyncRole(): void {
    if (this.syncRole) return;
    // An in-memory database (tests) cannot be shared with another process: nothing to lock.
    if (this.database.file !== ':memory:') this.lock = SyncLock.acquire(this.database.file, this.now());
    this.syncRole = true;
    this.interruptedAtStart = this.executions.interruptRunning();
  }

  /** The pool starts its two threads on first use, so `chart-sync status` never spawns any. */
  private syncPool(): SyncPool {
    this.pool ??= new SyncPool(
      { rateLimitState: this.rateLimitState, quotaState: this.quotaState },
      this.options.workerEntry ?? SOURCE_WORKER_ENTRY,
    );
    return this.pool;
  }
}
