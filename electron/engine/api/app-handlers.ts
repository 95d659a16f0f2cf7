import { withoutUrlCredentials } from '../../../shared/domain/url-credentials';
import { count, desc, eq, isNotNull } from 'drizzle-orm';
import type { CallHandlers } from '../../../shared/contract/calls';
import { HEALTH_STATES, type Health } from '../../../shared/domain/health';
import type { AppStatus } from '../../../shared/views/app-status';
import { charts, chartSyncExecutions } from '../db/schema';
import type { AppDatabase } from '../db/open-database';
import { loadScheduleHealth } from '../health/load-schedule-health';
import { readPausedByPauseAll } from '../schedules/paused-by-pause-all';
import type { HandlerContext } from './handler-context';

export function appHandlers(context: HandlerContext): Pick<CallHandlers, 'app/status'> {
  return { 'app/status': () => appStatus(context) };
}

/** What app/status reads: also given without an engine, by `chart-sync status` (hosting/read-status.ts). */
export type AppStatusSources = Pick<HandlerContext, 'version' | 'demo' | 'apiUrl' | 'database' | 'now'> & {
  alerts: Pick<HandlerContext['alerts'], 'unreadCount'>;
};

export function appStatus({ version, demo, apiUrl, database, alerts, now }: AppStatusSources): AppStatus {
  const { db } = database;
  const chartCount = db.select({ n: count() }).from(charts).get()?.n ?? 0;
  const healthById = loadScheduleHealth(database, now());
  const health = [...healthById.values()];
  // Deleted or resumed since are not Resume all's to resume.
  const resumable = readPausedByPauseAll(database).filter(
    (id) => healthById.get(id)?.health === 'paused',
  ).length;
  const byHealth = Object.fromEntries(HEALTH_STATES.map((state) => [state, 0])) as Record<Health, number>;
  for (const { health: state } of health) byHealth[state]++;
  const executionCount = (status: 'pending' | 'running') =>
    db.select({ n: count() }).from(chartSyncExecutions).where(eq(chartSyncExecutions.status, status)).get()
      ?.n ?? 0;
  return {
    version,
    demo,
    apiUrl: withoutUrlCredentials(apiUrl),
    databaseFile: database.file,
    schemaVersion: database.migration.toVersion,
    charts: chartCount,
    schedules: {
      total: health.length,
      active: health.length - byHealth.paused,
      overdue: byHealth.overdue,
      resumable,
      byHealth,
    },
    executions: { running: executionCount('running'), pending: executionCount('pending') },
    lastSync: lastSync(database),
    unreadAlerts: alerts.unreadCount(),
  };
}

/** The latest execution that ended, by the index on completed_at (one step down it). */
function lastSync({ db }: AppDatabase): AppStatus['lastSync'] {
  const row = db
    .select({
      executionId: chartSyncExecutions.id,
      chartName: charts.name,
      status: chartSyncExecutions.status,
      endedAt: chartSyncExecutions.completedAt,
    })
    .from(chartSyncExecutions)
    .innerJoin(charts, eq(charts.id, chartSyncExecutions.chartId))
    .where(isNotNull(chartSyncExecutions.completedAt))
    .orderBy(desc(chartSyncExecutions.completedAt))
    .limit(1)
    .get();
  return row && row.endedAt !== null ? { ...row, endedAt: row.endedAt } : null;
}
