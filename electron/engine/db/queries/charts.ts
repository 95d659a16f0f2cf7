import { eq } from 'drizzle-orm';
import type { ChartSummary } from '../../../../shared/views/schedule-view';
import type { AppDatabase } from '../open-database';
import { charts } from '../schema';

/** A chart as Soundcharts describes it, ready to store. */
export type ChartRecord = {
  slug: string;
  name: string;
  type?: string;
  platform: string;
  frequency: string;
  countryCode: string;
  countryName: string;
  cityName?: string;
  maxResultsCount?: number | null;
  webUrl?: string | null;
  metricType?: string | null;
  metricDescription?: string | null;
};

export type ChartRow = typeof charts.$inferSelect;

/**
 * Stores a catalogue (thousands of charts on discovery) in one transaction with prepared statements;
 * an existing chart keeps its id, so schedules and rankings stay attached.
 */
export function upsertCharts(
  database: AppDatabase,
  records: readonly ChartRecord[],
): { created: number; updated: number } {
  const { sqlite } = database;
  const find = sqlite.prepare<[string], { id: number }>('SELECT id FROM charts WHERE slug = ?');
  const insert = sqlite.prepare(
    `INSERT INTO charts (slug, name, type, platform, frequency, country_code, country_name, city_name,
       max_results_count, web_url, metric_type, metric_description)
     VALUES (@slug, @name, @type, @platform, @frequency, @countryCode, @countryName, @cityName,
       @maxResultsCount, @webUrl, @metricType, @metricDescription)`,
  );
  const update = sqlite.prepare(
    `UPDATE charts SET name = @name, type = @type, platform = @platform, frequency = @frequency,
       country_code = @countryCode, country_name = @countryName, city_name = @cityName,
       max_results_count = @maxResultsCount, web_url = @webUrl,
       metric_type = COALESCE(@metricType, metric_type),
       metric_description = COALESCE(@metricDescription, metric_description),
       updated_at = CAST(unixepoch('subsec') * 1000 AS INTEGER)
     WHERE id = @id`,
  );
  let created = 0;
  let updated = 0;
  sqlite.transaction(() => {
    for (const record of records) {
      const row = {
        slug: record.slug,
        name: record.name,
        type: record.type ?? 'song',
        platform: record.platform,
        frequency: record.frequency,
        countryCode: record.countryCode,
        countryName: record.countryName,
        cityName: record.cityName ?? '',
        maxResultsCount: record.maxResultsCount ?? null,
        webUrl: record.webUrl ?? null,
        metricType: record.metricType ?? null,
        metricDescription: record.metricDescription ?? null,
      };
      const existing = find.get(record.slug);
      if (existing) {
        update.run({ ...row, id: existing.id });
        updated += 1;
      } else {
        insert.run(row);
        created += 1;
      }
    }
  })();
  return { created, updated };
}

export function getChartById(database: AppDatabase, id: number): ChartRow | undefined {
  return database.db.select().from(charts).where(eq(charts.id, id)).get();
}

export function getChartBySlug(database: AppDatabase, slug: string): ChartRow | undefined {
  return database.db.select().from(charts).where(eq(charts.slug, slug)).get();
}

/**
 * The chart an operator names (the CLI's argument, the REST path): its id or its slug. A number that is no
 * chart's id is tried as a slug too, since slugs are opaque and could be digits.
 */
export function findChartByReference(database: AppDatabase, reference: string): ChartRow | undefined {
  const ref = reference.trim();
  return (
    (/^\d+$/.test(ref) ? getChartById(database, Number(ref)) : undefined) ?? getChartBySlug(database, ref)
  );
}

/** The fields every view names a chart by; any row that has them will do (a chart, a chart-list row). */
export function toChartSummary(row: Pick<ChartRow, keyof ChartSummary>): ChartSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    platform: row.platform,
    frequency: row.frequency,
    countryCode: row.countryCode,
    countryName: row.countryName,
  };
}
