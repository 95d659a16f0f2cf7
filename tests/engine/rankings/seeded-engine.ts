import { afterEach } from 'vitest';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { openDatabase } from '../../../electron/engine/db/open-database';
import { Engine } from '../../../electron/engine/engine';
import { SANDBOX_CREDENTIALS } from '../../../electron/engine/soundcharts';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract/calls';
import type { ErrorShape } from '../../../shared/errors';
import { seedRankings } from './seed-rankings';

/** The day after the seed's newest ranking. */
export const SEEDED_NOW = Date.parse('2026-11-06T12:00:00Z');

export type SeededEngine = {
  engine: Engine;
  charts: { daily: number; weekly: number };
  ok<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  fail(name: string, input: unknown): Promise<ErrorShape>;
};

/**
 * An engine on an in-memory database holding the seed's rankings, for reads only: nothing starts the scheduler
 * or the enrichment runner, and the connection points nowhere, so no test here makes a request.
 */
export function useSeededEngine(): () => SeededEngine {
  let engine: Engine | null = null;
  afterEach(async () => {
    await engine?.close();
    engine = null;
  });
  return () => {
    const database = openDatabase({ file: ':memory:', now: () => SEEDED_NOW });
    const charts = seedRankings(database);
    const current = new Engine({
      database,
      version: 'test',
      connection: { baseUrl: 'http://127.0.0.1:9', credentials: SANDBOX_CREDENTIALS },
      clock: () => SEEDED_NOW,
    });
    engine = current;
    return {
      engine: current,
      charts,
      ok: async (name, input) => {
        const result = await dispatch(current.handlers, name, input);
        if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
        return result.value as never;
      },
      fail: async (name, input) => {
        const result = await dispatch(current.handlers, name, input);
        if (result.ok) throw new Error(`${name} succeeded, a failure was expected`);
        return result.error;
      },
    };
  };
}
