import type { ContractCall } from './engine-port';
import { answer, callContract } from './rest-answer';
import { toContractInput } from './rest-fields';
import type { RestRequest, RestRoute } from './rest-routes';

/** The fields of `PUT /api/settings/`, as REST clients name them. */
const SETTINGS_FIELDS = [
  'disabled_alert_kinds',
  'quota_low_percent',
  'quota_low_requests',
  'retention_days',
  'billing_cycle_day',
] as const;

/** `GET /api/settings/` and a partial `PUT` (or `PATCH`) of the settings the Settings screen changes. */
export const SETTINGS_ROUTES: readonly RestRoute[] = [
  {
    path: '/api/settings',
    methods: {
      GET: async (contract) => answer(200, await callContract(contract, 'settings/get', {})),
      PUT: updateSettings,
      PATCH: updateSettings,
    },
  },
];

async function updateSettings(contract: ContractCall, { body }: RestRequest) {
  return answer(200, await callContract(contract, 'settings/update', toContractInput(body, SETTINGS_FIELDS)));
}
