import type { CallHandlers } from '../../../shared/contract/calls';
import { isRetryableStatus } from '../../../shared/domain/execution';
import { detectSyncFrequency } from '../../../shared/domain/frequency';
import { periodKeyOf } from '../../../shared/domain/periods';
import { ChartSyncError } from '../../../shared/errors';
import type { ExecutionDetail, ExecutionListItem } from '../../../shared/views/execution-list';
import { toChartSummary } from '../db/queries/charts';
import { executionTimeline } from '../audit/audit-log';
import { rankingDatesFetchedBetween } from '../db/queries/execution-detail';
import {
  getExecutionWithChart,
  listExecutions,
  type ExecutionWithChartRow,
} from '../db/queries/execution-list';
import { toExecutionView } from '../schedules/execution-view';
import type { HandlerContext } from './handler-context';

type ExecutionHandlers = Pick<
  CallHandlers,
  'executions/list' | 'executions/get' | 'executions/retry' | 'executions/cancel'
>;

export function executionHandlers(context: HandlerContext): ExecutionHandlers {
  const { database, executions, engine } = context;
  return {
    'executions/list': ({ limit, offset, ...filter }) => {
      const { rows, total } = listExecutions(database, filter, { limit, offset });
      return { items: rows.map(toListItem), total };
    },

    'executions/get': ({ id }) => executionDetail(context, id),

    'executions/retry': ({ id }) => {
      const execution = executions.get(id);
      if (!isRetryableStatus(execution.status)) {
        const why =
          execution.status === 'completed'
            ? 'it completed, so there is nothing to retry'
            : 'it has not ended yet';
        throw new ChartSyncError(
          'invalid_state',
          `Execution ${id} cannot be retried: ${why}. Only a failed, cancelled or interrupted sync can be retried.`,
        );
      }
      if (execution.scheduleId === null) {
        throw new ChartSyncError(
          'invalid_state',
          `Execution ${id} cannot be retried: its schedule was deleted. Add the chart to the schedule again to sync it.`,
        );
      }
      // A retried backfill is a backfill again: the operator asked for the whole window the first time.
      return engine.startSync(execution.scheduleId, execution.trigger === 'backfill' ? 'backfill' : 'manual');
    },

    'executions/cancel': ({ id }) => engine.cancel(id),
  };
}

function toListItem(row: ExecutionWithChartRow): ExecutionListItem {
  return { ...toExecutionView(row.execution), chart: toChartSummary(row.chart) };
}

function executionDetail({ database, now }: HandlerContext, id: number): ExecutionDetail {
  const row = getExecutionWithChart(database, id);
  if (!row) throw new ChartSyncError('not_found', `Execution ${id} does not exist.`);
  const item = toListItem(row);
  const frequency = detectSyncFrequency(row.chart.frequency);
  const dates =
    item.startedAt === null
      ? []
      : rankingDatesFetchedBetween(database, row.chart.id, item.startedAt, item.completedAt ?? now());
  const syncedPeriods = [...new Set(dates.map((date) => periodKeyOf(frequency, date)))].sort();
  return { ...item, syncedPeriods, timeline: executionTimeline(database, id, row.chart.id) };
}
