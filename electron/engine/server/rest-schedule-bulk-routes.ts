import { answer, callContract } from './rest-answer';
import type { RestRoute } from './rest-routes';

/** The tray's actions on every schedule: `POST /api/sync/schedules/pause-all/`, `resume-all/`, `sync-due/`. */
export const SCHEDULE_BULK_ROUTES: readonly RestRoute[] = (
  ['pause-all', 'resume-all', 'sync-due'] as const
).map((action) => ({
  path: `/api/sync/schedules/${action}`,
  methods: {
    // They take nothing: the contract's validation refuses a field sent, by name, as for the UI.
    POST: async (contract, { body }) =>
      answer(200, await callContract(contract, `schedules/${action}`, body)),
  },
}));
