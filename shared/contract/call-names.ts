/** Every call's name, without its schema: what the preload needs to bind channels, free of zod. */
export const CALL_NAMES = [
  'app/status',
  'charts/list',
  'charts/discover',
  'charts/sync-status',
  'charts/add-to-schedule',
  'charts/remove-from-schedule',
  'charts/sync-now',
  'schedules/list',
  'schedules/get',
  'schedules/create',
  'schedules/update',
  'schedules/set-active',
  'schedules/delete',
  'schedules/sync-now',
  'schedules/backfill-preview',
  'schedules/backfill',
  'executions/list',
  'executions/get',
  'executions/retry',
  'executions/cancel',
] as const;
export type CallName = (typeof CALL_NAMES)[number];
