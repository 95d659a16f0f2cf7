import type { ApiChart } from '../schemas/chart';
import type { Chart } from '../types';

export function normalizeChart(chart: ApiChart): Chart {
  return {
    slug: chart.slug,
    name: chart.name,
    type: chart.type ?? 'song',
    platform: chart.platform,
    frequency: chart.frequency,
    countryCode: chart.countryCode ?? '',
    countryName: chart.countryName ?? '',
    cityName: chart.cityName ?? '',
    maxResultsCount: chart.maxResultsCount ?? null,
    webUrl: chart.webUrl || null,
    metric: chart.metric ? { type: chart.metric.type, description: chart.metric.description ?? '' } : null,
  };
}
