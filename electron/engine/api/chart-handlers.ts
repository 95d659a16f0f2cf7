import type { CallHandlers, CallInput } from '../../../shared/contract/calls';
import { chartSyncStatus } from '../../../shared/domain/schedule-status';
import { chartLabel } from '../../../shared/domain/chart-label';
import { ChartSyncError, type ErrorCode } from '../../../shared/errors';
import type { ChartListItem, ChartSyncStatusView } from '../../../shared/views/chart-list-item';
import {
  listChartsWithSchedules,
  listFirstChartsByName,
  listSomeChartsWithSchedules,
} from '../db/queries/chart-list';
import { findChartByReference, getChartById, toChartSummary } from '../db/queries/charts';
import { latestExecutionOfChart } from '../db/queries/execution-list';
import { toExecutionView } from '../schedules/execution-view';
import { healthOf } from '../health/schedule-health';
import { runBulk, type BulkOptions } from './bulk';
import { chartLabels, unknownChart } from './bulk-labels';
import type { HandlerContext } from './handler-context';
import { fromSoundcharts } from './soundcharts-failure';
import { bulkTrigger } from './triggers';

type ChartHandlers = Pick<
  CallHandlers,
  | 'charts/list'
  | 'charts/discover'
  | 'charts/sync-status'
  | 'charts/add-to-schedule'
  | 'charts/remove-from-schedule'
  | 'charts/sync-now'
>;

export function chartHandlers(context: HandlerContext): ChartHandlers {
  const { schedules, engine } = context;
  return {
    'charts/list': (input) => listCharts(context, input),

    'charts/discover': () =>
      fromSoundcharts('The chart catalogue could not be imported', () => engine.discoverCharts()),

    'charts/sync-status': ({ chartId, chart }) => chartStatus(context, chartId ?? chart!),

    // A chart already scheduled is skipped: it is where the operator wants it.
    'charts/add-to-schedule': ({ chartIds, syncImmediately }) =>
      runBulk(context, chartIds, chartBulk(context, chartIds, 'schedule_exists'), (chartId) => {
        const { schedule, immediateExecutionId } = schedules.create({ chartId, syncImmediately });
        if (immediateExecutionId !== null) engine.wake();
        return { scheduleId: schedule.id, executionId: immediateExecutionId };
      }),

    'charts/remove-from-schedule': ({ chartIds }) =>
      runBulk(context, chartIds, chartBulk(context, chartIds, 'not_scheduled'), (chartId) => {
        const schedule = scheduleOf(context, chartId, 'nothing to remove');
        schedules.remove(schedule.id);
        return { scheduleId: schedule.id, executionId: null };
      }),

    // A chart refused for having no schedule (not_scheduled) is skipped, not failed.
    'charts/sync-now': ({ chartIds }) => {
      const trigger = bulkTrigger(chartIds);
      return runBulk(context, chartIds, chartBulk(context, chartIds, 'not_scheduled'), (chartId) => {
        const execution = engine.startChartSync(chartId, trigger);
        return { scheduleId: execution.scheduleId, executionId: execution.id };
      });
    },
  };
}

function chartBulk(context: HandlerContext, chartIds: readonly number[], skipWhen: ErrorCode): BulkOptions {
  return { labels: chartLabels(context.database, chartIds), unknown: unknownChart, skipWhen: [skipWhen] };
}

/** The chart's schedule, or `not_scheduled` saying what that means here (`consequence`). */
function scheduleOf({ database, schedules }: HandlerContext, chartId: number, consequence: string) {
  const chart = getChartById(database, chartId);
  if (!chart) throw new ChartSyncError('not_found', `Chart ${chartId} does not exist.`);
  const schedule = schedules.getByChart(chartId);
  if (!schedule) {
    throw new ChartSyncError('not_scheduled', `${chartLabel(chart)} has no sync schedule; ${consequence}.`);
  }
  return schedule;
}

function listCharts(
  { database, now }: HandlerContext,
  { chartIds, scheduleIds, first }: CallInput<'charts/list'>,
): ChartListItem[] {
  const at = now();
  let entries;
  if (first !== undefined) entries = listFirstChartsByName(database, first);
  else if (chartIds || scheduleIds)
    entries = listSomeChartsWithSchedules(database, chartIds ?? [], scheduleIds ?? []);
  else entries = listChartsWithSchedules(database);
  return entries.map(({ chart, schedule, recent, hasExecutions }) => {
    const health = schedule ? healthOf(schedule, recent, at) : null;
    return {
      ...chart,
      syncStatus: chartSyncStatus(health?.health ?? null),
      health: health?.health ?? null,
      healthReason: health?.reason ?? null,
      scheduleId: schedule?.id ?? null,
      lastSyncAt: schedule?.lastSyncAt ?? null,
      nextSyncAt: schedule?.nextSyncAt ?? null,
      hasExecutions,
    };
  });
}

/** The chart by id (a number) or as the operator named it (text: an id or a slug). */
function chartStatus(
  { database, schedules }: HandlerContext,
  reference: number | string,
): ChartSyncStatusView {
  const chart =
    typeof reference === 'number'
      ? getChartById(database, reference)
      : findChartByReference(database, reference);
  if (!chart) {
    throw new ChartSyncError(
      'not_found',
      typeof reference === 'number'
        ? `Chart ${reference} does not exist.`
        : `No chart has the id or slug ${JSON.stringify(reference)}. Charts are listed with their slugs by \`chart-sync charts list\`.`,
    );
  }
  const schedule = schedules.getByChart(chart.id);
  // By chart: its executions stay listed when its schedule is deleted.
  const latest = latestExecutionOfChart(database, chart.id);
  return {
    chart: toChartSummary(chart),
    syncStatus: schedule ? schedule.status : chartSyncStatus(null),
    health: schedule?.health ?? null,
    healthReason: schedule?.healthReason ?? null,
    schedule,
    latestExecution: latest ? toExecutionView(latest) : null,
  };
}
