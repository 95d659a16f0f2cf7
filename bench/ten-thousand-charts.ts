import { chartSyncStatus } from '../shared/domain/schedule-status';
import type { ChartListItem } from '../shared/views/chart-list-item';

export const CHART_COUNT = 10_000;
const PLATFORMS = ['spotify', 'apple-music', 'deezer', 'amazon', 'youtube', 'shazam'];
const COUNTRIES = [
  ['US', 'United States'],
  ['GB', 'United Kingdom'],
  ['DE', 'Germany'],
  ['FR', 'France'],
  ['BR', 'Brazil'],
  ['JP', 'Japan'],
] as const;
const FREQUENCIES = ['daily', 'weekly', 'monthly'];
const HEALTH = ['on_time', 'overdue', 'paused', null, 'failing', 'never_synced', 'late', null] as const;

/** A catalogue the size of a big operator's: names, platforms and countries spread like the real one. */
/** The fields of a catalogue row (the engine's ChartRecord); kept plain so the renderer's benchmark can use it. */
export type BenchChart = {
  slug: string;
  name: string;
  platform: string;
  frequency: string;
  countryCode: string;
  countryName: string;
};

export function chartRecords(): BenchChart[] {
  return Array.from({ length: CHART_COUNT }, (_, i) => {
    const [countryCode, countryName] = COUNTRIES[i % COUNTRIES.length]!;
    return {
      slug: `bench-${i}`,
      name: `Top ${(i % 200) + 1} ${countryName} ${i}`,
      platform: PLATFORMS[i % PLATFORMS.length]!,
      frequency: FREQUENCIES[i % FREQUENCIES.length]!,
      countryCode,
      countryName,
    };
  });
}

export function chartItems(): ChartListItem[] {
  return chartRecords().map((record, i) => {
    const health = HEALTH[i % HEALTH.length] ?? null;
    return {
      id: i + 1,
      slug: record.slug,
      name: record.name,
      platform: record.platform,
      frequency: record.frequency,
      countryCode: record.countryCode,
      countryName: record.countryName,
      syncStatus: chartSyncStatus(health),
      health,
      healthReason: health === null ? null : 'Synced on schedule.',
      scheduleId: health === null ? null : i + 1,
      lastSyncAt: null,
      nextSyncAt: null,
      hasExecutions: health !== null,
    };
  });
}
