import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { quotaImpact, quotaPlan } from '../../../electron/engine/analytics/quota-planner';
import { addQuotaSample, addUsage } from '../../../electron/engine/analytics/usage-store';
import { getChartBySlug } from '../../../electron/engine/db/queries/charts';
import type { AppDatabase } from '../../../electron/engine/db/open-database';
import { ScheduleService } from '../../../electron/engine/schedules/schedule-service';
import { DAY_MS, HOUR_MS } from '../../../shared/domain/policies';
import { quotaImpactInput } from '../../../shared/schemas/analytics-input';
import { memoryDatabaseWithCharts } from '../../support/database';

const NOW = Date.parse('2026-03-10T12:00:00Z');
let database: AppDatabase;
let schedules: ScheduleService;
const chart = (slug: string) => getChartBySlug(database, slug)!.id;
const context = (billingCycleDay = 1) => ({ database, now: NOW, billingCycleDay });
const NO_COUNTS = { ranking: 0, chart_list: 0, metadata: 0, audience: 0, other: 0 };

beforeEach(() => {
  database = memoryDatabaseWithCharts(() => NOW);
  schedules = new ScheduleService(database, () => NOW);
});
afterEach(() => database.close());

function run(
  scheduleId: number,
  requests: number,
  options: { trigger?: string; status?: string; tracks?: number; at?: number } = {},
) {
  const at = options.at ?? NOW - DAY_MS;
  database.sqlite
    .prepare(
      `INSERT INTO chart_sync_executions (schedule_id, chart_id, status, trigger, started_at, completed_at, requests_made, tracks_created, created_at, updated_at)
       SELECT id, chart_id, ?, ?, ?, ?, ?, ?, ?, ? FROM chart_sync_schedules WHERE id = ?`,
    )
    .run(
      options.status ?? 'completed',
      options.trigger ?? 'scheduled',
      at,
      at + 1000,
      requests,
      options.tracks ?? 0,
      at,
      at,
      scheduleId,
    );
}

describe('quotaPlan', () => {
  it('projects each schedule from its own runs, or estimates it, against the cycle and what is left', () => {
    const daily = schedules.create({ chartId: chart('global-28'), fetchTrackMetadata: false }).schedule;
    schedules.create({ chartId: chart('us-weekly-7'), fetchTrackMetadata: false });
    schedules.create({ chartId: chart('fr-monthly-3'), isActive: false });
    for (const requests of [5, 4, 6]) run(daily.id, requests);
    // Backfills, failed runs and runs that sent nothing are not routine runs.
    run(daily.id, 900, { trigger: 'backfill' });
    run(daily.id, 50, { status: 'failed' });
    run(daily.id, 0);
    addUsage(database, { ...NO_COUNTS, audience: 40 }, NOW - 3 * DAY_MS);
    addUsage(database, { ...NO_COUNTS, audience: 999 }, NOW - 40 * DAY_MS);
    addQuotaSample(database, { at: NOW - HOUR_MS, remaining: 1_000, quotaLimit: 50_000 });

    const plan = quotaPlan(context());
    expect(plan.quota).toEqual({ limit: 50_000, remaining: 1_000, observedAt: NOW - HOUR_MS });
    expect(plan.cycle).toEqual({
      start: Date.parse('2026-03-01T00:00:00Z'),
      end: Date.parse('2026-04-01T00:00:00Z'),
      daysLeft: 22,
    });
    expect(
      plan.schedules.map((s) => [s.slug, s.basis, s.runsPerMonth, s.requestsPerRun, s.perMonth]),
    ).toEqual([
      ['global-28', 'history', 30, 5, 150],
      ['us-weekly-7', 'estimate', 4.3, 3, 13],
      ['fr-monthly-3', 'estimate', 0, 2, 0],
    ]);
    expect(plan.audiencePerMonth).toBe(40);
    expect(plan.projectedPerMonth).toBe(203);
    // 21.5 days of 30 at 203 a month, against 1,000 left: lasts the cycle.
    expect(plan.projectedToCycleEnd).toBe(Math.round((203 * 21.5) / 30));
    expect(plan.exhaustsAt).toBeNull();
    expect(quotaPlan(context(15)).cycle.end).toBe(Date.parse('2026-03-15T00:00:00Z'));
  });

  it('says when the quota runs out before the cycle ends', () => {
    const daily = schedules.create({ chartId: chart('global-28'), fetchTrackMetadata: false }).schedule;
    run(daily.id, 100);
    addQuotaSample(database, { at: NOW, remaining: 1_500, quotaLimit: null });
    const plan = quotaPlan(context());
    expect(plan.projectedPerMonth).toBe(3_000);
    expect(plan.exhaustsAt).toBe(NOW + 15 * DAY_MS);
    expect(plan.quota.limit).toBeNull();
  });

  it('counts the stale refresh of each charting song once, on one chart', () => {
    const a = schedules.create({ chartId: chart('global-28') }).schedule;
    schedules.create({ chartId: chart('us-weekly-7') });
    const insertRanking = database.sqlite.prepare(
      `INSERT INTO chart_rankings (chart_id, ranking_datetime, ranking_date, ranking_instant, entry_count, reported_total, fetched_at)
       VALUES (?, ?, ?, 0, 1, 1, 0) RETURNING id`,
    );
    const song = database.sqlite.prepare('INSERT INTO songs (uuid, name) VALUES (?, ?) RETURNING id');
    const entry = database.sqlite.prepare(
      'INSERT INTO chart_ranking_entries (ranking_id, song_id, position, old_position) VALUES (?, ?, ?, 0)',
    );
    const songs = ['s1', 's2', 's3'].map((uuid) => (song.get(uuid, uuid) as { id: number }).id);
    const r1 = (
      insertRanking.get(chart('global-28'), '2026-03-09T12:00:00+00:00', '2026-03-09') as { id: number }
    ).id;
    const r2 = (
      insertRanking.get(chart('us-weekly-7'), '2026-03-06T12:00:00+00:00', '2026-03-06') as { id: number }
    ).id;
    entry.run(r1, songs[0], 1);
    entry.run(r1, songs[1], 2);
    entry.run(r2, songs[1], 1);
    entry.run(r2, songs[2], 2);
    run(a.id, 3, { tracks: 2 });
    const plan = quotaPlan(context());
    const [daily, weekly] = plan.schedules;
    // s1 and s2 refreshed through the daily chart, s3 through the weekly one; new songs from tracks_created.
    expect(daily!.metadataPerMonth).toBe(2 + 30 * 2);
    // A weekly chart synced weekly, never run: a tenth of 200 entries a week are new songs (30/7 weeks).
    expect(weekly!.metadataPerMonth).toBe(Math.round(1 + (30 / 7) * 200 * 0.1));
  });
});

describe('quotaImpact', () => {
  const impact = (input: unknown) => quotaImpact(context(), quotaImpactInput.parse(input));

  it('a new schedule adds its month and the one-off fetch of its history window', () => {
    addQuotaSample(database, { at: NOW, remaining: 1_000_000, quotaLimit: null });
    const view = impact({
      schedule: { chartId: chart('global-28'), historyWindowDays: 30, fetchTrackMetadata: false },
    });
    expect(view).toMatchObject({
      beforePerMonth: 0,
      afterPerMonth: 90,
      // 30 daily periods of two pages, and the date list.
      backfillRequests: 61,
      remaining: 1_000_000,
      exhaustsBeforeCycleEnd: false,
      exhaustsAt: null,
    });
    expect(view.message).toBe(
      'Adds about 90 requests a month, plus 61 once for the history; 1,000,000 requests left until 1 April.',
    );
  });

  it('warns when the change would exhaust the quota before the cycle ends', () => {
    const existing = schedules.create({
      chartId: chart('global-28'),
      fetchTrackMetadata: false,
      historyWindowDays: 30,
    }).schedule;
    run(existing.id, 3);
    addQuotaSample(database, { at: NOW, remaining: 100, quotaLimit: null });
    const view = impact({
      scheduleId: existing.id,
      schedule: {
        chartId: chart('global-28'),
        syncFrequency: 'custom',
        customIntervalHours: 1,
        historyWindowDays: 30,
        fetchTrackMetadata: false,
      },
    });
    expect(view.beforePerMonth).toBe(90);
    expect(view.afterPerMonth).toBe(2_160);
    // Its window was already missing the same 30 periods: no extra one-off cost.
    expect(view.backfillRequests).toBe(0);
    expect(view.exhaustsBeforeCycleEnd).toBe(true);
    expect(view.exhaustsAt).toBeGreaterThan(NOW);
    expect(view.message).toMatch(
      /^Adds about 2,070 requests a month: the 100 requests left would run out by 11 March, before the billing cycle ends on 1 April\.$/,
    );
  });

  it.each([
    {
      name: 'an unknown chart',
      input: () => ({ schedule: { chartId: 999 } }),
      code: 'not_found',
      message: /Chart 999/,
    },
    {
      name: 'an unknown schedule',
      input: () => ({ scheduleId: 77, schedule: { chartId: chart('global-28') } }),
      code: 'not_found',
      message: /Schedule 77/,
    },
    {
      name: 'another chart than the schedule’s',
      input: () => ({
        scheduleId: schedules.create({ chartId: chart('global-28') }).schedule.id,
        schedule: { chartId: chart('us-weekly-7') },
      }),
      code: 'invalid_input',
      message: /cannot change/,
    },
  ])('refuses $name', ({ input, code, message }) => {
    expect(() => impact(input())).toThrow(
      expect.objectContaining({ code, message: expect.stringMatching(message) }),
    );
  });
});
