import type { ExecutionStatus } from '../../../shared/domain/execution';
import type { HealthExecution } from '../../../shared/domain/health';
import { HEALTH_FAILING_STREAK } from '../../../shared/domain/policies';

const COLUMNS =
  'e.schedule_id, e.status, e.retry_count, e.max_retries, e.next_attempt_at, e.error_message, e.created_at, e.id';

/**
 * For every schedule: its open execution (at most one, by the partial unique index) and its latest
 * HEALTH_FAILING_STREAK final ones, cancelled ones left out (the operator's call, not a failure). Executions
 * whose schedule was deleted (schedule_id NULL) belong to no schedule's health.
 *
 * Each schedule's final runs are a LIMIT walk down the (schedule_id, created_at) index, newest first (id breaks
 * ties), so the cost grows with the number of schedules, not with the history kept: a window function
 * (ROW_NUMBER() OVER (PARTITION BY schedule_id …)) reads every execution ever kept, a second for 100,000 of
 * them. Still one statement for a list of any size.
 *
 * Used as a CTE named `recent` by the list queries; `:only` limits it to one schedule (NULL: all of them).
 */
export const RECENT_EXECUTIONS_CTE = recentExecutionsCte({
  schedules: ':only IS NULL OR rs.id = :only',
  executions: ':only IS NULL OR e.schedule_id = :only',
});

/**
 * The same CTE for the schedules (aliased `rs`) and open executions (aliased `e`) these conditions keep: a
 * list of some charts walks only their schedules.
 */
export function recentExecutionsCte(where: { schedules: string; executions: string }): string {
  return `
recent AS MATERIALIZED (
  SELECT ${COLUMNS}
  FROM chart_sync_schedules rs
  JOIN chart_sync_executions e ON e.id IN (
    SELECT x.id FROM chart_sync_executions x
    WHERE x.schedule_id = rs.id AND x.status IN ('completed', 'failed', 'interrupted')
    ORDER BY x.created_at DESC, x.id DESC
    LIMIT ${HEALTH_FAILING_STREAK}
  )
  WHERE ${where.schedules}
  UNION ALL
  SELECT ${COLUMNS}
  FROM chart_sync_executions e
  WHERE e.status IN ('pending', 'running') AND e.schedule_id IS NOT NULL AND (${where.executions})
)`;
}

/** The columns of `recent` a list query selects (prefixed, so they cannot clash with the schedule's own). */
export const RECENT_COLUMNS = `
  r.status AS run_status, r.retry_count AS run_retry_count, r.max_retries AS run_max_retries,
  r.next_attempt_at AS run_next_attempt_at, r.error_message AS run_error_message`;

/** The join a list query makes to `recent`, for a schedule aliased `s`. */
export const RECENT_JOIN = 'LEFT JOIN recent r ON r.schedule_id = s.id';

/** After the query's own order: the open run first, then the final ones newest first. */
export const RECENT_ORDER = `(r.status IN ('pending', 'running')) DESC, r.created_at DESC, r.id DESC`;

export type RecentColumns = {
  run_status: ExecutionStatus | null;
  run_retry_count: number | null;
  run_max_retries: number | null;
  run_next_attempt_at: number | null;
  run_error_message: string | null;
};

/** The execution a joined row carries, or null when the LEFT JOIN found none. */
export function recentOf(row: RecentColumns): HealthExecution | null {
  if (row.run_status === null) return null;
  return {
    status: row.run_status,
    retryCount: row.run_retry_count ?? 0,
    maxRetries: row.run_max_retries ?? 0,
    nextAttemptAt: row.run_next_attempt_at,
    errorMessage: row.run_error_message,
  };
}

/**
 * Folds the joined rows (several per schedule, consecutive) into one entry per key, in the rows' order, with
 * each key's executions in the order the query gave them.
 */
export function groupRuns<Row extends RecentColumns, Key>(
  rows: readonly Row[],
  keyOf: (row: Row) => Key,
): { first: Row; recent: HealthExecution[] }[] {
  const groups: { first: Row; recent: HealthExecution[] }[] = [];
  let current: { first: Row; recent: HealthExecution[] } | null = null;
  let currentKey: Key | undefined;
  for (const row of rows) {
    const key = keyOf(row);
    if (current === null || key !== currentKey) {
      current = { first: row, recent: [] };
      currentKey = key;
      groups.push(current);
    }
    const run = recentOf(row);
    if (run) current.recent.push(run);
  }
  return groups;
}
