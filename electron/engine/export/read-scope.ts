import type Database from 'better-sqlite3';
import type { Column, Row } from './columns';

/** Which rows a dataset reader takes, once the filters are resolved. */
export type ReadScope = {
  /** The charts, by id; null = no chart filter (only executions take that: every execution). */
  chartIds: number[] | null;
  /** Inclusive calendar dates, 'YYYY-MM-DD'. */
  from: string | null;
  to: string | null;
  /** Since last export: only rows past this watermark (see each reader's `watermark`); null = every row. */
  after: number | null;
};

/** A dataset as the writers take it: its columns, how many rows to expect, its watermark and the rows. */
export type DatasetReader = {
  readonly columns: readonly Column[];
  /** Rows the export will write (for the progress bar), counted in the same snapshot as the rows. */
  count(): number;
  /**
   * The dataset's high-water mark in this snapshot: what the next "since last export" starts after (0 when the
   * dataset is empty, so that a later export knows there was one).
   */
  watermark(): number | null;
  /** The rows, streamed: a generator over `.iterate()`, never the whole result in memory. */
  rows(): Generator<Row>;
};

export type ReaderFactory = (connection: Database.Database, scope: ReadScope) => DatasetReader;

/** Chart ids bound as one JSON parameter: `chart_id IN (SELECT value FROM json_each(?))`. */
export function chartIdsParam(scope: ReadScope): string | null {
  return scope.chartIds === null ? null : JSON.stringify(scope.chartIds);
}

/** The named parameters of a reader that filters by calendar dates: charts (none = '[]'), range, watermark. */
export function dateScopeParams(scope: ReadScope) {
  return { charts: chartIdsParam(scope) ?? '[]', from: scope.from, to: scope.to, after: scope.after };
}
