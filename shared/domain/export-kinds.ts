/** What can be taken out of the local database. `backup` is a whole-database copy (SQLite's backup API). */
export const EXPORT_DATASETS = ['rankings', 'songs', 'audience', 'executions', 'backup'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

/** File formats of the table datasets (a backup is always a SQLite file). */
export const EXPORT_FORMATS = ['csv', 'tsv', 'xlsx', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_STATUSES = ['running', 'completed', 'failed', 'cancelled'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

export const EXPORT_FILE_EXTENSIONS: Record<ExportFormat | 'backup', string> = {
  csv: 'csv',
  tsv: 'tsv',
  xlsx: 'xlsx',
  ndjson: 'ndjson',
  backup: 'sqlite',
};
