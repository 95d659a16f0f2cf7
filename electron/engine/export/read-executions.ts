import type Database from 'better-sqlite3';
import { FINAL_EXECUTION_STATUSES } from '../../../shared/domain/execution';
import { parseTimeInput } from '../../../shared/domain/wire-times';
import { instant, integer, text, type Row } from './columns';
import { chartIdsParam, type DatasetReader, type ReadScope } from './read-scope';

export const EXECUTION_COLUMNS = [
  integer('execution_id', 9),
  text('chart_slug', 18),
  text('chart_name', 24),
  integer('schedule_id', 9),
  text('status', 11),
  text('trigger', 10),
  instant('created_at'),
  instant('started_at'),
  instant('completed_at'),
  integer('duration_ms', 11),
  integer('periods_planned', 9),
  integer('periods_synced', 9),
  integer('periods_failed', 9),
  integer('rankings_created', 9),
  integer('rankings_updated', 9),
  integer('tracks_created', 9),
  integer('tracks_updated', 9),
  integer('requests_made', 9),
  integer('retry_count', 7),
  text('error_code', 16),
  text('error_message', 40),
] as const;

type ExecutionRow = {
  id: number;
  slug: string;
  name: string;
  scheduleId: number | null;
  status: string;
  trigger: string;
  createdAt: number;
  startedAt: number | null;
  completedAt: number | null;
  periodsPlanned: number;
  periodsSynced: number;
  periodsFailed: number;
  rankingsCreated: number;
  rankingsUpdated: number;
  tracksCreated: number;
  tracksUpdated: number;
  requestsMade: number;
  retryCount: number;
  errorCode: string | null;
  errorMessage: string | null;
};

const FINAL = `(${FINAL_EXECUTION_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * Executions (the sync history), by creation day on the host's calendar; no chart filter means every
 * execution, those of deleted schedules included. Watermark: the latest `completed_at` of a finished
 * execution; "since last export" takes the executions that finished since (running ones wait for the next).
 */
export function executionsReader(connection: Database.Database, scope: ReadScope): DatasetReader {
  const where = `
    (@charts IS NULL OR x.chart_id IN (SELECT value FROM json_each(@charts)))
    AND (@since IS NULL OR x.created_at >= @since) AND (@until IS NULL OR x.created_at < @until)
    AND (@after IS NULL OR (x.status IN ${FINAL} AND x.completed_at > @after))`;
  const params = {
    charts: chartIdsParam(scope),
    since: scope.from === null ? null : parseTimeInput(scope.from, 'start'),
    until: scope.to === null ? null : parseTimeInput(scope.to, 'end'),
    after: scope.after,
  };
  return {
    columns: EXECUTION_COLUMNS,
    count: () =>
      connection
        .prepare(`SELECT count(*) FROM chart_sync_executions x WHERE ${where}`)
        .pluck()
        .get(params) as number,
    watermark: () =>
      (connection
        .prepare(`SELECT coalesce(max(completed_at), 0) FROM chart_sync_executions WHERE status IN ${FINAL}`)
        .pluck()
        .get() as number | null) ?? null,
    *rows() {
      const statement = connection.prepare<[typeof params], ExecutionRow>(
        `SELECT x.id, c.slug, c.name, x.schedule_id AS scheduleId, x.status, x."trigger",
                x.created_at AS createdAt, x.started_at AS startedAt, x.completed_at AS completedAt,
                x.periods_planned AS periodsPlanned, x.periods_synced AS periodsSynced,
                x.periods_failed AS periodsFailed, x.rankings_created AS rankingsCreated,
                x.rankings_updated AS rankingsUpdated, x.tracks_created AS tracksCreated,
                x.tracks_updated AS tracksUpdated, x.requests_made AS requestsMade, x.retry_count AS retryCount,
                x.error_code AS errorCode, x.error_message AS errorMessage
         FROM chart_sync_executions x JOIN charts c ON c.id = x.chart_id
         WHERE ${where} ORDER BY x.id`,
      );
      for (const execution of statement.iterate(params)) {
        const row: Row = [
          execution.id,
          execution.slug,
          execution.name,
          execution.scheduleId,
          execution.status,
          execution.trigger,
          execution.createdAt,
          execution.startedAt,
          execution.completedAt,
          execution.startedAt !== null && execution.completedAt !== null
            ? execution.completedAt - execution.startedAt
            : null,
          execution.periodsPlanned,
          execution.periodsSynced,
          execution.periodsFailed,
          execution.rankingsCreated,
          execution.rankingsUpdated,
          execution.tracksCreated,
          execution.tracksUpdated,
          execution.requestsMade,
          execution.retryCount,
          execution.errorCode,
          execution.errorMessage,
        ];
        yield row;
      }
    },
  };
}
