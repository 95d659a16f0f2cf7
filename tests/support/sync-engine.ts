import { eq } from 'drizzle-orm';
import { afterEach } from 'vitest';
import type { RunningEmulator } from '../../electron/emulator';
import { openDatabase } from '../../electron/engine/db/open-database';
import { charts } from '../../electron/engine/db/schema';
import { Engine } from '../../electron/engine/engine';
import { SANDBOX_CREDENTIALS, type Credentials } from '../../electron/engine/soundcharts';
import { FakeClock } from './fake-clock';
import { DEFAULT_QUOTA } from '../../electron/emulator/limits';
import { TEST_TODAY, UNLIMITED_PER_MINUTE, useEmulator } from './emulator';

/** Evening of the emulator's fixed "today": that day's ranking (stamped 12:00) exists. */
export const SYNC_NOW = Date.parse(`${TEST_TODAY}T18:00:00Z`);

/** Request retries in milliseconds instead of seconds, so fault tests stay fast; the policy is the same shape. */
export const FAST_REQUEST_RETRY = { maxRetries: 4, baseDelayMs: 1, maxDelayMs: 20, factor: 2 } as const;

export type TestEngine = {
  engine: Engine;
  clock: FakeClock;
  /** What the scheduler reported: a test expects none. */
  errors: unknown[];
  chartId(where: { slug?: string; frequency?: string }): number;
};

/** An engine on a fresh in-memory database, talking to `emulator` over HTTP, with the catalogue imported. */
export async function startTestEngine(
  emulator: RunningEmulator,
  options: { credentials?: Credentials; file?: string; timeoutMs?: number } = {},
): Promise<TestEngine> {
  const clock = new FakeClock(SYNC_NOW);
  const errors: unknown[] = [];
  const engine = new Engine({
    database: openDatabase({ file: options.file ?? ':memory:', now: clock.nowFn }),
    version: 'test',
    connection: {
      baseUrl: emulator.url,
      credentials: options.credentials ?? SANDBOX_CREDENTIALS,
      timeoutMs: options.timeoutMs ?? 2_000,
      retryPolicy: FAST_REQUEST_RETRY,
    },
    rateLimitPerMinute: UNLIMITED_PER_MINUTE,
    clock: clock.nowFn,
    onError: (error) => errors.push(error),
  });
  await engine.discoverCharts();
  const chartId = (where: { slug?: string; frequency?: string }) => {
    const row = engine.database.db
      .select()
      .from(charts)
      .where(where.slug ? eq(charts.slug, where.slug) : eq(charts.frequency, where.frequency!))
      .get();
    if (!row) throw new Error(`no chart ${JSON.stringify(where)} in the emulator's catalogue`);
    return row.id;
  };
  return { engine, clock, errors, chartId };
}

/**
 * One emulator for the test file and a fresh engine per test: `start()` opens it (in-memory database, catalogue
 * imported); after each test the engine is closed and the emulator's faults and quota are back to normal.
 */
export function useTestEngine(): {
  readonly emulator: { readonly current: RunningEmulator };
  start(options?: Parameters<typeof startTestEngine>[1]): Promise<TestEngine>;
} {
  const emulator = useEmulator();
  let current: TestEngine | null = null;
  afterEach(async () => {
    await current?.engine.close();
    current = null;
    emulator.current.faults.reset();
    emulator.current.quota.setRemaining(DEFAULT_QUOTA);
  });
  return {
    emulator,
    start: async (options = {}) => (current = await startTestEngine(emulator.current, options)),
  };
}

/** A chart's stored snapshots as comparable data: datetime → positions with song and metric. */
export function storedRankings(engine: Engine, chartId: number): Map<string, string[]> {
  const rows = engine.database.sqlite
    .prepare(
      `SELECT r.ranking_datetime AS datetime, e.position, s.uuid, e.metric, e.old_position AS oldPosition
       FROM chart_rankings r JOIN chart_ranking_entries e ON e.ranking_id = r.id JOIN songs s ON s.id = e.song_id
       WHERE r.chart_id = ? ORDER BY r.ranking_datetime, e.position`,
    )
    .all(chartId) as {
    datetime: string;
    position: number;
    uuid: string;
    metric: number | null;
    oldPosition: number;
  }[];
  const result = new Map<string, string[]>();
  for (const row of rows) {
    const list = result.get(row.datetime) ?? [];
    list.push(`${row.position}:${row.uuid}:${row.metric}:${row.oldPosition}`);
    result.set(row.datetime, list);
  }
  return result;
}
