import type { CallHandlers } from '../../../shared/contract/calls';
import { missedSlot } from '../../../shared/domain/schedule-status';
import { ChartSyncError } from '../../../shared/errors';
import type { BulkResult } from '../../../shared/views/bulk-result';
import type { ExecutionView } from '../../../shared/views/schedule-view';
import { readPausedByPauseAll, writePausedByPauseAll } from '../schedules/paused-by-pause-all';
import { runBulk } from './bulk';
import { scheduleLabels, unknownSchedule } from './bulk-labels';
import type { HandlerContext } from './handler-context';

type AllSchedulesHandlers = Pick<
  CallHandlers,
  'schedules/pause-all' | 'schedules/resume-all' | 'schedules/sync-due'
>;

export const NOTHING_TO_RESUME =
  'Nothing to resume: no schedule was paused with "Pause all" (or those it paused were resumed since). ' +
  'Resume a paused schedule on its own instead.';

/**
 * The tray's (and every host's) actions on all schedules at once. Each item goes through the same services as
 * the one-schedule actions, so the audit trail records each pause, resume and sync as it does for those.
 */
export function allSchedulesHandlers(context: HandlerContext): AllSchedulesHandlers {
  const { schedules, executions, engine, database, now } = context;
  const bulk = (ids: readonly number[]) => ({
    labels: scheduleLabels(database, ids),
    unknown: unknownSchedule,
    skipWhen: ['not_found', 'invalid_state', 'execution_active'] as const,
  });

  return {
    'schedules/pause-all': () => {
      const active = schedules
        .list()
        .filter((s) => s.isActive)
        .map((s) => s.id);
      const result = runBulk(context, active, bulk(active), (id) => {
        schedules.setActive(id, false);
        return { scheduleId: id, executionId: null };
      });
      // A second "Pause all" keeps what the first paused: "Resume all" brings back both.
      writePausedByPauseAll(database, [...readPausedByPauseAll(database), ...doneIds(result)], now());
      return result;
    },

    'schedules/resume-all': () => {
      const remembered = readPausedByPauseAll(database);
      if (remembered.length === 0) throw new ChartSyncError('invalid_state', NOTHING_TO_RESUME);
      const result = runBulk(context, remembered, bulk(remembered), (id) => {
        const schedule = schedules.get(id);
        if (schedule.isActive) {
          throw new ChartSyncError('invalid_state', `"${schedule.chart.name}" is already active.`);
        }
        schedules.setActive(id, true);
        engine.wake();
        return { scheduleId: id, executionId: null };
      });
      // What failed stays remembered, so another "Resume all" can try it again.
      const failed = result.results.filter((r) => r.outcome === 'failed').map((r) => r.id);
      writePausedByPauseAll(database, failed, now());
      return result;
    },

    'schedules/sync-due': () => {
      const at = now();
      const active = new Set(
        schedules
          .list()
          .filter((s) => s.isActive)
          .map((s) => s.id),
      );
      const open = new Map<number, ExecutionView>();
      for (const execution of executions.listActive()) {
        if (execution.scheduleId !== null && active.has(execution.scheduleId)) {
          open.set(execution.scheduleId, execution);
        }
      }
      const due = schedules.due(at).map((s) => s.id);
      const ids = [...new Set([...due, ...open.keys()])];
      return runBulk(context, ids, bulk(ids), (id) => {
        const waiting = open.get(id);
        if (!waiting) {
          const schedule = schedules.get(id);
          // The slot has come: the run is the schedule's own, as the scheduler would have started it.
          const trigger = missedSlot({ ...schedule, now: at }) ? 'catch_up' : 'scheduled';
          return { scheduleId: id, executionId: engine.startSync(id, trigger).id };
        }
        if (waiting.status === 'running') {
          throw new ChartSyncError('execution_active', 'Already syncing.');
        }
        // A retry waiting out its backoff starts now; one waiting to start (for a free slot, or for a process
        // that syncs) starts at the pass this wakes, or the next free slot.
        executions.retryNow(waiting.id);
        engine.wake();
        return { scheduleId: id, executionId: waiting.id };
      });
    },
  };
}

function doneIds(result: BulkResult): number[] {
  return result.results.filter((r) => r.outcome === 'done').map((r) => r.id);
}
