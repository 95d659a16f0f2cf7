import { count } from 'drizzle-orm';
import { charts } from '../db/schema';
import { getChartBySlug } from '../db/queries/charts';
import type { Engine } from '../engine';

/**
 * The demo's schedules: a daily, a weekly and a monthly chart with a month of history, so a first
 * `chart-sync process` shows a complete sync in seconds. Made once, on an empty demo database.
 */
export const DEMO_SCHEDULES = [
  { slug: 'global-28', historyWindowDays: 30 },
  { frequency: 'weekly', historyWindowDays: 60 },
  { frequency: 'monthly', historyWindowDays: 90 },
] as const;

export async function seedDemo(engine: Engine): Promise<void> {
  const existing = engine.database.db.select({ n: count() }).from(charts).get()?.n ?? 0;
  if (existing > 0) return;
  await engine.discoverCharts();
  const all = engine.database.db.select().from(charts).all();
  // Three charts of different names, so the demo's schedules are told apart at a glance.
  const names = new Set<string>();
  for (const demo of DEMO_SCHEDULES) {
    const chart =
      'slug' in demo
        ? getChartBySlug(engine.database, demo.slug)
        : all.find((c) => c.frequency === demo.frequency && !names.has(c.name));
    if (!chart || engine.schedules.getByChart(chart.id)) continue;
    names.add(chart.name);
    // Immediate: the first run shows real work instead of waiting a whole interval.
    engine.schedules.create({
      chartId: chart.id,
      historyWindowDays: demo.historyWindowDays,
      syncImmediately: true,
      createdBy: 'demo',
    });
  }
}
