import { describe, expect, it } from 'vitest';
import { stackSeries } from '../../../renderer/src/components/plot/stack-series';
import {
  dayAxis,
  describeFreshness,
  executionSeries,
  plotSummaries,
  rangeTotals,
  sortFreshness,
  successPercent,
} from '../../../renderer/src/screens/analytics/analytics-series';
import { analyticsView, day, freshness } from './sample-analytics';

describe('plot data of the dashboard', () => {
  it.each([
    [{ completed: 0, failed: 0 }, null],
    [{ completed: 3, failed: 1 }, 75],
    [{ completed: 0, failed: 2 }, 0],
    [{ completed: 5, failed: 0 }, 100],
  ])('success rate of %j is %s %', (counts, rate) => {
    expect(successPercent(counts)).toBe(rate);
  });

  it('puts each day at noon UTC in epoch seconds, oldest first, as <Plot days> reads them', () => {
    expect(dayAxis([day('2026-11-21'), day('2026-11-22')])).toEqual([
      Date.UTC(2026, 10, 21, 12) / 1000,
      Date.UTC(2026, 10, 22, 12) / 1000,
    ]);
  });

  it('stacks the statuses with completed at the bottom; the legend keeps each one’s own count', () => {
    const series = executionSeries(analyticsView().days);
    expect(series.map((s) => s.label)).toEqual(['Completed', 'Failed', 'Interrupted', 'Cancelled']);
    const drawn = stackSeries(series, ['a', 'b', 'c', 'd']);
    // Drawn tallest first, so each lower status paints over the one above it.
    expect(drawn.map((d) => d.spec.label)).toEqual(['Cancelled', 'Interrupted', 'Failed', 'Completed']);
    expect(drawn.map((d) => d.colour)).toEqual(['d', 'c', 'b', 'a']);
    expect(drawn[0]!.values).toEqual([4, 0, 3]);
    expect(drawn[2]!.values).toEqual([4, 0, 2]);
    expect(drawn[3]!.values).toEqual([3, 0, 2]);
    expect(drawn[0]!.legendValues).toEqual([0, 0, 1]);
  });

  it('leaves a gap where every stacked value is missing, and counts a missing one as nothing otherwise', () => {
    const drawn = stackSeries(
      [
        { label: 'a', values: [1, null, null] },
        { label: 'b', values: [null, 2, null] },
      ],
      [],
    );
    expect(drawn[0]!.values).toEqual([1, 2, null]);
    expect(drawn[1]!.values).toEqual([1, null, null]);
  });

  it('sums the range and says each plot in a sentence', () => {
    const view = analyticsView();
    expect(rangeTotals(view.days)).toMatchObject({
      completed: 5,
      failed: 1,
      cancelled: 1,
      requests: 1_500,
      lowestQuota: 47_700,
      lastQuota: 47_700,
    });
    expect(rangeTotals(view.days).busiestDay?.day).toBe('2026-11-21');
    expect(plotSummaries(view)).toEqual({
      executions: '7 executions ended: 5 completed, 1 failed, 0 interrupted, 1 cancelled.',
      success: '83% over the range; the worst day 75%, the best 100%.',
      duration: 'Median 35 s, p95 1 min 30 s over the range.',
      requests: '1,500 requests in the range, at most 1,200 in a day; 47,700 remaining when last seen.',
    });
  });

  it('says so when nothing happened', () => {
    const view = analyticsView({
      days: [day('2026-11-23')],
      totals: { executions: 0, successRate: null, durationMedianMs: null, durationP95Ms: null, requests: 0 },
    });
    expect(plotSummaries(view)).toEqual({
      executions: 'No execution ended in this range.',
      success: 'No execution completed or failed in this range.',
      duration: 'No execution ended in this range.',
      requests: 'No request was sent to Soundcharts in this range.',
    });
  });
});

describe('freshness', () => {
  it('sorts never synced first, then by age against the period, then by name', () => {
    const sorted = sortFreshness([
      freshness({ chartId: 1, name: 'Daily fresh', ageDays: 1, periodDays: 1 }),
      freshness({ chartId: 2, name: 'Weekly late', ageDays: 20, periodDays: 7, state: 'stale' }),
      freshness({ chartId: 3, name: 'B never', ageDays: null, newestDate: null, state: 'never' }),
      freshness({ chartId: 4, name: 'Daily late', ageDays: 5, periodDays: 1, state: 'stale' }),
      freshness({ chartId: 5, name: 'A never', ageDays: null, newestDate: null, state: 'never' }),
    ]);
    expect(sorted.map((c) => c.name)).toEqual([
      'A never',
      'B never',
      'Daily late',
      'Weekly late',
      'Daily fresh',
    ]);
  });

  it.each([
    [freshness({ ageDays: 0 }), 'From today; a new period every day'],
    [freshness({ ageDays: 1 }), '1 day old; a new period every day'],
    [freshness({ ageDays: 28, periodDays: 7 }), '28 days old; a new period every 7 days'],
    [freshness({ ageDays: null, newestDate: null, state: 'never' }), 'Nothing stored yet'],
  ])('%#: %s', (chart, text) => {
    expect(describeFreshness(chart)).toBe(text);
  });
});
