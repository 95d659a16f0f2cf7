import { beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../electron/engine/server';
import { addDays } from '../../../shared/domain/periods';
import { TEST_TODAY } from '../../support/emulator';
import { type TestEngine } from '../../support/sync-engine';
import { restCall } from './support';
import { useRealHost } from './real-host';

type Snake = Record<string, unknown>;
type Answer = {
  ok: boolean;
  value: Snake;
  error: { code: string; message: string; fields?: Record<string, string> };
};

/** The dashboard and the quota planner over REST, on the real engine and the emulator. */
describe('analytics on the headless host', () => {
  const host = useRealHost();
  let test: TestEngine;
  let server: RunningServer;
  beforeEach(() => ({ test, server } = host));

  const rest = (method: string, path: string, body?: unknown) => restCall<Answer>(server, method, path, body);

  it('answers the days of a range in a zone, with what a sync did and cost, and the quota plan', async () => {
    const chartId = test.chartId({ slug: 'global-28' });
    await rest('POST', '/api/sync/schedules/', {
      chart_id: chartId,
      history_window_days: 3,
      fetch_track_metadata: false,
    });
    const execution = await test.engine.syncChart(chartId);
    expect(execution.status).toBe('completed');
    test.engine.usage.flush();

    const from = addDays(TEST_TODAY, -2);
    const overview = await rest('GET', `/api/analytics/?from=${from}&to=${TEST_TODAY}&tz=UTC`);
    expect(overview.status).toBe(200);
    const view = overview.body.value;
    expect(view.from).toBe(Date.parse(`${from}T00:00:00Z`));
    expect(view.to).toBe(Date.parse(`${TEST_TODAY}T00:00:00Z`) + 86_400_000);
    expect(view.time_zone).toBe('UTC');
    const days = view.days as Snake[];
    expect(days.map((d) => d.day)).toEqual([from, addDays(TEST_TODAY, -1), TEST_TODAY]);
    expect(days[2]).toMatchObject({ completed: 1, failed: 0, success_rate: 100 });
    expect((days[2]!.requests_by_kind as Snake).ranking).toBe(execution.requestsMade);
    expect(days[2]!.quota_remaining).toEqual(expect.any(Number));
    expect((view.freshness as Snake[])[0]).toMatchObject({
      slug: 'global-28',
      newest_date: TEST_TODAY,
      state: 'fresh',
    });

    // The same day counted in Tokyo is the next morning: the sync moves to the following day.
    const tokyo = await rest(
      'GET',
      `/api/analytics/?from=${TEST_TODAY}&to=${addDays(TEST_TODAY, 1)}&tz=Asia/Tokyo`,
    );
    expect(((tokyo.body.value.days as Snake[])[1] as Snake).completed).toBe(1);

    const plan = await rest('GET', '/api/analytics/quota/');
    expect(plan.status).toBe(200);
    expect(plan.body.value).toMatchObject({
      quota: { remaining: expect.any(Number) },
      cycle: { days_left: expect.any(Number) },
      audience_per_month: 0,
    });
    // Its only run filled the history window (more periods than a routine run): the plan still estimates it.
    expect((plan.body.value.schedules as Snake[])[0]).toMatchObject({
      slug: 'global-28',
      basis: 'estimate',
      requests_per_run: expect.any(Number),
    });

    const impact = await rest('POST', '/api/analytics/quota-impact/', {
      schedule: {
        chart_id: test.chartId({ frequency: 'weekly' }),
        history_window_days: 60,
        fetch_track_metadata: false,
      },
    });
    expect(impact.status).toBe(200);
    expect(impact.body.value).toMatchObject({
      before_per_month: 0,
      after_per_month: expect.any(Number),
      backfill_requests: expect.any(Number),
      exhausts_before_cycle_end: false,
    });
    expect(impact.body.value.message).toMatch(
      /^Adds about [\d,]+ requests a month, plus [\d,]+ once for the history; /,
    );
  });

  it.each([
    { path: '/api/analytics/?tz=Mars/Base', field: 'tz', message: /Unknown time zone "Mars\/Base"/ },
    { path: '/api/analytics/?from=2026-02-30', field: 'from', message: /from: Expected .*"2026-02-30"/ },
    {
      path: '/api/analytics/?from=2026-03-10&to=2026-03-01',
      field: 'from',
      message: /start date must be before the end date/,
    },
    { path: '/api/analytics/?from=2020-01-01&to=2026-01-01', field: 'from', message: /at most 366 days/ },
    { path: '/api/analytics/?since=2026-01-01', field: 'since', message: /Unknown query parameter "since"/ },
    { path: '/api/analytics/quota/?x=1', field: 'x', message: /takes no query parameters/ },
  ])('GET $path is a 400 naming $field', async ({ path, field, message }) => {
    const answer = await rest('GET', path);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_input');
    expect(answer.body.error.message).toMatch(message);
    expect(Object.keys(answer.body.error.fields ?? {})).toContain(field);
  });

  it.each([
    { body: {}, field: 'schedule', status: 400 },
    {
      body: { schedule: { chart_id: 1, history_window_days: 0 } },
      field: 'schedule.history_window_days',
      status: 400,
    },
    { body: { schedule: { chart_id: 1, colour: 'red' } }, field: 'colour', status: 400 },
    { body: { schedule: { chart_id: 1 }, extra: true }, field: 'extra', status: 400 },
    { body: { schedule: { chart_id: 999_999 } }, field: null, status: 404 },
  ])('POST quota-impact $body is refused ($status)', async ({ body, field, status }) => {
    const answer = await rest('POST', '/api/analytics/quota-impact/', body);
    expect(answer.status).toBe(status);
    if (field) expect(Object.keys(answer.body.error.fields ?? {})).toContain(field);
  });

  it('allows only its methods', async () => {
    const answer = await rest('POST', '/api/analytics/quota/');
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET');
  });
});
