import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { upsertCharts, type ChartRecord } from '../../electron/engine/db/queries/charts';
import { openDatabase, type AppDatabase } from '../../electron/engine/db/open-database';

/** A fresh folder per test, removed afterwards. */
export function useTempDir(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'chart-sync-test-'));
    dirs.push(dir);
    return dir;
  };
}

export const SAMPLE_CHARTS: ChartRecord[] = [
  {
    slug: 'global-28',
    name: 'Top Songs',
    platform: 'spotify',
    frequency: 'daily',
    countryCode: '',
    countryName: 'Worldwide',
    maxResultsCount: 200,
  },
  {
    slug: 'us-weekly-7',
    name: 'Top Songs Weekly',
    platform: 'spotify',
    frequency: 'weekly',
    countryCode: 'US',
    countryName: 'United States',
    maxResultsCount: 200,
  },
  {
    slug: 'fr-monthly-3',
    name: 'Top Monthly',
    platform: 'deezer',
    frequency: 'monthly',
    countryCode: 'FR',
    countryName: 'France',
    maxResultsCount: 100,
  },
  {
    slug: 'shazam-odd-1',
    name: 'Discovery',
    platform: 'shazam',
    frequency: 'quarterly',
    countryCode: 'GB',
    countryName: 'United Kingdom',
    maxResultsCount: 50,
  },
];

export function memoryDatabaseWithCharts(now: () => number = Date.now): AppDatabase {
  const database = openDatabase({ file: ':memory:', now });
  upsertCharts(database, SAMPLE_CHARTS);
  return database;
}
