import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../emulator';
import { SANDBOX_CREDENTIALS } from './soundcharts/auth';
import { resolveConfig, resolveDataDirFrom, type AppConfig, type ConfigFlags } from './config/app-config';
import { DATABASE_FILE_NAME } from './config/data-dir';
import { readSettings } from './config/settings-store';
import { openDatabase } from './db/open-database';
import { Engine } from './engine';
import { seedDemo } from './demo/seed-demo';
import type { WorkerEntry } from './sync/sync-pool';

/** Demo data lives in its own file, so switching credentials on never mixes it with real data. */
export const DEMO_DATABASE_FILE_NAME = 'chart-sync-demo.sqlite';
/** The demo's data is the same on every machine. */
export const DEMO_SEED = 2026;

export type HostedEngine = {
  readonly engine: Engine;
  readonly config: AppConfig;
  /** Running on the built-in emulator because no credentials are configured. */
  readonly demo: boolean;
  close(): Promise<void>;
};

export type HostOptions = {
  version: string;
  flags?: ConfigFlags;
  env?: Readonly<Record<string, string | undefined>>;
  workerEntry?: WorkerEntry;
  onError?: (error: unknown) => void;
};

/**
 * Everything a host needs to run the engine: the configuration (flags, environment, stored settings), the
 * database, and the connection to Soundcharts: the real one when credentials are set, else the built-in
 * emulator on loopback with demo schedules, so the app does something real out of the box.
 */
export async function startHostedEngine(options: HostOptions): Promise<HostedEngine> {
  const flags = options.flags ?? {};
  const env = options.env ?? process.env;
  const credentialsGiven =
    resolveConfig({ ...flags, dataDir: flags.dataDir ?? '.' }, env).credentials !== null;
  const dataDir = resolveDataDirFrom(flags, env);
  const database = openDatabase({
    file: join(dataDir, credentialsGiven ? DATABASE_FILE_NAME : DEMO_DATABASE_FILE_NAME),
  });
  let emulator: RunningEmulator | null = null;
  try {
    const config = resolveConfig(flags, env, readSettings(database));
    if (!config.credentials) emulator = await startEmulator({ seed: DEMO_SEED });
    const engine = new Engine({
      database,
      version: options.version,
      connection: emulator
        ? { baseUrl: emulator.url, credentials: SANDBOX_CREDENTIALS }
        : { baseUrl: config.apiUrl, credentials: config.credentials! },
      rateLimitPerMinute: config.rateLimitPerMinute,
      tickMs: config.tickMs,
      demo: emulator !== null,
      ...(options.workerEntry ? { workerEntry: options.workerEntry } : {}),
      ...(options.onError ? { onError: options.onError } : {}),
    });
    if (emulator) await seedDemo(engine);
    const running = emulator;
    return {
      engine,
      config,
      demo: running !== null,
      close: async () => {
        await engine.close();
        await running?.close();
      },
    };
  } catch (error) {
    database.close();
    await emulator?.close();
    throw error;
  }
}
