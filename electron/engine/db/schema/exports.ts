import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { EXPORT_DATASETS, EXPORT_FORMATS, EXPORT_STATUSES } from '../../../../shared/domain/export-kinds';
import { createdAt, oneOf, updatedAt } from './columns';

/**
 * Every export, whoever started it (UI, REST, CLI): what was taken out, with which filters, into which file.
 * `watermark` is the dataset's high-water mark when the export read it, so "since last export" (per dataset and
 * destination) starts after the last completed one.
 */
export const dataExports = sqliteTable(
  'data_exports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dataset: text('dataset', { enum: EXPORT_DATASETS }).notNull(),
    // Null for a database backup.
    format: text('format', { enum: EXPORT_FORMATS }),
    filtersJson: text('filters_json').notNull().default('{}'),
    // The final file path, or 'rest' when the file was streamed to an HTTP client.
    destination: text('destination').notNull(),
    status: text('status', { enum: EXPORT_STATUSES }).notNull().default('running'),
    rows: integer('rows').notNull().default(0),
    bytes: integer('bytes').notNull().default(0),
    watermark: integer('watermark'),
    error: text('error'),
    actor: text('actor'),
    startedAt: integer('started_at').notNull(),
    completedAt: integer('completed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('data_exports_started_idx').on(t.startedAt),
    index('data_exports_since_last_idx').on(t.dataset, t.destination, t.status, t.completedAt),
    check('data_exports_dataset_check', oneOf(t.dataset, EXPORT_DATASETS)),
    check('data_exports_format_check', sql`${t.format} IS NULL OR ${oneOf(t.format, EXPORT_FORMATS)}`),
    check('data_exports_status_check', oneOf(t.status, EXPORT_STATUSES)),
  ],
);
