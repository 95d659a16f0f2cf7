import { scheduleChanges, scheduleSettings } from '../../../shared/domain/schedule-changes';
import type { AuditAction, AuditResult } from '../../../shared/views/audit-entry';
import type { ExecutionView, ScheduleView } from '../../../shared/views/schedule-view';
import { getChartById } from '../db/queries/charts';
import type { AppDatabase } from '../db/open-database';
import type { EventBus } from '../events';
import type { Now } from '../schedules/schedule-service';
import { recordAudit } from './audit-log';

export type ScheduleAuditAction = Extract<AuditAction, `schedule.${string}`>;

const EXECUTION_ACTIONS: Record<string, { action: AuditAction; result: AuditResult } | undefined> = {
  running: { action: 'execution.started', result: 'info' },
  completed: { action: 'execution.completed', result: 'ok' },
  failed: { action: 'execution.failed', result: 'error' },
  cancelled: { action: 'execution.cancelled', result: 'info' },
  interrupted: { action: 'execution.interrupted', result: 'error' },
};

/**
 * The audit trail of every sync operation, fed by the engine's events (executions) and the schedule service's
 * hook (operator changes), so no code path that changes state can forget to write it. Who acted comes from the
 * transport (see actor.ts); an update records each field it changed, before → after.
 */
export function attachAuditTrail(
  database: AppDatabase,
  events: EventBus,
  now: Now,
): {
  scheduleChanged(action: ScheduleAuditAction, schedule: ScheduleView, previous?: ScheduleView): void;
  detach(): void;
} {
  const detach = events.on('execution/updated', (execution: ExecutionView) => {
    const retrying =
      execution.status === 'pending' && execution.retryCount > 0 && execution.nextAttemptAt !== null;
    const mapped = retrying
      ? { action: 'execution.retrying' as const, result: 'error' as const }
      : EXECUTION_ACTIONS[execution.status];
    if (!mapped) return;
    recordAudit(
      database,
      {
        ...mapped,
        chartId: execution.chartId,
        // Through the execution's own chart: its schedule may be gone.
        chartSlug: getChartById(database, execution.chartId)?.slug ?? null,
        scheduleId: execution.scheduleId,
        executionId: execution.id,
        trigger: execution.trigger,
        // A retry starts with the previous attempt's error still on the row: that error belongs to 'retrying'.
        message: execution.status === 'running' ? null : execution.errorMessage,
        detail: {
          rankingsCreated: execution.rankingsCreated,
          rankingsUpdated: execution.rankingsUpdated,
          tracksCreated: execution.tracksCreated,
          tracksUpdated: execution.tracksUpdated,
          periodsSynced: execution.periodsSynced,
          failedPeriods: execution.failedPeriods,
          retryCount: execution.retryCount,
        },
      },
      now(),
    );
  });
  return {
    scheduleChanged: (action, schedule, previous) => {
      const changes = previous ? scheduleChanges(previous, schedule) : null;
      // An update that changed nothing (the same values sent again) is not an event worth a line.
      if (changes && Object.keys(changes).length === 0) return;
      recordAudit(
        database,
        {
          action,
          result: 'ok',
          chartId: schedule.chart.id,
          chartSlug: schedule.chart.slug,
          scheduleId: schedule.id,
          trigger: 'operator',
          detail: changes ? { changes } : { settings: scheduleSettings(schedule) },
        },
        now(),
      );
    },
    detach,
  };
}
