import type { CallHandlers } from '../../../shared/contract/calls';
import type { HandlerContext } from '../api/handler-context';
import { readRanking } from './read-ranking';

export function rankingHandlers(context: HandlerContext): Pick<CallHandlers, 'rankings/get'> {
  const { database, schedules } = context;
  return {
    'rankings/get': ({ chart, date }) =>
      readRanking(database, chart, date, (chartId) => schedules.getByChart(chartId)?.id ?? null),
  };
}
