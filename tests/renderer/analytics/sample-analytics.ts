import type {
  AnalyticsDay,
  AnalyticsView,
  ChartFreshness,
  QuotaImpactView,
  QuotaPlanView,
  ScheduleQuotaProjection,
} from '../../../shared/views/analytics';

export function day(date: string, overrides: Partial<AnalyticsDay> = {}): AnalyticsDay {
  return {
    day: date,
    completed: 0,
    failed: 0,
    cancelled: 0,
    interrupted: 0,
    successRate: null,
    durationMedianMs: null,
    durationP95Ms: null,
    requests: 0,
    requestsByKind: { ranking: 0, chart_list: 0, metadata: 0, audience: 0, other: 0 },
    quotaRemaining: null,
    ...overrides,
  };
}

export function freshness(overrides: Partial<ChartFreshness> = {}): ChartFreshness {
  return {
    chartId: 1,
    slug: 'global-28',
    name: 'Top Songs',
    frequency: 'daily',
    scheduleId: 1,
    newestDate: '2026-11-22',
    ageDays: 1,
    periodDays: 1,
    state: 'fresh',
    ...overrides,
  };
}

/** Three days: a busy one with a failure, a quiet one, one with a cancelled run. */
export function analyticsView(overrides: Partial<AnalyticsView> = {}): AnalyticsView {
  const days = [
    day('2026-11-21', {
      completed: 3,
      failed: 1,
      successRate: 75,
      durationMedianMs: 40_000,
      durationP95Ms: 90_000,
      requests: 1_200,
      quotaRemaining: 48_000,
    }),
    day('2026-11-22'),
    day('2026-11-23', {
      completed: 2,
      cancelled: 1,
      successRate: 100,
      durationMedianMs: 30_000,
      durationP95Ms: 35_000,
      requests: 300,
      quotaRemaining: 47_700,
    }),
  ];
  return {
    from: Date.UTC(2026, 10, 21),
    to: Date.UTC(2026, 10, 24),
    timeZone: 'UTC',
    days,
    totals: {
      executions: 7,
      successRate: 83.3,
      durationMedianMs: 35_000,
      durationP95Ms: 90_000,
      requests: 1_500,
    },
    freshness: [
      freshness({ chartId: 1, slug: 'global-28', name: 'Top Songs', ageDays: 0, state: 'fresh' }),
      freshness({
        chartId: 2,
        slug: 'fr-weekly',
        name: 'Top France',
        frequency: 'weekly',
        scheduleId: 2,
        newestDate: '2026-10-26',
        ageDays: 28,
        periodDays: 7,
        state: 'stale',
      }),
      freshness({
        chartId: 3,
        slug: 'new-chart',
        name: 'New Chart',
        newestDate: null,
        ageDays: null,
        state: 'never',
      }),
    ],
    slowest: [
      {
        chartId: 2,
        slug: 'fr-weekly',
        name: 'Top France',
        scheduleId: 2,
        executions: 4,
        medianMs: 60_000,
        p95Ms: 95_000,
        maxMs: 100_000,
      },
    ],
    attention: [
      {
        scheduleId: 2,
        chartId: 2,
        slug: 'fr-weekly',
        name: 'Top France',
        health: 'overdue',
        reason: 'No successful sync for 28 days (more than twice its interval).',
      },
    ],
    ...overrides,
  };
}

export function projection(overrides: Partial<ScheduleQuotaProjection> = {}): ScheduleQuotaProjection {
  return {
    scheduleId: 1,
    chartId: 1,
    slug: 'global-28',
    name: 'Top Songs',
    active: true,
    runsPerMonth: 30,
    requestsPerRun: 4,
    metadataPerMonth: 200,
    perMonth: 320,
    basis: 'history',
    ...overrides,
  };
}

export const CYCLE_END = Date.UTC(2026, 11, 1);

export function quotaPlan(overrides: Partial<QuotaPlanView> = {}): QuotaPlanView {
  return {
    quota: { limit: 50_000, remaining: 47_700, observedAt: Date.UTC(2026, 10, 23, 11) },
    cycle: { start: Date.UTC(2026, 10, 1), end: CYCLE_END, daysLeft: 8 },
    schedules: [
      projection(),
      projection({
        scheduleId: 2,
        chartId: 2,
        slug: 'fr-weekly',
        name: 'Top France',
        runsPerMonth: 4,
        requestsPerRun: 3,
        metadataPerMonth: 40,
        perMonth: 52,
        basis: 'estimate',
      }),
      projection({
        scheduleId: 3,
        chartId: 3,
        slug: 'ambient',
        name: 'Ambient Monthly',
        active: false,
        runsPerMonth: 0,
        requestsPerRun: 2,
        metadataPerMonth: 0,
        perMonth: 0,
      }),
    ],
    audiencePerMonth: 30,
    projectedPerMonth: 402,
    projectedToCycleEnd: 108,
    exhaustsAt: null,
    ...overrides,
  };
}

export function quotaImpact(overrides: Partial<QuotaImpactView> = {}): QuotaImpactView {
  return {
    beforePerMonth: 0,
    afterPerMonth: 1_240,
    backfillRequests: 730,
    projectedToCycleEnd: 2_000,
    remaining: 18_000,
    exhaustsBeforeCycleEnd: false,
    exhaustsAt: null,
    message: 'Adds about 1,240 requests a month; 18,000 left until 1 December.',
    ...overrides,
  };
}
