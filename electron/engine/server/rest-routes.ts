import type { CallName, CallOutputs } from '../../../shared/contract/calls';
import { ChartSyncError, toErrorShape, type ErrorShape, type Result } from '../../../shared/errors';
import type { BulkResult } from '../../../shared/views/bulk-result';
import type { ContractCall } from './engine-port';
import { ALERT_ROUTES } from './rest-alert-routes';
import type { QuerySpec } from './rest-query';
import { SETTINGS_ROUTES } from './rest-settings-routes';
import { SCHEDULE_BULK_ROUTES } from './rest-schedule-bulk-routes';
import {
  SCHEDULE_CREATE_FIELDS,
  SCHEDULE_UPDATE_FIELDS,
  TRIGGER_FIELDS,
  WEBHOOK_CREATE_FIELDS,
  snakePath,
  executionFilterPath,
  toContractInput,
  updatePath,
  type FieldRenamer,
} from './rest-fields';

/** What an endpoint answers: the HTTP status for success, the contract's Result, and how to name bad fields. */
export type RestAnswer = { status: number; result: Result<unknown>; renameField: FieldRenamer };
export type RestRequest = {
  /** The `{id}` of the path. */
  id: number | null;
  /** The `{ref}` of the path: one segment, decoded (an id or a slug). */
  ref: string | null;
  body: Record<string, unknown>;
  /** The query, camelCase keys, values read as the route's `query` says (rest-query.ts). */
  query: Record<string, unknown>;
};
export type RestAction = (call: ContractCall, request: RestRequest) => Promise<RestAnswer>;

export type RestRoute = {
  /** `{id}` stands for a positive whole number in the path, `{ref}` for any one segment. */
  path: string;
  /** Says what the id names, for the error when it is not a number. */
  idOf?: string;
  methods: Record<string, RestAction>;
  /** The query parameters each method takes; any other is refused with a 400 naming it. */
  query?: Partial<Record<string, QuerySpec>>;
};

/** Who made a schedule through the API, as the original recorded its request's user. */
const API_CREATOR = 'api';
/** Who added a webhook through the API, as the audit trail names actors. */
const REST_ACTOR = 'rest';

/** The filters and paging of `GET /api/sync/executions/`, as the Executions screen has them. */
const EXECUTION_QUERY: QuerySpec = {
  status: 'text',
  trigger: 'text',
  chart_id: 'integer',
  schedule_id: 'integer',
  since: 'since',
  until: 'until',
  limit: 'integer',
  offset: 'integer',
};

/** The original system's endpoints, and those of the screens, each mapped onto contract calls through dispatch. */
export const REST_ROUTES: readonly RestRoute[] = [
  {
    path: '/api/sync/schedules',
    methods: {
      GET: async (contract) => answer(200, await call(contract, 'schedules/list', {})),
      POST: async (contract, { body }) => {
        const input = { createdBy: API_CREATOR, ...toContractInput(body, SCHEDULE_CREATE_FIELDS) };
        return answer(201, await call(contract, 'schedules/create', input));
      },
    },
  },
  // Before `{id}`, which would take "pause-all" for a bad id (the first route that matches answers).
  ...SCHEDULE_BULK_ROUTES,
  {
    path: '/api/sync/schedules/{id}',
    idOf: 'Schedule',
    methods: {
      GET: async (contract, { id }) => answer(200, await call(contract, 'schedules/get', { id })),
      PUT: update,
      // The original's PUT already accepted partial updates; PATCH is the usual name for one.
      PATCH: update,
      DELETE: async (contract, { id }) => {
        const result = firstItem(await call(contract, 'schedules/delete', { ids: [id] }));
        return answer(204, result.ok ? { ok: true, value: null } : result);
      },
    },
  },
  {
    path: '/api/sync/schedules/{id}/backfill',
    idOf: 'Schedule',
    query: { POST: { preview: 'flag' } },
    methods: {
      POST: async (contract, { id, body, query }) => {
        toContractInput(body, []);
        // The preview asks Soundcharts which periods it has and counts the requests; nothing is fetched.
        if (query.preview === true) {
          return answer(200, await call(contract, 'schedules/backfill-preview', { id }));
        }
        return started(contract, await call(contract, 'schedules/backfill', { id }));
      },
    },
  },
  {
    path: '/api/sync/trigger',
    methods: { POST: trigger },
  },
  {
    path: '/api/sync/status/{ref}',
    methods: {
      GET: async (contract, { ref }) =>
        answer(200, await call(contract, 'charts/sync-status', { chart: ref })),
    },
  },
  {
    path: '/api/sync/executions',
    query: { GET: EXECUTION_QUERY },
    methods: {
      GET: async (contract, { query: { since, until, ...filter } }) => {
        const input = { ...filter, from: since, to: until };
        return answer(200, await call(contract, 'executions/list', input), executionFilterPath);
      },
    },
  },
  {
    path: '/api/sync/executions/{id}',
    idOf: 'Execution',
    methods: {
      GET: async (contract, { id }) => answer(200, await call(contract, 'executions/get', { id })),
    },
  },
  {
    path: '/api/sync/executions/{id}/cancel',
    idOf: 'Execution',
    methods: {
      POST: async (contract, { id, body }) => {
        toContractInput(body, []);
        const cancelled = await call(contract, 'executions/cancel', { id });
        return cancelled.ok
          ? answer(200, await call(contract, 'executions/get', { id }))
          : answer(200, cancelled);
      },
    },
  },
  {
    path: '/api/sync/executions/{id}/retry',
    idOf: 'Execution',
    methods: {
      POST: async (contract, { id, body }) => {
        toContractInput(body, []);
        return started(contract, await call(contract, 'executions/retry', { id }));
      },
    },
  },
  {
    path: '/api/webhooks',
    methods: {
      GET: async (contract) => answer(200, await call(contract, 'webhooks/list', {})),
      POST: async (contract, { body }) => {
        const input = { ...toContractInput(body, WEBHOOK_CREATE_FIELDS), createdBy: REST_ACTOR };
        return answer(201, await call(contract, 'webhooks/create', input));
      },
    },
  },
  {
    path: '/api/webhooks/{id}',
    idOf: 'Webhook',
    methods: {
      DELETE: async (contract, { id }) => answer(204, await call(contract, 'webhooks/delete', { id })),
    },
  },
  {
    path: '/api/webhooks/{id}/deliveries',
    idOf: 'Webhook',
    methods: {
      GET: async (contract, { id }) => answer(200, await call(contract, 'webhooks/deliveries', { id })),
    },
  },
  {
    path: '/api/webhooks/{id}/test',
    idOf: 'Webhook',
    methods: {
      POST: async (contract, { id }) => answer(202, await call(contract, 'webhooks/test', { id })),
    },
  },
  ...ALERT_ROUTES,
  ...SETTINGS_ROUTES,
];

/**
 * Starts a sync of a scheduled chart. A chart without a schedule is refused (404 `not_scheduled`) unless the
 * body says `"create_schedule": true`: then it gets an active schedule on its own frequency, as `POST
 * /api/sync/schedules/` with only `chart_id` makes, and that schedule's first sync starts now.
 */
async function trigger(contract: ContractCall, { body }: RestRequest): Promise<RestAnswer> {
  const { chartId, createSchedule } = toContractInput(body, TRIGGER_FIELDS);
  if (createSchedule !== undefined && typeof createSchedule !== 'boolean') {
    throw new ChartSyncError('invalid_input', 'create_schedule: Expected true or false.', {
      fields: { create_schedule: 'Expected true or false.' },
    });
  }
  const status = await call(contract, 'charts/sync-status', { chartId });
  if (!status.ok) return answer(202, status);
  const { chart, schedule } = status.value;
  if (schedule) {
    const result = firstItem(await call(contract, 'schedules/sync-now', { ids: [schedule.id] }));
    if (!result.ok) return answer(202, result);
    if (result.value.executionId === null) {
      throw new ChartSyncError('internal', 'The sync was accepted but no execution was reported.');
    }
    return started(contract, { ok: true, value: { id: result.value.executionId } });
  }
  if (createSchedule !== true) {
    const error: ErrorShape = {
      code: 'not_scheduled',
      message:
        `"${chart.name}" (${chart.slug}) has no sync schedule, so no sync was started. Create one with POST ` +
        '/api/sync/schedules/, or send "create_schedule": true to create an active schedule on the chart\'s ' +
        'own frequency and sync it now.',
    };
    return answer(202, { ok: false, error });
  }
  const created = await call(contract, 'schedules/create', {
    chartId,
    createdBy: API_CREATOR,
    syncImmediately: true,
  });
  if (!created.ok) return answer(202, created);
  if (!created.value.execution) {
    throw new ChartSyncError('internal', 'The schedule was created without its immediate sync.');
  }
  return started(contract, { ok: true, value: created.value.execution });
}

/** 202: the sync has started, not finished; the execution (as GET /api/sync/executions/{id}/ gives it) says where it is. */
async function started(contract: ContractCall, execution: Result<{ id: number }>): Promise<RestAnswer> {
  if (!execution.ok) return answer(202, execution);
  return answer(202, await call(contract, 'executions/get', { id: execution.value.id }));
}

async function update(contract: ContractCall, { id, body }: RestRequest): Promise<RestAnswer> {
  const changes = toContractInput(body, SCHEDULE_UPDATE_FIELDS);
  return answer(200, await call(contract, 'schedules/update', { id, changes }), updatePath);
}

export function call<K extends CallName>(contract: ContractCall, name: K, input: unknown) {
  return contract(name, input) as Promise<Result<CallOutputs[K]>>;
}

export function answer(
  status: number,
  result: Result<unknown>,
  renameField: FieldRenamer = snakePath,
): RestAnswer {
  return { status, result, renameField };
}

type BulkItem = { scheduleId: number | null; executionId: number | null };

/** A one-item bulk action, as the single result the endpoint answers with. */
function firstItem(result: Result<BulkResult>): Result<BulkItem> {
  if (!result.ok) return result;
  const item = result.value.results[0];
  if (!item) return { ok: false, error: toErrorShape(new Error('empty bulk result')) };
  if (!item.ok) return { ok: false, error: item.error satisfies ErrorShape };
  return { ok: true, value: { scheduleId: item.scheduleId, executionId: item.executionId } };
}
