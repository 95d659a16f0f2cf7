import type { ExecutionStatus } from '../../../shared/domain/execution';
import { PERFORMANCE_BASELINE_SIZE } from '../../../shared/domain/policies';
import type { AppDatabase } from '../db/open-database';

export type ChartHistory = {
  chart: { name: string; countryName: string; slug: string } | null;
  previousStatus: ExecutionStatus | null;
  recentDurationsMs: number[];
};

/**
 * What the alert rules need to know about an execution's chart: its name, the previous final execution's status
 * (cancelled ones are the operator's call, not an outcome) and the durations of the latest completed runs.
 */
export function chartHistory(database: AppDatabase, chartId: number, executionId: number): ChartHistory {
  const { sqlite } = database;
  const chart = sqlite
    .prepare(`SELECT name, country_name AS countryName, slug FROM charts WHERE id = ?`)
    .get(chartId) as ChartHistory['chart'] | undefined;
  const previous = sqlite
    .prepare(
      `SELECT status FROM chart_sync_executions
       WHERE chart_id = ? AND id != ? AND status IN ('completed', 'failed', 'interrupted')
       ORDER BY coalesce(completed_at, created_at) DESC, id DESC LIMIT 1`,
    )
    .get(chartId, executionId) as { status: ExecutionStatus } | undefined;
  const durations = sqlite
    .prepare(
      `SELECT completed_at - started_at AS ms FROM chart_sync_executions
       WHERE chart_id = ? AND id != ? AND status = 'completed' AND started_at IS NOT NULL AND completed_at IS NOT NULL
       ORDER BY completed_at DESC, id DESC LIMIT ?`,
    )
    .all(chartId, executionId, PERFORMANCE_BASELINE_SIZE) as { ms: number }[];
  return {
    chart: chart ?? null,
    previousStatus: previous?.status ?? null,
    recentDurationsMs: durations.map((d) => Math.max(0, d.ms)),
  };
}
