import { answer, callContract } from './rest-answer';
import { toContractInput } from './rest-fields';
import type { RestRoute } from './rest-routes';

/** The songs list's search, sort and paging, as the Songs screen has them. */
const SONGS_QUERY = { search: 'text', sort: 'text', limit: 'integer', offset: 'integer' } as const;

/**
 * The stored data: a chart's ranking at a date, the songs, a song with its charts, and its audience (which
 * starts a background fetch of what is stale, or of everything asked with `…/audience/refresh/`). `{ref}` is a
 * chart's id or slug, or a song's uuid or ISRC, as the CLI takes them.
 */
export const DATA_ROUTES: readonly RestRoute[] = [
  {
    // The Charts screen's list: every chart with its schedule's state; the first N in the screen's order
    // (`first`); or the charts of these ids and of these schedules (`chart_ids=1&chart_ids=2`, `schedule_ids=…`).
    path: '/api/charts',
    query: { GET: { first: 'integer', chart_ids: 'integers', schedule_ids: 'integers' } },
    methods: {
      GET: async (contract, { query }) => answer(200, await callContract(contract, 'charts/list', query)),
    },
  },
  {
    path: '/api/charts/{ref}/ranking',
    query: { GET: { date: 'text' } },
    methods: {
      GET: async (contract, { ref, query }) =>
        answer(200, await callContract(contract, 'rankings/get', { chart: ref, ...query })),
    },
  },
  {
    path: '/api/songs',
    query: { GET: SONGS_QUERY },
    methods: {
      GET: async (contract, { query }) => answer(200, await callContract(contract, 'songs/list', query)),
    },
  },
  {
    path: '/api/songs/{ref}',
    methods: {
      GET: async (contract, { ref }) => answer(200, await callContract(contract, 'songs/get', { song: ref })),
    },
  },
  {
    path: '/api/songs/{ref}/audience',
    query: { GET: { platform: 'text' } },
    methods: {
      // What is stored, at once; `refreshing` names the platforms being fetched (stale ones are queued now).
      GET: async (contract, { ref, query }) =>
        answer(200, await callContract(contract, 'songs/audience', { song: ref, ...query })),
    },
  },
  {
    path: '/api/songs/{ref}/audience/refresh',
    query: { POST: { platform: 'text' } },
    methods: {
      // 202: the fetch is started, not finished; the answer is what is stored now.
      POST: async (contract, { ref, body, query }) => {
        toContractInput(body, []);
        return answer(
          202,
          await callContract(contract, 'songs/audience', { song: ref, ...query, refresh: true }),
        );
      },
    },
  },
];
