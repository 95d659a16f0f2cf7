import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../electron/emulator';
import { startServer, type RunningServer } from '../../../electron/engine/server';
import { dispatch } from '../../../electron/engine/api/dispatch';
import type { ApiKeyCredentials } from '../../../electron/engine/soundcharts';
import type { CallName } from '../../../shared/contract/call-names';
import { makeRendererDir } from '../../engine/server/support';
import { TEST_SEED, TEST_TODAY } from '../../support/emulator';
import { startTestEngine, type TestEngine } from '../../support/sync-engine';
import { PLANTED_API_KEY, PLANTED_APP_ID } from './planted-key';

export const PLANTED_CREDENTIALS: ApiKeyCredentials = {
  kind: 'api-key',
  appId: PLANTED_APP_ID,
  apiKey: PLANTED_API_KEY,
};

/**
 * A real engine (in-memory database, catalogue imported) on an emulator that accepts only the planted
 * credentials, with a little of everything stored (schedules, one synced period, a webhook), so fuzzed ids and
 * references land on real rows as well as missing ones. One per file: the fuzz proves the data does not change.
 */
export function useFuzzEngine(options: { onDisk?: boolean } = {}): {
  readonly current: TestEngine;
  readonly emulator: RunningEmulator;
  /** The folder of the database file, with `onDisk` (exports need a file; in memory otherwise). */
  readonly dataDir: string | null;
} {
  let emulator: RunningEmulator | null = null;
  let dataDir: string | null = null;
  let test: TestEngine | null = null;
  beforeAll(async () => {
    emulator = await startEmulator({
      seed: TEST_SEED,
      today: TEST_TODAY,
      acceptSandbox: false,
      credentials: [{ appId: PLANTED_APP_ID, apiKey: PLANTED_API_KEY }],
    });
    if (options.onDisk) dataDir = mkdtempSync(join(tmpdir(), 'chart-sync-fuzz-'));
    test = await startTestEngine(emulator, {
      credentials: PLANTED_CREDENTIALS,
      ...(dataDir ? { file: join(dataDir, 'chart-sync.sqlite') } : {}),
    });
    const { handlers } = test.engine;
    const daily = test.chartId({ frequency: 'daily' });
    const weekly = test.chartId({ frequency: 'weekly' });
    const call = async (name: CallName, input: unknown) => {
      const result = await dispatch(handlers, name, input);
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    };
    await call('schedules/create', {
      chartId: daily,
      syncFrequency: 'daily',
      historyWindowDays: 3,
      syncImmediately: false,
    });
    await call('schedules/create', {
      chartId: weekly,
      syncFrequency: 'cron',
      cronExpression: '0 6 * * 1',
      timeZone: 'Europe/Paris',
      syncImmediately: false,
    });
    await call('webhooks/create', {
      url: 'http://127.0.0.1:9/hook',
      events: ['execution.failed'],
      secret: 'fuzz-secret-0123456789abcdef',
    });
  }, 60_000);
  afterAll(async () => {
    await test?.engine.close();
    await emulator?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get current() {
      return test!;
    },
    get emulator() {
      return emulator!;
    },
    get dataDir() {
      return dataDir;
    },
  };
}

export type InternalError = { error: unknown; where: string };

/**
 * The headless host's REST API and WebSocket on the file's fuzz engine (from its own beforeAll, after the
 * engine's), closed after the file; `internal` collects every error a client only saw as "internal".
 */
export function useFuzzHost(fuzz: { readonly current: TestEngine }): {
  readonly server: RunningServer;
  readonly rendererDir: string;
  readonly internal: InternalError[];
} {
  const internal: InternalError[] = [];
  let server: RunningServer | null = null;
  let renderer: ReturnType<typeof makeRendererDir> | null = null;
  beforeAll(async () => {
    renderer = makeRendererDir();
    server = await startServer({
      engine: fuzz.current.engine,
      port: 0,
      rendererDir: renderer.rendererDir,
      onInternalError: (error, where) => internal.push({ error, where }),
    });
  });
  afterAll(async () => {
    await server?.close();
    renderer?.cleanup();
  });
  return {
    get server() {
      return server!;
    },
    get rendererDir() {
      return renderer!.rendererDir;
    },
    internal,
  };
}
