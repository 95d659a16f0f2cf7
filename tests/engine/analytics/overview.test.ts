import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyticsOverview } from '../../../electron/engine/analytics/overview';
import { getChartBySlug } from '../../../electron/engine/db/queries/charts';
import type { AppDatabase } from '../../../electron/engine/db/open-database';
import { ScheduleService } from '../../../electron/engine/schedules/schedule-service';
import { HOUR_MS, MINUTE_MS } from '../../../shared/domain/policies';
import { memoryDatabaseWithCharts } from '../../support/database';

const NOW = Date.parse('2026-03-05T12:00:00Z');
const DAY1 = Date.parse('2026-03-01T00:00:00Z');

let database: AppDatabase;
let schedules: ScheduleService;
const chart = (slug: string) => getChartBySlug(database, slug)!.id;

beforeEach(() => {
  database = memoryDatabaseWithCharts(() => NOW);
  schedules = new ScheduleService(database, () => NOW);
});
afterEach(() => database.close());

function execution(slug: string, status: string, completedAt: number, durationMs: number | null) {
  database.sqlite
    .prepare(
      `INSERT INTO chart_sync_executions (chart_id, status, trigger, started_at, completed_at, created_at, updated_at)
       VALUES (?, ?, 'manual', ?, ?, ?, ?)`,
    )
    .run(
      chart(slug),
      status,
      durationMs === null ? null : completedAt - durationMs,
      completedAt,
      completedAt,
      completedAt,
    );
}

function usage(hourStart: number, kind: string, requests: number) {
  database.sqlite
    .prepare('INSERT INTO api_usage_hourly (hour_start, kind, requests) VALUES (?, ?, ?)')
    .run(hourStart, kind, requests);
}

function ranking(slug: string, date: string) {
  database.sqlite
    .prepare(
      `INSERT INTO chart_rankings (chart_id, ranking_datetime, ranking_date, ranking_instant, entry_count, reported_total, fetched_at)
       VALUES (?, ?, ?, ?, 1, 1, ?)`,
    )
    .run(chart(slug), `${date}T12:00:00+00:00`, date, Date.parse(`${date}T12:00:00Z`), NOW);
}

const overview = (timeZone = 'UTC', from = DAY1, to = DAY1 + 3 * 24 * HOUR_MS) =>
  analyticsOverview(database, { from, to, timeZone, now: NOW });

describe('analyticsOverview on a seeded history', () => {
  it('counts each day by status, success rate and durations of completed syncs; zero days stay', () => {
    execution('global-28', 'completed', DAY1 + 1 * HOUR_MS, 10_000);
    execution('global-28', 'completed', DAY1 + 2 * HOUR_MS, 30_000);
    execution('global-28', 'failed', DAY1 + 3 * HOUR_MS, 1_000);
    execution('us-weekly-7', 'cancelled', DAY1 + 4 * HOUR_MS, 500);
    execution('us-weekly-7', 'completed', DAY1 + 26 * HOUR_MS, 90_000);
    execution('us-weekly-7', 'interrupted', DAY1 + 27 * HOUR_MS, null);
    // Outside the range on both sides.
    execution('global-28', 'completed', DAY1 - 1, 5_000);
    execution('global-28', 'completed', DAY1 + 3 * 24 * HOUR_MS, 5_000);

    const view = overview();
    expect(view.days.map((d) => d.day)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(view.days[0]).toMatchObject({
      completed: 2,
      failed: 1,
      cancelled: 1,
      interrupted: 0,
      successRate: 200 / 3,
      durationMedianMs: 20_000,
      durationP95Ms: 30_000,
    });
    expect(view.days[1]).toMatchObject({
      completed: 1,
      interrupted: 1,
      successRate: 100,
      durationMedianMs: 90_000,
    });
    expect(view.days[2]).toMatchObject({
      completed: 0,
      failed: 0,
      successRate: null,
      durationMedianMs: null,
      durationP95Ms: null,
      requests: 0,
      quotaRemaining: null,
    });
    expect(view.totals).toEqual({
      executions: 6,
      successRate: 75,
      durationMedianMs: 30_000,
      durationP95Ms: 90_000,
      requests: 0,
    });
    expect(view.slowest.map((s) => [s.slug, s.executions, s.medianMs, s.p95Ms, s.maxMs])).toEqual([
      ['us-weekly-7', 1, 90_000, 90_000, 90_000],
      ['global-28', 2, 20_000, 30_000, 30_000],
    ]);
  });

  it('places executions, requests and quota on the days of the requested zone', () => {
    // 23:30 UTC on 1 March is 2 March in Paris.
    execution('global-28', 'completed', DAY1 + 23 * HOUR_MS + 30 * MINUTE_MS, 1_000);
    usage(DAY1 + 23 * HOUR_MS, 'ranking', 40);
    usage(DAY1 + 10 * HOUR_MS, 'ranking', 7);
    usage(DAY1 + 10 * HOUR_MS, 'metadata', 3);
    usage(DAY1 + 11 * HOUR_MS, 'audience', 2);
    const sample = database.sqlite.prepare('INSERT INTO quota_samples (at, remaining) VALUES (?, ?)');
    sample.run(DAY1 + 10 * HOUR_MS, 900);
    sample.run(DAY1 + 10 * HOUR_MS + MINUTE_MS, 880);
    sample.run(DAY1 + 23 * HOUR_MS + 50 * MINUTE_MS, 700);

    const utc = overview('UTC');
    expect(utc.days[0]).toMatchObject({
      completed: 1,
      requests: 52,
      requestsByKind: { ranking: 47, chart_list: 0, metadata: 3, audience: 2, other: 0 },
      quotaRemaining: 700,
    });

    const paris = overview('Europe/Paris');
    expect(paris.timeZone).toBe('Europe/Paris');
    expect(paris.days[0]).toMatchObject({
      day: '2026-03-01',
      completed: 0,
      requests: 12,
      quotaRemaining: 880,
    });
    expect(paris.days[1]).toMatchObject({
      day: '2026-03-02',
      completed: 1,
      requests: 40,
      quotaRemaining: 700,
    });
    expect(paris.totals.requests).toBe(52);
  });

  it('lists every scheduled chart stalest first, and the schedules needing a look with their reason', () => {
    const daily = schedules.create({ chartId: chart('global-28') }).schedule;
    schedules.create({ chartId: chart('us-weekly-7') });
    schedules.create({ chartId: chart('fr-monthly-3') });
    ranking('global-28', '2026-03-05');
    ranking('global-28', '2026-03-04');
    ranking('us-weekly-7', '2026-02-20');
    schedules.setAttention(daily.id, 'Soundcharts refused the credentials: check the API key.');

    const view = overview();
    expect(view.freshness.map((f) => [f.slug, f.newestDate, f.ageDays, f.periodDays, f.state])).toEqual([
      ['fr-monthly-3', null, null, 31, 'never'],
      ['us-weekly-7', '2026-02-20', 13, 7, 'stale'],
      ['global-28', '2026-03-05', 0, 1, 'fresh'],
    ]);
    expect(view.attention).toEqual([
      expect.objectContaining({
        scheduleId: daily.id,
        slug: 'global-28',
        health: 'action_required',
        reason: expect.stringContaining('credentials'),
      }),
    ]);
  });
});
