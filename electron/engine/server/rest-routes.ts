import type { CallName, CallOutputs } from '../../../shared/contract/calls';
import { ChartSyncError, toErrorShape, type ErrorShape, type Result } from '../../../shared/errors';
import type { BulkResult } from '../../../shared/views/bulk-result';
import type { ContractCall } from './engine-port';
import type { QuerySpec } from './rest-query';
import {
  SCHEDULE_CREATE_FIELDS,
  SCHEDULE_UPDATE_FIELDS,
  TRIGGER_FIELDS,
  snakePath,
  toContractInput,
  triggerPath,
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

/** The original system's endpoints, each mapped onto contract calls through dispatch. */
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
    path: '/api/sync/trigger',
    methods: {
      POST: async (contract, { body }) => {
        const { chartId } = toContractInput(body, TRIGGER_FIELDS);
        const started = firstItem(await call(contract, 'charts/sync-now', { chartIds: [chartId] }));
        if (!started.ok) return answer(202, started, triggerPath);
        if (started.value.executionId === null) {
          throw new ChartSyncError('internal', 'The sync was accepted but no execution was reported.');
        }
        // 202: the sync has started, not finished; the execution's status says where it is.
        return answer(202, await call(contract, 'executions/get', { id: started.value.executionId }));
      },
    },
  },
  {
    path: '/api/sync/status/{id}',
    idOf: 'Chart',
    methods: {
      GET: async (contract, { id }) =>
        answer(200, await call(contract, 'charts/sync-status', { chartId: id })),
    },
  },
];

async function update(contract: ContractCall, { id, body }: RestRequest): Promise<RestAnswer> {
  const changes = toContractInput(body, SCHEDULE_UPDATE_FIELDS);
  return answer(200, await call(contract, 'schedules/update', { id, changes }), updatePath);
}

function call<K extends CallName>(contract: ContractCall, name: K, input: unknown) {
  return contract(name, input) as Promise<Result<CallOutputs[K]>>;
}

function answer(status: number, result: Result<unknown>, renameField: FieldRenamer = snakePath): RestAnswer {
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
