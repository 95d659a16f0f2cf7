import type { CallHandlers } from '../../../shared/contract/calls';
import { alertHandlers } from './alert-handlers';
import { appHandlers } from './app-handlers';
import { chartHandlers } from './chart-handlers';
import { executionHandlers } from './execution-handlers';
import type { HandlerContext } from './handler-context';
import { historyHandlers } from './history-handlers';
import { scheduleHandlers } from './schedule-handlers';
import { webhookHandlers } from './webhook-handlers';
import { settingsHandlers } from './settings-handlers';
import { analyticsHandlers } from '../analytics/analytics-handlers';
import { exportHandlers } from '../export/export-handlers';
import { rankingHandlers } from '../rankings/ranking-handlers';
import { songHandlers } from '../songs/song-handlers';
import { hostlessConnectionHandlers } from '../credentials/connection-handlers';
import { allSchedulesHandlers } from './all-schedules-handlers';

export type { HandlerContext } from './handler-context';

/** Every call of the contract; the CallHandlers type makes the compiler prove none is missing. */
export function createHandlers(context: HandlerContext): CallHandlers {
  return {
    ...appHandlers(context),
    ...chartHandlers(context),
    ...scheduleHandlers(context),
    ...allSchedulesHandlers(context),
    ...executionHandlers(context),
    ...webhookHandlers(context),
    ...alertHandlers(context),
    ...settingsHandlers(context),
    ...historyHandlers(context),
    ...rankingHandlers(context),
    ...songHandlers(context),
    ...analyticsHandlers(context),
    ...exportHandlers(context),
    // The host's (vault, reconnect): an engine alone cannot change its own connection.
    ...(context.hostHandlers ?? hostlessConnectionHandlers()),
  };
}
