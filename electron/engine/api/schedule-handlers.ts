import type { CallHandlers } from '../../../shared/contract/calls';
import { ChartSyncError } from '../../../shared/errors';
import { runBulk, type BulkOptions } from './bulk';
import { scheduleLabels, unknownSchedule } from './bulk-labels';
import type { HandlerContext } from './handler-context';
import { scheduleDetail } from './schedule-detail';
import { fromSoundcharts } from './soundcharts-failure';
import { bulkTrigger } from './triggers';

type ScheduleHandlers = Pick<
  CallHandlers,
  | 'schedules/list'
  | 'schedules/get'
  | 'schedules/create'
  | 'schedules/update'
  | 'schedules/set-active'
  | 'schedules/delete'
  | 'schedules/sync-now'
  | 'schedules/backfill-preview'
  | 'schedules/backfill'
>;

export function scheduleHandlers(context: HandlerContext): ScheduleHandlers {
  const { schedules, engine } = context;
  return {
    'schedules/list': () => schedules.list(),

    'schedules/get': ({ id }) => scheduleDetail(context, id),

    'schedules/create': (input) => {
      const { schedule, immediateExecution } = schedules.create(input);
      // Wakes for an immediate sync; a new schedule's first slot is an interval away, which re-arms the timer.
      engine.wake();
      return { schedule, execution: immediateExecution };
    },

    'schedules/update': ({ id, changes }) => {
      const schedule = withFieldPrefix('changes', () => schedules.update(id, changes));
      // A new timing or a resume may make it due now, or move the earliest wake-up.
      engine.wake();
      return schedule;
    },

    'schedules/set-active': ({ ids, active }) =>
      runBulk(context, ids, scheduleBulk(context, ids), (id) => {
        schedules.setActive(id, active);
        engine.wake();
        return { scheduleId: id, executionId: null };
      }),

    'schedules/delete': ({ ids }) =>
      runBulk(context, ids, scheduleBulk(context, ids), (id) => {
        schedules.remove(id);
        return { scheduleId: id, executionId: null };
      }),

    'schedules/sync-now': ({ ids }) => {
      const trigger = bulkTrigger(ids);
      return runBulk(context, ids, scheduleBulk(context, ids), (id) => {
        const execution = engine.startSync(id, trigger);
        return { scheduleId: id, executionId: execution.id };
      });
    },

    'schedules/backfill-preview': async ({ id }) => {
      const schedule = schedules.get(id);
      return fromSoundcharts(`Soundcharts could not plan the backfill of "${schedule.chart.name}"`, () =>
        engine.preview(id, 'full-window'),
      );
    },

    // Plans every missing period of the window, even with historical sync off (see SyncRunner's PlanScope).
    'schedules/backfill': ({ id }) => engine.startSync(id, 'backfill'),
  };
}

/**
 * The service checks the merged timing (stored row plus change) and names fields as the schedule has them; the
 * caller sent them under `changes`, and a form finds each problem by the path it sent.
 */
function withFieldPrefix<T>(prefix: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof ChartSyncError) || !error.fields) throw error;
    const fields = Object.fromEntries(
      Object.entries(error.fields).map(([field, message]) => [`${prefix}.${field}`, message]),
    );
    throw new ChartSyncError(error.code, error.message, { cause: error, fields });
  }
}

function scheduleBulk(context: HandlerContext, ids: readonly number[]): BulkOptions {
  return { labels: scheduleLabels(context.database, ids), unknown: unknownSchedule };
}
