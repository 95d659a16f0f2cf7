import type { ExecutionTrigger } from '../../../shared/domain/execution';
import type { ExecutionView } from '../../../shared/views/schedule-view';
import type { SongAudienceView } from '../../../shared/views/song-audience';
import type { AlertService } from '../alerts/alert-service';
import type { AudienceReadOptions } from '../enrichment';
import type { AppDatabase } from '../db/open-database';
import type { RetentionService } from '../retention/retention-service';
import type { ExecutionService } from '../schedules/execution-service';
import type { Now, ScheduleService } from '../schedules/schedule-service';
import type { SettingsService } from '../settings/settings-service';
import type { ExportService } from '../export/export-service';
import type { DiscoverySummary } from '../sync/discover-charts';
import type { PlanScope, SyncPreview } from '../sync/sync-runner';
import type { WebhookService } from '../webhooks';
import type { ConnectionHandlers } from '../credentials/connection-handlers';

/** What the handlers ask of the engine beyond the services: starting, cancelling and planning syncs. */
export type EngineActions = {
  startSync(scheduleId: number, trigger: ExecutionTrigger): ExecutionView;
  startChartSync(chartId: number, trigger: ExecutionTrigger): ExecutionView;
  /** A scheduler pass soon (after a schedule change that may make it due). */
  wake(): void;
  /** One transaction, one scheduler pass at the end: for bulk actions. */
  inBatch<T>(work: () => T): T;
  cancel(executionId: number): Promise<ExecutionView>;
  preview(scheduleId: number, scope?: PlanScope): Promise<SyncPreview>;
  discoverCharts(): Promise<DiscoverySummary>;
  /** A song's stored audience at once; stale platforms (all asked ones, with `refresh`) fetched in the background. */
  songAudience(songUuid: string, options?: AudienceReadOptions): SongAudienceView;
};

export type HandlerContext = {
  version: string;
  /** Running on the built-in emulator (no credentials). */
  demo: boolean;
  /** The Soundcharts base URL in use. */
  apiUrl: string;
  database: AppDatabase;
  schedules: ScheduleService;
  executions: ExecutionService;
  webhooks: WebhookService;
  retention: RetentionService;
  engine: EngineActions;
  alerts: AlertService;
  settings: SettingsService;
  /** Data exports: files, streams to REST clients, backups (export/). */
  exports: ExportService;
  now: Now;
  /** Errors the operator is only told "see the log" about go here, with their details. */
  report(error: unknown): void;
  /** Calls only the host can answer (its credential vault, reconnecting): `connection/*`. */
  hostHandlers?: ConnectionHandlers | undefined;
};
