/** The engine's own state: what the app shell and `chart-sync status` show. */
export type AppStatus = {
  version: string;
  databaseFile: string;
  schemaVersion: number;
  charts: number;
  schedules: { total: number; active: number; overdue: number };
  executions: { running: number; pending: number };
};
