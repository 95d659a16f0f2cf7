import type { CallHandlers } from '../../shared/contract/calls';
import { DEFAULT_RATE_LIMIT_PER_MINUTE } from '../../shared/domain/policies';
import { isFinalStatus, type ExecutionTrigger } from '../../shared/domain/execution';
import { ChartSyncError } from '../../shared/errors';
import type { ExecutionView } from '../../shared/views/schedule-view';
import type { CredentialSource } from '../../shared/views/connection';
import type { Connection } from '../worker/protocol';
import type { EngineActions } from './api/handler-context';
import { createHandlers } from './api/handlers';
import { getChartById } from './db/queries/charts';
import type { AppDatabase } from './db/open-database';
import { AlertService } from './alerts';
import { recordAudit } from './audit/audit-log';
import { attachAuditTrail } from './audit/audit-trail';
import {
  EnrichmentRunner,
  enqueueStaleMetadata,
  readSongAudience,
  type AudienceReadOptions,
} from './enrichment';
import type { SongAudienceView } from '../../shared/views/song-audience';
import { RetentionService } from './retention/retention-service';
import { EventBus } from './events';
import { ExportService, type CloseReason } from './export/export-service';
import { announceExternalChange, watchExternalChanges } from './external-changes';
import { SyncScheduler } from './scheduler/sync-scheduler';
import { ExecutionService } from './schedules/execution-service';
import { ScheduleService, type Now } from './schedules/schedule-service';
import { forgetPausedByPauseAll } from './schedules/paused-by-pause-all';
import { SettingsService } from './settings/settings-service';
import { shownSettings } from './api/settings-handlers';
import { SoundchartsClient } from './soundcharts/client';
import { isSoundchartsError } from './soundcharts/errors';
import { QuotaTracker, createQuotaState } from './soundcharts/quota';
import { RateLimiter, createRateLimitState } from './soundcharts/rate-limiter';
import { RequestMeter, createMeterState } from './soundcharts/request-meter';
import { UsageRecorder } from './analytics/usage-recorder';
import { discoverCharts, type DiscoverySummary } from './sync/discover-charts';
import { SOURCE_WORKER_ENTRY, SyncPool, type WorkerEntry } from './sync/sync-pool';
import { SyncLock, SyncLockedError } from './sync/sync-lock';
import { SyncRunner, type PlanScope, type SyncPreview } from './sync/sync-runner';
import { ExecutionWaiter } from './sync/execution-waiter';
import { attachWebhooks, type SecretBox, type Webhooks } from './webhooks';
import { attachNotifications, type Notifications } from './notifications';
import type { ConnectionHandlers } from './credentials/connection-handlers';

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
  /** Running on the built-in emulator because no credentials are set: the UI shows it as demo data. */
  demo?: boolean;
  /** How webhook secrets are encrypted: the desktop shell's safeStorage; by default a key file (webhooks/). */
  webhookSecrets?: SecretBox;
  /** Where the host took the credentials from (flags, environment, saved), for what an alert advises. */
  credentialSource?: CredentialSource;
  /** The host's `connection/*` handlers (credentials, reconnect); without a host they refuse. */
  hostHandlers?: ConnectionHandlers;
};

/** `later`: return once the rankings are stored; the metadata they queued is fetched meanwhile (metadataDone). */
export type MetadataWait = { metadata?: 'wait' | 'later' };

/** The engine every host (desktop, headless, CLI) runs: the same database, services, sync and handlers. */
export class Engine implements EngineActions {
  readonly database: AppDatabase;
  readonly events = new EventBus();
  readonly schedules: ScheduleService;
  readonly executions: ExecutionService;
  readonly handlers: CallHandlers;
  readonly runner: SyncRunner;
  /** The CLI's `sync` waits for its execution through it; closing ends every wait. */
  private readonly waiter: ExecutionWaiter;
  /** Song metadata and audience fetches: the persistent queue, at most two at a time. */
  readonly enrichment: EnrichmentRunner;
  private readonly audit: ReturnType<typeof attachAuditTrail>;
  /** Prunes history older than the retention setting: daily in long-running hosts, and on demand. */
  readonly retention: RetentionService;
  readonly scheduler: SyncScheduler;
  /** The main thread's client (discovery, metadata, audience), on the app-wide budget. */
  readonly client: SoundchartsClient;
  readonly quota: QuotaTracker;
  /** Every Soundcharts request of this process (all threads), by kind; flushed into api_usage_hourly. */
  readonly meter: RequestMeter;
  /** Writes the meter and the quota into the database (analytics/). */
  readonly usage: UsageRecorder;
  /** Subscriptions, and deliveries of engine events to them (see webhooks/). */
  readonly webhooks: Webhooks;
  readonly settings: SettingsService;
  readonly alerts: AlertService;
  /** Data exports (files, REST streams, backups); closing the engine cancels those running. */
  readonly exports: ExportService;
  /** Executions a previous process left running, marked interrupted when this one took the sync role. */
  interruptedAtStart = 0;
  /** The executions started then to resume them (see ExecutionService.interruptRunning). */
  resumedAtStart: ExecutionView[] = [];
  private readonly rateLimitState: SharedArrayBuffer;
  private readonly quotaState = createQuotaState();
  private readonly meterState = createMeterState();
  private pool: SyncPool | null = null;
  private lock: SyncLock | null = null;
  private syncRole = false;
  /** startScheduler was told to start the background work later, and it has not started yet. */
  private backgroundPending = false;
  private closing = false;
  /**
   * Aborted by close(): a catalogue import the operator started would otherwise hold the process (and write to
   * a closed database) until its requests time out, long after Ctrl-C said "Stopped".
   */
  private readonly stopping = new AbortController();
  /** Scheduler wake-ups held back while a bulk action runs (see inBatch), and whether one was asked for. */
  private wakeHeld = 0;
  private wakeWanted = false;
  private readonly now: Now;
  private stopWatchingChanges: (() => void) | null = null;
  private readonly detachAlerts: () => void;
  /** Alerts turned into desktop notifications (`notification/show`), with the flood guard. */
  private readonly notifications: Notifications;

  constructor(private readonly options: EngineOptions) {
    const now = options.clock ?? Date.now;
    this.now = now;
    this.database = options.database;
    this.audit = attachAuditTrail(this.database, this.events, now);
    this.retention = new RetentionService({
      database: this.database,
      now,
      onError: (error: unknown) => this.report(error),
    });
    // Every state change reaches the audit trail and the UI from these two hooks (the UI has no polling).
    this.schedules = new ScheduleService(this.database, now, (action, schedule, execution, previous) => {
      if (action !== 'schedule.attention') this.audit.scheduleChanged(action, schedule, previous);
      // Resumed by any way (one schedule, an edit, the CLI): no longer "Resume all"'s to resume.
      if (action === 'schedule.resumed') forgetPausedByPauseAll(this.database, [schedule.id], now());
      if (action === 'schedule.deleted') {
        this.events.emit('schedule/removed', { scheduleId: schedule.id, chartId: schedule.chart.id });
        // The waiting sync the deletion cancelled.
        if (execution) this.events.emit('execution/updated', execution);
        return;
      }
      this.events.emit('schedule/updated', { scheduleId: schedule.id });
      if (execution) this.events.emit('execution/updated', execution);
    });
    this.executions = new ExecutionService(this.database, now, Math.random, (execution, closed) => {
      this.events.emit('execution/updated', execution);
      // A sync's 401 is confirmed before it fails (see Transport): metadata fetching stops with it, at once.
      if (closed && execution.errorCode === 'auth') {
        this.enrichment.hold({ code: 'auth', message: execution.errorMessage ?? '', at: now() });
      } else if (closed && execution.status === 'completed') this.enrichment.release();
      // Closing counts the execution in its schedule's statistics and moves its next slot.
      if (closed && execution.scheduleId !== null) {
        this.events.emit('schedule/updated', { scheduleId: execution.scheduleId });
      }
    });
    this.rateLimitState = createRateLimitState(options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE);
    this.quota = QuotaTracker.fromState(this.quotaState);
    this.meter = RequestMeter.fromState(this.meterState);
    this.client = new SoundchartsClient({
      baseUrl: options.connection.baseUrl,
      credentials: options.connection.credentials,
      rateLimiter: RateLimiter.fromState(this.rateLimitState),
      quota: this.quota,
      meter: this.meter,
      ...(options.connection.timeoutMs === undefined ? {} : { timeoutMs: options.connection.timeoutMs }),
      ...(options.connection.retryPolicy === undefined
        ? {}
        : { retryPolicy: options.connection.retryPolicy }),
    });
    this.settings = new SettingsService(this.database, now, (view) =>
      this.events.emit('settings/changed', shownSettings(view)),
    );
    this.usage = new UsageRecorder({
      database: this.database,
      meter: this.meter,
      quota: this.quota,
      now,
      teamUsage: () => this.client.teamUsage({ signal: this.stopping.signal }),
      report: (error) => this.report(error),
      onRecorded: () => this.events.emit('usage/recorded', {}),
    });
    this.usage.start();
    this.alerts = new AlertService({
      database: this.database,
      events: this.events,
      schedules: this.schedules,
      settings: this.settings,
      quota: this.quota,
      quotaLimit: () => this.usage.quotaLimit,
      now,
      report: (error) => this.report(error),
      credentials: () =>
        options.credentialSource
          ? { source: options.credentialSource, kind: options.connection.credentials.kind }
          : undefined,
    });
    this.detachAlerts = this.alerts.attach();
    this.notifications = attachNotifications({
      events: this.events,
      settings: this.settings,
      now,
      report: (error) => this.report(error),
      resolvedAmong: (ids) => this.alerts.store.resolvedAmong(ids),
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
      requestsInFlight: () => this.settings.get().requestsInFlight,
    });
    this.waiter = new ExecutionWaiter({
      executions: this.executions,
      runner: this.runner,
      events: this.events,
      now,
      storageProblem: () => this.scheduler.storageProblem,
    });
    this.enrichment = new EnrichmentRunner({
      database: this.database,
      client: this.client,
      events: this.events,
      now,
      // Metadata shares the syncs' rate limit; as many at once as a sync keeps requests in flight.
      concurrency: () => this.settings.get().requestsInFlight,
      onError: (error: unknown) => this.report(error),
    });
    this.scheduler = new SyncScheduler({
      schedules: this.schedules,
      executions: this.executions,
      runner: this.runner,
      now,
      ...(options.tickMs === undefined ? {} : { tickMs: options.tickMs }),
      onError: (error: unknown) => this.report(error),
      onTick: () => this.alerts.tick(),
    });
    this.webhooks = attachWebhooks({
      database: this.database,
      events: this.events,
      now,
      report: (e) => this.report(e),
      ...(options.webhookSecrets ? { secrets: options.webhookSecrets } : {}),
    });
    this.exports = new ExportService({
      database: this.database,
      events: this.events,
      now,
      report: (error) => this.report(error),
    });
    this.handlers = createHandlers({
      version: options.version,
      demo: options.demo ?? false,
      apiUrl: options.connection.baseUrl,
      database: this.database,
      schedules: this.schedules,
      executions: this.executions,
      webhooks: this.webhooks.service,
      retention: this.retention,
      engine: this,
      alerts: this.alerts,
      settings: this.settings,
      exports: this.exports,
      now,
      report: (error) => this.report(error),
      hostHandlers: options.hostHandlers,
    });
  }

  /**
   * Starts scheduled syncing: due schedules run now, the rest when their slot comes. `after`: the background
   * work (the first pass, metadata, retention, the plan's limits read from Soundcharts) waits for it, so that
   * `serve` answers its first call before; the sync role (and the executions a dead process left running, marked
   * interrupted) is taken at once, so that answer is already right.
   */
  startScheduler(after?: Promise<unknown>): void {
    // Once is enough: the desktop and the host both start the engine of a reconnection (the jobs have fixed ids).
    if (this.scheduler.started || this.backgroundPending) return;
    // The plan's rate limit comes with the plan refresh's team/usage answer (startBackground): one read, not two.
    this.takeSyncRole(false);
    if (after === undefined) this.startBackground();
    else {
      this.backgroundPending = true;
      void after.then(() => {
        this.backgroundPending = false;
        if (this.closing || this.scheduler.started) return;
        this.startBackground();
      });
    }
    // A schedule added from the CLI while this host runs: the screens catch up and the scheduler sees it.
    this.stopWatchingChanges ??= watchExternalChanges(this.database, (change) => {
      announceExternalChange(this.events, change);
      this.wake();
    });
  }

  /** startScheduler was called: the scheduler runs, or will once what it was told to wait for has happened. */
  get schedulingStarted(): boolean {
    return this.scheduler.started || this.backgroundPending;
  }

  private startBackground(): void {
    this.scheduler.start();
    this.enrichment.start();
    this.retention.start();
    this.usage.startPlanRefresh();
  }

  /**
   * The OS resumed from sleep (the desktop shell's powerMonitor): the scheduler runs its catch-up once, whatever
   * the number of slots missed while asleep.
   */
  resume(): void {
    if (this.closing) return;
    this.scheduler.resume()?.catch((error: unknown) => this.report(error));
  }

  /**
   * The original's process_chart_syncs: start every due schedule, run what is ready, wait for it to finish.
   * `metadata: 'later'` returns once the rankings are stored, with the metadata the syncs queued still being
   * fetched: the caller reports the rankings, then waits for metadataDone().
   */
  async processDue(options: MetadataWait = {}): Promise<ExecutionView[]> {
    this.takeSyncRole();
    this.scheduler.retryStorage();
    const since = new Set(this.executions.listActive().map((e) => e.id));
    const summary = await this.scheduler.wake();
    await this.scheduler.idle();
    // A full disk or a read-only folder held the syncs back: said as such, not as syncs that never ran.
    const problem = this.scheduler.storageProblem;
    if (problem) throw problem;
    await this.metadataAfterRankings(options);
    const ids = new Set([...since, ...summary.created, ...summary.started]);
    return [...ids].map((id) => this.executions.get(id));
  }

  /**
   * A manual sync of one chart, waited for (the CLI's `sync`). A chart without a schedule gets a paused one: the
   * execution history needs it, and a one-off sync must not subscribe the operator to recurring ones. Waits for
   * this execution only: other syncs the pass started keep running.
   */
  async syncChart(
    chartId: number,
    trigger: ExecutionTrigger = 'manual',
    options: MetadataWait = {},
  ): Promise<ExecutionView> {
    this.takeSyncRole();
    // A sync of this chart cut off by a crash was resumed at start-up: that is the sync asked for now.
    const resumed = this.resumedAtStart.find((e) => e.chartId === chartId && this.isOpen(e.id));
    if (resumed) this.wake();
    const execution = resumed ?? this.runner.storing(() => this.startChartSync(chartId, trigger));
    const settled = await this.waiter.settled(execution.id);
    await this.metadataAfterRankings(options);
    return this.executions.get(settled.id);
  }

  /**
   * Starts a sync of a schedule without waiting for it: the execution is created pending and the scheduler runs
   * it at once (or when one of the CHART_SYNC_CONCURRENCY slots frees). Refused with `execution_active` while
   * the schedule has a sync running or waiting. `backfill` plans the whole history window.
   */
  startSync(scheduleId: number, trigger: ExecutionTrigger): ExecutionView {
    const execution = this.executions.start(scheduleId, trigger);
    // Asked for by the operator: a storage failure that held syncs back is tried again at once.
    this.scheduler.retryStorage();
    this.wake();
    return execution;
  }

  /** startSync for a chart: one without a schedule gets a paused one first (see syncChart). */
  startChartSync(chartId: number, trigger: ExecutionTrigger): ExecutionView {
    const chart = getChartById(this.database, chartId);
    if (!chart) throw new ChartSyncError('not_found', `Chart ${chartId} does not exist.`);
    const schedule =
      this.schedules.getByChart(chartId) ?? this.schedules.create({ chartId, isActive: false }).schedule;
    return this.startSync(schedule.id, trigger);
  }

  /**
   * Runs a pass of the scheduler soon, without waiting for it: after a sync was asked for or a schedule changed.
   * Only the process holding the sync lock runs syncs; in another one the pending executions wait for that one's
   * next pass.
   */
  wake(): void {
    if (this.closing) return;
    if (this.wakeHeld > 0) {
      this.wakeWanted = true;
      return;
    }
    try {
      this.takeSyncRole();
    } catch (error) {
      if (error instanceof ChartSyncError && error.code === 'sync_locked') return;
      throw error;
    }
    this.scheduler.wake().catch((error: unknown) => this.report(error));
  }

  /**
   * Takes the sync role if it can; when another process (the desktop app, `chart-sync serve`) holds it, says
   * which instead of throwing. That process sees this one's changes (see watchExternalChanges) and runs what
   * they make pending.
   */
  syncingElsewhere(): SyncLockedError | null {
    try {
      this.takeSyncRole();
      return null;
    } catch (error) {
      if (error instanceof SyncLockedError) return error;
      throw error;
    }
  }

  /**
   * Runs `work` in one transaction with wake-ups held back, then wakes once: a bulk action over thousands of
   * charts commits once and makes one scheduler pass, not one per item.
   */
  inBatch<T>(work: () => T): T {
    this.wakeHeld += 1;
    try {
      return this.database.sqlite.transaction(work)();
    } finally {
      this.wakeHeld -= 1;
      if (this.wakeHeld === 0 && this.wakeWanted) {
        this.wakeWanted = false;
        this.wake();
      }
    }
  }

  /** What a sync would fetch now; by default what a backfill would (the whole window), without fetching it. */
  preview(scheduleId: number, scope: PlanScope = 'full-window'): Promise<SyncPreview> {
    return this.runner.preview(scheduleId, scope);
  }

  /**
   * Cancels a waiting or running execution and returns it closed: a running one is stopped at once (periods
   * already stored stay) and answered when its worker has let go.
   */
  async cancel(executionId: number): Promise<ExecutionView> {
    const current = this.executions.get(executionId);
    if (isFinalStatus(current.status)) {
      throw new ChartSyncError(
        'invalid_state',
        `Execution ${executionId} already ended (${current.status}); there is nothing to cancel.`,
      );
    }
    const finished = this.runner.finished(executionId);
    if (finished && this.runner.cancel(executionId)) {
      await finished;
      return this.executions.get(executionId);
    }
    return this.executions.cancel(executionId);
  }

  /** Imports Soundcharts' chart catalogue; the UI hears of it through 'charts/updated'. */
  async discoverCharts(onPlatform?: (platform: string, charts: number) => void): Promise<DiscoverySummary> {
    const summary = await discoverCharts(this.database, this.client, onPlatform, {
      signal: this.stopping.signal,
    });
    recordAudit(
      this.database,
      { action: 'charts.discovered', result: 'ok', trigger: 'operator', detail: { ...summary } },
      this.now(),
    );
    this.events.emit('charts/updated', { created: summary.created, updated: summary.updated });
    return summary;
  }

  /** Song audience: what is stored, at once; stale or missing platforms are fetched in the background. */
  songAudience(songUuid: string, options: AudienceReadOptions = {}): SongAudienceView {
    return readSongAudience(this.database, this.enrichment, songUuid, this.now(), options);
  }

  /**
   * Stops the scheduler (syncs in flight finish their period and wait for the next start), then closes. `reason`:
   * what the exports it stops say stopped them (a reconnection is not Chart Sync closing).
   */
  async close(reason: CloseReason = 'shutdown'): Promise<void> {
    this.closing = true;
    this.stopping.abort(
      new ChartSyncError(
        'invalid_state',
        'Chart Sync is stopping: this was stopped before it finished. Start it again once Chart Sync runs.',
      ),
    );
    this.waiter.close();
    this.stopWatchingChanges?.();
    this.stopWatchingChanges = null;
    await this.scheduler.stop();
    await this.enrichment.stop();
    await this.webhooks.close();
    await this.retention.stop();
    // Running exports are cancelled (their temporary files removed) before the database closes under them.
    await this.exports.close(reason);
    this.audit.detach();
    this.detachAlerts();
    this.notifications.close();
    await this.pool?.destroy();
    this.pool = null;
    // After the pool: the requests of every thread are in the meter by now.
    this.usage.close();
    this.lock?.release();
    this.lock = null;
    this.syncRole = false;
    this.database.close();
  }

  /** One-shot hosts (CLI) fetch the metadata the sync queued before they exit. */
  private async drainEnrichment(): Promise<void> {
    this.enrichment.start();
    await this.enrichment.idle();
  }

  /** Starts fetching the metadata the syncs queued, and waits for it unless told to report the rankings first. */
  private async metadataAfterRankings(options: MetadataWait): Promise<void> {
    if (options.metadata === 'later') this.enrichment.start();
    else await this.drainEnrichment();
  }

  /** Resolves when the metadata queued so far is fetched (a one-shot command's last wait, after its report). */
  metadataDone(): Promise<void> {
    return this.drainEnrichment();
  }

  private report(error: unknown): void {
    // The abort close() itself raised, seen by the work it stopped: a normal shutdown, not an error to report.
    if (this.stopping.signal.aborted && error === this.stopping.signal.reason) return;
    // An error meant for the operator (a full disk, Soundcharts unreachable or refusing) is said in its words,
    // without a stack trace.
    const print = (e: unknown) =>
      console.error(
        'chart-sync engine:',
        e instanceof ChartSyncError || isSoundchartsError(e) ? e.message : e,
      );
    (this.options.onError ?? print)(error);
  }

  /**
   * Becomes the one process that syncs this database; only then are executions left running by a previous
   * process known to be dead, and marked interrupted.
   */
  private takeSyncRole(readRateLimit = true): void {
    if (this.syncRole) return;
    // The plan's real rate limit (team/usage; free), capped by the operator's: in force for every thread.
    if (readRateLimit) void this.client.refreshRateLimit({ signal: this.stopping.signal });
    // An in-memory database (tests) cannot be shared with another process: nothing to lock.
    if (this.database.file !== ':memory:') this.lock = SyncLock.acquire(this.database.file, this.now());
    this.syncRole = true;
    const { interrupted, resumed } = this.executions.interruptRunning();
    this.interruptedAtStart = interrupted;
    this.resumedAtStart = resumed;
    this.webhooks.start();
  }

  private isOpen(executionId: number): boolean {
    return !isFinalStatus(this.executions.get(executionId).status);
  }

  /** The pool starts its two threads on first use, so `chart-sync status` never spawns any. */
  private syncPool(): SyncPool {
    this.pool ??= new SyncPool(
      { rateLimitState: this.rateLimitState, quotaState: this.quotaState, meterState: this.meterState },
      this.options.workerEntry ?? SOURCE_WORKER_ENTRY,
    );
    return this.pool;
  }
}
