import { settingsFields } from '../../../shared/schemas/settings-input';
import { camelToSnake } from './case-keys';
import type { ContractCall } from './engine-port';
import { answer, callContract } from './rest-answer';
import { toContractInput } from './rest-fields';
import type { RestRequest, RestRoute } from './rest-routes';

/** The fields of `PUT /api/settings/`, as REST clients name them: every setting the screen changes. */
const SETTINGS_FIELDS = Object.keys(settingsFields).map(camelToSnake);

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
