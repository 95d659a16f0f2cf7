import { z } from 'zod';
import { EXPORT_DATASETS, EXPORT_FORMATS } from '../domain/export-kinds';
import { EXPORT_CHARTS_MAX, EXPORT_PAGE_DEFAULT, EXPORT_PAGE_MAX } from '../domain/policies';
import { calendarDate, refineDateRange } from './calendar-date';
import { chartReference } from './data-input';
import { pageLimit, pageOffset } from './whole-number';

export const exportStartInput = z
  .object({
    dataset: z.enum(EXPORT_DATASETS, {
      error: (issue) =>
        `Unknown dataset ${JSON.stringify(issue.input)}; the datasets are ${EXPORT_DATASETS.join(', ')}.`,
    }),
    /** Required for every dataset but backup (which is always a SQLite file). */
    format: z
      .enum(EXPORT_FORMATS, {
        error: (issue) =>
          `Unknown format ${JSON.stringify(issue.input)}; the formats are ${EXPORT_FORMATS.join(', ')}.`,
      })
      .optional(),
    charts: z.array(chartReference).max(EXPORT_CHARTS_MAX).default([]),
    from: calendarDate('The start date').optional(),
    to: calendarDate('The end date').optional(),
    sinceLast: z.boolean().default(false),
    bom: z.boolean().default(false),
    /**
     * Absolute path of the file to write (its folder must exist). Absent: a new file in the exports folder beside
     * the database, named after the dataset and the time.
     */
    out: z.string().trim().min(1).max(4096).optional(),
  })
  .strict()
  .superRefine(refineDateRange)
  .superRefine((value, ctx) => {
    if (value.dataset !== 'backup' && value.format === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `Choose a format: ${EXPORT_FORMATS.join(', ')}.`,
        path: ['format'],
      });
    }
    if (value.dataset === 'backup' && value.format !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'A backup is a SQLite file: it takes no format.',
        path: ['format'],
      });
    }
  });

export const exportListInput = z
  .object({
    limit: pageLimit(EXPORT_PAGE_MAX, EXPORT_PAGE_DEFAULT),
    offset: pageOffset,
  })
  .strict();
