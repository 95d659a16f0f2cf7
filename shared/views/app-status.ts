import type { ExecutionStatus } from '../domain/execution';
import type { Health } from '../domain/health';

/** The engine's own state: what the app shell and `chart-sync status` show. */
export type AppStatus = {
  version: string;
  /** Running on the built-in emulator (no credentials set): the UI shows a "Demo data" badge. */
  demo: boolean;
  /** The Soundcharts base URL in use (the emulator's loopback address in demo mode). */
  apiUrl: string;
  databaseFile: string;
  schemaVersion: number;
  charts: number;
  /**
   * `byHealth`: how many schedules are in each health state (the header and `chart-sync status` show them).
   * `resumable`: the schedules "Pause all" paused that are still paused, what "Resume all" would resume (it
   * refuses at 0, so the tray and the CLI offer it only above).
   */
  schedules: {
    total: number;
    active: number;
    overdue: number;
    resumable: number;
    byHealth: Record<Health, number>;
  };
  executions: { running: number; pending: number };
  /** The latest execution that ended (the tray's "Last sync" line), or null before the first. */
  lastSync: { executionId: number; chartName: string; status: ExecutionStatus; endedAt: number } | null;
  /** Unread alerts (the tray's and the bell's count). */
  unreadAlerts: number;
};
