import { upsertCharts, type ChartRecord } from '../db/queries/charts';
import type { AppDatabase } from '../db/open-database';
import type { CallOptions, SoundchartsClient } from '../soundcharts/client';

export type DiscoverySummary = { platforms: number; charts: number; created: number; updated: number };

/** Imports the song chart catalogue of every platform (all pages) into the charts table. */
export async function discoverCharts(
  database: AppDatabase,
  client: SoundchartsClient,
  onPlatform?: (platform: string, charts: number) => void,
  options: CallOptions = {},
): Promise<DiscoverySummary> {
  const platforms = await client.platforms(options);
  const records: ChartRecord[] = [];
  for (const platform of platforms) {
    const charts = await client.charts(platform.code, {}, options);
    onPlatform?.(platform.code, charts.length);
    for (const chart of charts) {
      records.push({
        slug: chart.slug,
        name: chart.name,
        type: chart.type,
        platform: chart.platform,
        frequency: chart.frequency,
        countryCode: chart.countryCode,
        countryName: chart.countryName,
        cityName: chart.cityName,
        maxResultsCount: chart.maxResultsCount,
        webUrl: chart.webUrl,
        metricType: chart.metric?.type ?? null,
        metricDescription: chart.metric?.description ?? null,
      });
    }
  }
  const { created, updated } = upsertCharts(database, records);
  return { platforms: platforms.length, charts: records.length, created, updated };
}
