import type { AlertView } from '../views/alert';
import type { ExportProgress, ExportView } from '../views/export';
import type { NotificationView } from '../views/notification';
import type { SettingsView } from '../views/settings';
import type { ExecutionView } from '../views/schedule-view';

/** Progress of a running execution, pushed as each period is stored. */
export type ExecutionProgress = {
  executionId: number;
  scheduleId: number;
  periodsPlanned: number;
  periodsSynced: number;
  periodsFailed: number;
  /** Counts so far, so a screen shows them growing without asking again. */
  rankingsCreated: number;
  rankingsUpdated: number;
  tracksCreated: number;
  tracksUpdated: number;
  /** The period just stored, or null before the first. */
  lastPeriod: string | null;
};

/** Counts of the metadata/audience queue. */
export type QueueCounts = { queued: number; running: number; failed: number };

/** Every push event the engine emits, with its payload: hosts forward them to the UI unchanged. */
export type EngineEvents = {
  /** Any change of an execution's state: created, started, retried, closed, cancelled. */
  'execution/updated': ExecutionView;
  'execution/progress': ExecutionProgress;
  /** A schedule was created or changed (configuration, activity, statistics after a run). */
  'schedule/updated': { scheduleId: number };
  'schedule/removed': { scheduleId: number; chartId: number };
  /**
   * Another process (the CLI) changed the database. The charts, schedules and executions it changed were
   * announced just before by their own events ('charts/updated' with ids, 'schedule/updated',
   * 'schedule/removed', 'execution/updated'): lists of those patch their rows; views of anything else fetch again.
   */
  'app/external-change': Record<string, never>;
  /**
   * The catalogue changed: discovery imported charts (every chart may have changed), or another process changed
   * the charts of `chartIds` (added, changed or deleted): a list patches those rows only.
   */
  'charts/updated': { created: number; updated: number; chartIds?: number[] };
  'song/metadata-updated': { songUuid: string };
  'song/audience-updated': { songUuid: string; platform: string };
  'queue/updated': QueueCounts;
  /** A new alert was raised (not a folded repeat): the inbox, OS notifications and webhooks each show it once. */
  'alert/raised': AlertView;
  /** Alerts were raised, folded, read or resolved: the bell's unread count. */
  'alerts/changed': { unread: number };
  /** A schedule turned overdue (raised once per overdue stretch, whether or not its alert kind is enabled). */
  'schedule/overdue': { scheduleId: number; chartId: number };
  /** Deliveries of these webhooks were queued or attempted: the delivery log and counts changed. */
  'webhooks/deliveries-changed': { webhookIds: number[] };
  /** Stored rankings of a chart changed (a period was committed): open ranking and song views refresh. */
  'rankings/stored': { chartId: number; date: string };
  /** Soundcharts requests or a quota sample were written to the usage tables (at most every 20 s). */
  'usage/recorded': Record<string, never>;
  'export/progress': ExportProgress;
  /** An export started, ended (completed, failed, cancelled): the Exports section. */
  'export/updated': ExportView;
  /** The settings changed (from any host): screens, the tray, launch at login and the theme follow. */
  'settings/changed': SettingsView;
  /** A notification the engine decided to show (alerts after the kind filter and the flood guard). */
  'notification/show': NotificationView;
  /**
   * The host reconnected to Soundcharts with other credentials or another API URL: possibly another database
   * (demo or real), so every screen fetches again.
   */
  'app/connection-changed': { demo: boolean; apiUrl: string };
};
export type EventName = keyof EngineEvents;

/** Every event name, for transports that bind one channel per event. */
export const EVENT_NAMES = [
  'execution/updated',
  'execution/progress',
  'schedule/updated',
  'schedule/removed',
  'charts/updated',
  'app/external-change',
  'song/metadata-updated',
  'song/audience-updated',
  'queue/updated',
  'alert/raised',
  'alerts/changed',
  'schedule/overdue',
  'webhooks/deliveries-changed',
  'rankings/stored',
  'usage/recorded',
  'export/progress',
  'export/updated',
  'settings/changed',
  'notification/show',
  'app/connection-changed',
] as const satisfies readonly EventName[];
