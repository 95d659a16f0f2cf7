import { chartLabel, type ChartIdentity } from '../../../shared/domain/chart-label';
import type { AppDatabase } from '../db/open-database';

type LabelRow = ChartIdentity & { id: number };

/**
 * The names of a bulk action's items, in one query whatever their number (the ids travel as one JSON array),
 * read before the action so a deleted schedule is still named in its result.
 */
export function chartLabels(database: AppDatabase, chartIds: readonly number[]): Map<number, string> {
  const rows = database.sqlite
    .prepare<[string], LabelRow>(
      `SELECT c.id, c.name, c.platform, c.country_code AS countryCode, c.slug
         FROM json_each(?) AS j JOIN charts AS c ON c.id = j.value`,
    )
    .all(JSON.stringify(chartIds));
  return new Map(rows.map((row) => [row.id, chartLabel(row)]));
}

/** scheduleLabels: each schedule named by its chart. */
export function scheduleLabels(database: AppDatabase, scheduleIds: readonly number[]): Map<number, string> {
  const rows = database.sqlite
    .prepare<[string], LabelRow>(
      `SELECT s.id, c.name, c.platform, c.country_code AS countryCode, c.slug
         FROM json_each(?) AS j
         JOIN chart_sync_schedules AS s ON s.id = j.value
         JOIN charts AS c ON c.id = s.chart_id`,
    )
    .all(JSON.stringify(scheduleIds));
  return new Map(rows.map((row) => [row.id, chartLabel(row)]));
}

export const unknownChart = (id: number) => `chart ${id}`;
export const unknownSchedule = (id: number) => `schedule ${id}`;
