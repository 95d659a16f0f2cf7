import { ChartSyncError } from '../../../shared/errors';
import type { ContractCall } from './engine-port';
import { answer, callContract } from './rest-answer';
import { snakePath, toContractInput, type FieldRenamer } from './rest-fields';
import type { RestRequest, RestRoute } from './rest-routes';

/** Credentials as REST clients send them: an app id and API key, or an OAuth client. */
const CREDENTIAL_FIELDS = ['kind', 'app_id', 'api_key', 'client_id', 'client_secret', 'team_id'] as const;
const TEST_FIELDS = [...CREDENTIAL_FIELDS, 'api_url'] as const;

/** The contract nests the credentials (`credentials.appId`); the REST body has them at the top (`app_id`). */
const flatPath: FieldRenamer = (path) => snakePath(path.replace(/^credentials\./, ''));

/**
 * `GET /api/connection/` (where the credentials, API URL and rate limit come from; never the secret),
 * `PUT`/`DELETE /api/connection/credentials/` (save and reconnect, or forget and go back to the demo) and
 * `POST /api/connection/test/` (the usage endpoint, free: the credentials in the body, or those in use).
 */
export const CONNECTION_ROUTES: readonly RestRoute[] = [
  {
    path: '/api/connection',
    methods: { GET: async (contract) => answer(200, await callContract(contract, 'connection/get', {})) },
  },
  {
    path: '/api/connection/credentials',
    methods: {
      PUT: async (contract, { body }) => {
        const credentials = credentialsOf(toContractInput(body, CREDENTIAL_FIELDS));
        return answer(200, await callContract(contract, 'connection/set-credentials', credentials), flatPath);
      },
      DELETE: async (contract, { body }) => {
        toContractInput(body, []);
        return answer(200, await callContract(contract, 'connection/clear-credentials', {}));
      },
    },
  },
  {
    path: '/api/connection/test',
    methods: { POST: testConnection },
  },
];

async function testConnection(contract: ContractCall, { body }: RestRequest) {
  const { apiUrl, ...fields } = toContractInput(body, TEST_FIELDS);
  const input = {
    ...(Object.keys(fields).length > 0 ? { credentials: credentialsOf(fields) } : {}),
    ...(apiUrl === undefined ? {} : { apiUrl }),
  };
  return answer(200, await callContract(contract, 'connection/test', input), flatPath);
}

/** `kind` may be left out: an app id says api-key, a client id says oauth. */
function credentialsOf(fields: Record<string, unknown>): Record<string, unknown> {
  if (fields.kind !== undefined) return fields;
  if (fields.clientId !== undefined || fields.clientSecret !== undefined) return { kind: 'oauth', ...fields };
  if (fields.appId !== undefined || fields.apiKey !== undefined) return { kind: 'api-key', ...fields };
  throw new ChartSyncError(
    'invalid_input',
    'Send "app_id" and "api_key" (or "client_id" and "client_secret" for an OAuth client).',
    { fields: { app_id: 'The app id is required.', api_key: 'The API key is required.' } },
  );
}
