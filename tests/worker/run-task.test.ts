import { describe, expect, it } from 'vitest';
import { createMeterState, createQuotaState, createRateLimitState } from '../../electron/engine/soundcharts';
import { clientCache } from '../../electron/worker/clients';
import type { Connection, FetchRankingTask } from '../../electron/worker/protocol';
import { runTask } from '../../electron/worker/run-task';
import { UNLIMITED_PER_MINUTE, useEmulator } from '../support/emulator';

const emulator = useEmulator();

function task(
  connection: Partial<Connection>,
  slug: string,
  datetime: string | null = null,
): FetchRankingTask {
  return {
    kind: 'fetch-ranking',
    connection: {
      baseUrl: emulator.current.url,
      credentials: { kind: 'api-key', appId: 'soundcharts', apiKey: 'soundcharts' },
      timeoutMs: 2_000,
      ...connection,
    },
    slug,
    datetime,
  };
}

describe('worker task: fetch-ranking', () => {
  const clientFor = clientCache({
    rateLimitState: createRateLimitState(UNLIMITED_PER_MINUTE),
    quotaState: createQuotaState(),
    meterState: createMeterState(),
  });

  it('returns the complete snapshot, every page merged', async () => {
    const outcome = await runTask(task({}, 'global-28'), clientFor);
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value.entries).toHaveLength(200);
    expect(outcome.value.total).toBe(200);
    expect(outcome.value.pages).toBe(2);
    expect(outcome.value.entries.map((e) => e.position)).toEqual(
      Array.from({ length: 200 }, (_, i) => i + 1),
    );
  });

  it('fetches the ranking at a datetime the API listed', async () => {
    const latest = await runTask(task({}, 'global-28'), clientFor);
    if (!latest.ok) throw new Error(latest.error.message);
    const again = await runTask(task({}, 'global-28', latest.value.datetime), clientFor);
    expect(again).toMatchObject({ ok: true, value: { datetime: latest.value.datetime, total: 200 } });
  });

  it.each([
    { name: 'an unknown chart', connection: {}, slug: 'no-such-chart', code: 'not_found', retryable: false },
    {
      name: 'wrong credentials',
      connection: { credentials: { kind: 'api-key' as const, appId: 'someone', apiKey: 'wrong' } },
      slug: 'global-28',
      code: 'auth',
      retryable: false,
    },
  ])('reports $name as data with its error code', async ({ connection, slug, code, retryable }) => {
    const outcome = await runTask(task(connection, slug), clientFor);
    expect(outcome).toMatchObject({ ok: false, error: { code, retryable, message: expect.any(String) } });
  });

  it('reuses one client per connection within a thread', () => {
    const connection = task({}, 'global-28').connection;
    expect(clientFor(connection)).toBe(clientFor({ ...connection }));
    expect(clientFor(connection)).not.toBe(clientFor({ ...connection, timeoutMs: 5_000 }));
  });
});
