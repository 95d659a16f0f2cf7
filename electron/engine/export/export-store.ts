import type Database from 'better-sqlite3';
import type { ExportDataset, ExportFormat, ExportStatus } from '../../../shared/domain/export-kinds';
import { ChartSyncError } from '../../../shared/errors';
import type { ExportFilters, ExportView } from '../../../shared/views/export';

type ExportRow = {
  id: number;
  dataset: ExportDataset;
  format: ExportFormat | null;
  filtersJson: string;
  destination: string;
  status: ExportStatus;
  rows: number;
  bytes: number;
  watermark: number | null;
  error: string | null;
  actor: string | null;
  startedAt: number;
  completedAt: number | null;
};

const COLUMNS = `id, dataset, format, filters_json AS filtersJson, destination, status, rows, bytes, watermark,
  error, actor, started_at AS startedAt, completed_at AS completedAt`;

/** The data_exports records: one per export, written when it starts and when it ends. */
export class ExportStore {
  private readonly statements;

  constructor(sqlite: Database.Database) {
    this.statements = {
      insert: sqlite.prepare<
        [ExportDataset, ExportFormat | null, string, string, string | null, number, number, number]
      >(
        `INSERT INTO data_exports (dataset, format, filters_json, destination, status, actor, started_at,
           created_at, updated_at) VALUES (?, ?, ?, ?, 'running', ?, ?, ?, ?)`,
      ),
      finish: sqlite.prepare<{
        id: number;
        status: ExportStatus;
        rows: number;
        bytes: number;
        watermark: number | null;
        error: string | null;
        at: number;
      }>(
        `UPDATE data_exports SET status = @status, rows = @rows, bytes = @bytes, watermark = @watermark,
           error = @error, completed_at = @at, updated_at = @at WHERE id = @id AND status = 'running'`,
      ),
      heartbeat: sqlite.prepare<[number, number, number, number]>(
        `UPDATE data_exports SET rows = ?, bytes = ?, updated_at = ? WHERE id = ? AND status = 'running'`,
      ),
      stale: sqlite.prepare<[number], { id: number; destination: string }>(
        `SELECT id, destination FROM data_exports WHERE status = 'running' AND updated_at < ?`,
      ),
      runningTo: sqlite
        .prepare<[string], number>(`SELECT 1 FROM data_exports WHERE destination = ? AND status = 'running'`)
        .pluck(),
      get: sqlite.prepare<[number], ExportRow>(`SELECT ${COLUMNS} FROM data_exports WHERE id = ?`),
      page: sqlite.prepare<[number, number], ExportRow>(
        `SELECT ${COLUMNS} FROM data_exports ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?`,
      ),
      total: sqlite.prepare('SELECT count(*) FROM data_exports').pluck(),
      // The last completed export of a dataset to this destination (a file, a folder of default names, 'rest').
      lastWatermark: sqlite
        .prepare<{ dataset: ExportDataset; exact: string; folder: string | null }, number | null>(
          `SELECT watermark FROM data_exports
           WHERE dataset = @dataset AND status = 'completed'
             AND (destination = @exact
                  OR (@folder IS NOT NULL AND substr(destination, 1, length(@folder)) = @folder
                      AND instr(substr(destination, length(@folder) + 1), '/') = 0
                      AND instr(substr(destination, length(@folder) + 1), '\\') = 0))
           ORDER BY completed_at DESC, id DESC LIMIT 1`,
        )
        .pluck(),
    };
  }

  insert(record: {
    dataset: ExportDataset;
    format: ExportFormat | null;
    filters: ExportFilters;
    destination: string;
    actor: string | null;
    at: number;
  }): number {
    const { lastInsertRowid } = this.statements.insert.run(
      record.dataset,
      record.format,
      JSON.stringify(record.filters),
      record.destination,
      record.actor,
      record.at,
      record.at,
      record.at,
    );
    return Number(lastInsertRowid);
  }

  finish(
    id: number,
    outcome: {
      status: Exclude<ExportStatus, 'running'>;
      rows: number;
      bytes: number;
      watermark: number | null;
      error: string | null;
      at: number;
    },
  ): void {
    this.statements.finish.run({ id, ...outcome });
  }

  /** A running export says it is alive (and how far it got), for the other processes that read the list. */
  heartbeat(id: number, rows: number, bytes: number, at: number): void {
    this.statements.heartbeat.run(rows, bytes, at, id);
  }

  /** Running exports that have not said they are alive since `before`. */
  stale(before: number): { id: number; destination: string }[] {
    return this.statements.stale.all(before);
  }

  /** Whether a running export (of this process or another) will write `destination` when it completes. */
  runningTo(destination: string): boolean {
    return this.statements.runningTo.get(destination) !== undefined;
  }

  get(id: number): ExportRow {
    const row = this.statements.get.get(id);
    if (!row) throw new ChartSyncError('not_found', `Export ${id} does not exist.`);
    return row;
  }

  page(limit: number, offset: number): { rows: ExportRow[]; total: number } {
    return { rows: this.statements.page.all(limit, offset), total: this.statements.total.get() as number };
  }

  /**
   * Where "since last export" starts: the watermark of the last completed export of the dataset to the same
   * destination. `folder` (the exports folder, with its trailing separator) makes every default-named file
   * in it one destination, since each of those has a new name.
   */
  lastWatermark(dataset: ExportDataset, exact: string, folder: string | null): number | null {
    return this.statements.lastWatermark.get({ dataset, exact, folder }) ?? null;
  }
}

export function toExportView(row: ExportRow, totalRows: number | null): ExportView {
  return {
    id: row.id,
    dataset: row.dataset,
    format: row.format,
    filters: parseFilters(row.filtersJson),
    status: row.status,
    destination: row.destination,
    rows: row.rows,
    bytes: row.bytes,
    totalRows,
    error: row.error,
    actor: row.actor,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
  };
}

function parseFilters(json: string): ExportFilters {
  const value = JSON.parse(json) as Partial<ExportFilters>;
  return {
    charts: value.charts ?? [],
    from: value.from ?? null,
    to: value.to ?? null,
    sinceLast: value.sinceLast ?? false,
    bom: value.bom ?? false,
  };
}
