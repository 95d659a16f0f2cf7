import { answer, callContract } from './rest-answer';
import type { RestRoute } from './rest-routes';

/** `GET /api/alerts/?unread=true&kind=sync_failed` and `POST /api/alerts/{id}/read/`, over the alerts calls. */
export const ALERT_ROUTES: readonly RestRoute[] = [
  {
    path: '/api/alerts',
    query: {
      GET: { unread: 'flag', kind: 'text', schedule_id: 'integer', limit: 'integer', offset: 'integer' },
    },
    methods: {
      GET: async (contract, { query }) => answer(200, await callContract(contract, 'alerts/list', query)),
    },
  },
  {
    path: '/api/alerts/{id}/read',
    idOf: 'Alert',
    methods: {
      POST: async (contract, { id }) =>
        answer(200, await callContract(contract, 'alerts/mark-read', { ids: [id] })),
    },
  },
  {
    path: '/api/alerts/read',
    methods: {
      POST: async (contract) => answer(200, await callContract(contract, 'alerts/mark-read', { all: true })),
    },
  },
];
