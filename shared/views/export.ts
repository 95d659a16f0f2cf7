import type { ExportDataset, ExportFormat, ExportStatus } from '../domain/export-kinds';

export type ExportFilters = {
  /** Chart ids or slugs as given; empty = every scheduled chart. */
  charts: string[];
  /** Ranking dates (rankings), audience dates (audience) or creation days (executions), 'YYYY-MM-DD', inclusive. */
  from: string | null;
  to: string | null;
  /** Only rows added since the last completed export of this dataset to this destination. */
  sinceLast: boolean;
  /** CSV/TSV start with a UTF-8 byte-order mark (for Excel). */
  bom: boolean;
};

export type ExportView = {
  id: number;
  dataset: ExportDataset;
  /** Null for a backup. */
  format: ExportFormat | null;
  filters: ExportFilters;
  status: ExportStatus;
  /** The final file, or 'rest' when it was streamed to an HTTP client. */
  destination: string;
  rows: number;
  bytes: number;
  /** Rows the export expects to write, when known in advance (for a progress bar). */
  totalRows: number | null;
  error: string | null;
  actor: string | null;
  startedAt: number;
  completedAt: number | null;
};

export type ExportPage = { items: ExportView[]; total: number; limit: number; offset: number };

/** Pushed while an export runs (at most a few times a second). */
export type ExportProgress = { id: number; rows: number; bytes: number; totalRows: number | null };
