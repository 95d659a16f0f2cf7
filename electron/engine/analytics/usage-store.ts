import type { Statement } from 'better-sqlite3';
import { API_REQUEST_KINDS } from '../../../shared/domain/api-usage';
import { HOUR_MS } from '../../../shared/domain/policies';
import type { AppDatabase } from '../db/open-database';
import type { RequestCounts } from '../soundcharts/request-meter';
import { preparedPer } from '../db/prepared';

type Statements = {
  addUsage: Statement<{ hourStart: number; kind: string; requests: number }>;
  sample: Statement<{ at: number; remaining: number; quotaLimit: number | null }>;
  latestLimit: Statement<[], { quota_limit: number }>;
  latestSample: Statement<[], { at: number; remaining: number; quota_limit: number | null }>;
};

const prepared = preparedPer((database: AppDatabase): Statements => {
  const { sqlite } = database;
  return {
    // Every process adds its own counts to the hour's row: the sums are the machine's.
    addUsage: sqlite.prepare(`
      INSERT INTO api_usage_hourly (hour_start, kind, requests) VALUES (@hourStart, @kind, @requests)
      ON CONFLICT (hour_start, kind) DO UPDATE SET requests = requests + excluded.requests`),
    sample: sqlite.prepare(`
      INSERT INTO quota_samples (at, remaining, quota_limit) VALUES (@at, @remaining, @quotaLimit)
      ON CONFLICT (at) DO UPDATE SET remaining = MIN(remaining, excluded.remaining),
        quota_limit = COALESCE(excluded.quota_limit, quota_limit)`),
    latestLimit: sqlite.prepare(
      'SELECT quota_limit FROM quota_samples WHERE quota_limit IS NOT NULL ORDER BY at DESC LIMIT 1',
    ),
    latestSample: sqlite.prepare(
      'SELECT at, remaining, quota_limit FROM quota_samples ORDER BY at DESC LIMIT 1',
    ),
  };
});

/** The UTC hour an instant falls in (epoch ms of its start): api_usage_hourly's key. */
export function hourStartOf(instant: number): number {
  return Math.floor(instant / HOUR_MS) * HOUR_MS;
}

/** Adds request counts to the hour holding `at`, in one transaction. */
export function addUsage(database: AppDatabase, counts: RequestCounts, at: number): void {
  // An idle host flushes every USAGE_FLUSH_INTERVAL_MS: nothing sent, no transaction (goal 7 of issue 12).
  if (!API_REQUEST_KINDS.some((kind) => counts[kind] > 0)) return;
  const { addUsage: add } = prepared(database);
  const hourStart = hourStartOf(at);
  database.sqlite.transaction(() => {
    for (const kind of API_REQUEST_KINDS) {
      if (counts[kind] > 0) add.run({ hourStart, kind, requests: counts[kind] });
    }
  })();
}

export function addQuotaSample(
  database: AppDatabase,
  sample: { at: number; remaining: number; quotaLimit: number | null },
): void {
  prepared(database).sample.run(sample);
}

/** The plan's quota size as team/usage last told it; null when it never did. */
export function latestQuotaLimit(database: AppDatabase): number | null {
  return prepared(database).latestLimit.get()?.quota_limit ?? null;
}

/** The newest quota sample: what the planner starts from when this process has not seen the quota itself. */
export function latestQuotaSample(
  database: AppDatabase,
): { at: number; remaining: number; quotaLimit: number | null } | null {
  const row = prepared(database).latestSample.get();
  return row ? { at: row.at, remaining: row.remaining, quotaLimit: row.quota_limit } : null;
}
