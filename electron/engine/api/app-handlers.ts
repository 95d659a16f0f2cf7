import { count, eq } from 'drizzle-orm';
import type { CallHandlers } from '../../../shared/contract/calls';
import type { AppStatus } from '../../../shared/views/app-status';
import { charts, chartSyncExecutions } from '../db/schema';
import type { HandlerContext } from './handler-context';

export function appHandlers(context: HandlerContext): Pick<CallHandlers, 'app/status'> {
  return { 'app/status': () => appStatus(context) };
}

function appStatus({ version, demo, apiUrl, database, schedules }: HandlerContext): AppStatus {
  const { db } = database;
  const chartCount = db.select({ n: count() }).from(charts).get()?.n ?? 0;
  const scheduleViews = schedules.list();
  const executionCount = (status: 'pending' | 'running') =>
    db.select({ n: count() }).from(chartSyncExecutions).where(eq(chartSyncExecutions.status, status)).get()
      ?.n ?? 0;
  return {
    version,
    demo,
    apiUrl,
    databaseFile: database.file,
    schemaVersion: database.migration.toVersion,
    charts: chartCount,
    schedules: {
      total: scheduleViews.length,
      active: scheduleViews.filter((s) => s.isActive).length,
      overdue: scheduleViews.filter((s) => s.isOverdue).length,
    },
    executions: { running: executionCount('running'), pending: executionCount('pending') },
  };
}
