import { zonedDayOf } from '../../../shared/domain/analytics';
import { isValidTimeZone } from '../../../shared/domain/next-sync';
import { addDays } from '../../../shared/domain/periods';
import { hostTimeZone, parseTimeInput, TIME_INPUT_HINT } from '../../../shared/domain/wire-times';
import { ChartSyncError } from '../../../shared/errors';
import { SCHEDULE_CREATE_FIELDS, toContractInput } from './rest-fields';
import { answer, call, type RestRoute } from './rest-routes';

/** A dashboard asked for without dates shows the last 30 days, today included, as the screen opens on. */
export const ANALYTICS_DEFAULT_DAYS = 30;

/** `GET /api/analytics/`: the dates of the range (or ISO times) and the zone its days are counted in. */
const ANALYTICS_QUERY = { from: 'text', to: 'text', tz: 'text' } as const;

/** The contract's field names as this endpoint's query spells them. */
const renameAnalyticsField = (path: string) => (path === 'timeZone' ? 'tz' : path);

/**
 * The dashboard's range as the contract takes it (epoch ms, `to` exclusive), read the way the executions'
 * filters read `since` and `until`: a date is a whole day, here of the zone `tz` (the host's when absent), so
 * `to=2026-03-31` runs to the end of 31 March; an ISO 8601 time is that instant. Without dates, the last
 * ANALYTICS_DEFAULT_DAYS days.
 */
export function analyticsRange(
  query: { from?: unknown; to?: unknown; tz?: unknown },
  now: number,
): { from: number; to: number; timeZone: string } {
  const fields: Record<string, string> = {};
  const zone = typeof query.tz === 'string' ? query.tz.trim() : hostTimeZone();
  if (!isValidTimeZone(zone)) {
    throw new ChartSyncError(
      'invalid_input',
      `tz: Unknown time zone ${JSON.stringify(zone)}: use an IANA name such as Europe/Paris.`,
      {
        fields: { tz: 'Unknown time zone: use an IANA name such as Europe/Paris.' },
      },
    );
  }
  const today = zonedDayOf(now, zone);
  const read = (name: 'from' | 'to', fallback: string) => {
    const text = typeof query[name] === 'string' ? query[name] : fallback;
    const instant = parseTimeInput(text, name === 'from' ? 'start' : 'end', zone);
    if (instant === null) fields[name] = `Expected ${TIME_INPUT_HINT}, not ${JSON.stringify(text)}.`;
    return instant ?? 0;
  };
  const to = read('to', today);
  const lastDay = fields.to ? today : zonedDayOf(to - 1, zone);
  const from = read('from', addDays(lastDay, -(ANALYTICS_DEFAULT_DAYS - 1)));
  const problems = Object.entries(fields);
  if (problems.length > 0) {
    throw new ChartSyncError('invalid_input', problems.map(([name, why]) => `${name}: ${why}`).join('; '), {
      fields,
    });
  }
  return { from, to, timeZone: zone };
}

/** The analytics dashboard and the quota planner, over the same calls as the Analytics screen. */
export const ANALYTICS_ROUTES: readonly RestRoute[] = [
  {
    path: '/api/analytics',
    query: { GET: ANALYTICS_QUERY },
    methods: {
      GET: async (contract, { query }) =>
        answer(
          200,
          await call(contract, 'analytics/overview', analyticsRange(query, Date.now())),
          renameAnalyticsField,
        ),
    },
  },
  {
    path: '/api/analytics/quota',
    methods: {
      GET: async (contract) => answer(200, await call(contract, 'analytics/quota-plan', {})),
    },
  },
  {
    path: '/api/analytics/quota-impact',
    methods: {
      // `{"schedule_id"?: n, "schedule": {chart_id, sync_frequency, …}}`: the editor's schedule, snake_case.
      POST: async (contract, { body }) => {
        const input = toContractInput(body, ['schedule_id', 'schedule']);
        const schedule = input.schedule;
        if (schedule !== null && typeof schedule === 'object' && !Array.isArray(schedule)) {
          input.schedule = toContractInput(schedule as Record<string, unknown>, SCHEDULE_CREATE_FIELDS);
        }
        return answer(200, await call(contract, 'analytics/quota-impact', input));
      },
    },
  },
];
