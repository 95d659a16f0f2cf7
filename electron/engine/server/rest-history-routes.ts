import { toContractInput } from './rest-fields';
import { answer, call, type RestRoute } from './rest-routes';

/** The filters and paging of `GET /api/audit/`, as the Audit screen has them. */
const AUDIT_QUERY = {
  schedule_id: 'integer',
  chart_id: 'integer',
  action: 'text',
  since: 'since',
  until: 'until',
  limit: 'integer',
  offset: 'integer',
} as const;

/** The audit log and retention by hand, over the same calls as the Audit screen and the Settings section. */
export const HISTORY_ROUTES: readonly RestRoute[] = [
  {
    path: '/api/audit',
    query: { GET: AUDIT_QUERY },
    methods: {
      GET: async (contract, { query }) => answer(200, await call(contract, 'audit/list', query)),
    },
  },
  {
    path: '/api/retention/prune',
    methods: {
      // `{"dry_run": true}` counts what would go and removes nothing.
      POST: async (contract, { body }) =>
        answer(200, await call(contract, 'retention/prune', toContractInput(body, ['dry_run']))),
    },
  },
];
