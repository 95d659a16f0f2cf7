import { z } from 'zod';
import {
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  DEFAULT_SCHEDULER_TICK_MS,
  RATE_LIMIT_PER_MINUTE_MAX,
} from '../../../shared/domain/policies';
import { ChartSyncError } from '../../../shared/errors';
import { settingsFields } from '../../../shared/schemas/settings-input';
import type { Credentials } from '../soundcharts/auth';
import { DEFAULT_BASE_URL } from '../soundcharts/endpoints';
import { resolveDataDir } from './data-dir';

export { RATE_LIMIT_PER_MINUTE_MAX };
/** The scheduler's safety-net tick: at least a minute, at most a day. */
const TICK_MS_MIN = 60_000;
const TICK_MS_MAX = 24 * 3_600_000;

/**
 * Settings an operator may keep in the database: what the Settings screen changes (one definition with its
 * input, shared/schemas/settings-input) and the scheduler's tick. Never secrets: those live in the host's vault
 * (credentials/) or the environment.
 */
export const storedSettingsSchema = z
  .object({ ...settingsFields, tickMs: z.number().int().min(TICK_MS_MIN).max(TICK_MS_MAX) })
  .partial();
export type StoredSettings = z.infer<typeof storedSettingsSchema>;

export type ConfigFlags = StoredSettings & { dataDir?: string; appId?: string; apiKey?: string };

export type AppConfig = {
  dataDir: string;
  apiUrl: string;
  /** null: no credentials anywhere, so the app runs on the built-in emulator's demo data. */
  credentials: Credentials | null;
  rateLimitPerMinute: number;
  tickMs: number;
};

type Environment = Readonly<Record<string, string | undefined>>;

/** The environment variables of the original system, and where the database lives. */
export const ENV = {
  dataDir: 'CHART_SYNC_DATA_DIR',
  apiUrl: 'SOUNDCHARTS_API_URL',
  appId: 'SOUNDCHARTS_APP_ID',
  apiKey: 'SOUNDCHARTS_API_KEY',
  /** The headless host's port, for `npm start`, which passes no options to `serve`. */
  port: 'CHART_SYNC_PORT',
} as const;

const present = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** Where the database lives: needed before the settings in it can be read. */
export function resolveDataDirFrom(flags: ConfigFlags, env: Environment = process.env): string {
  return present(flags.dataDir) ?? resolveDataDir(env);
}

/**
 * Every host's configuration: flags over environment variables over stored settings over defaults, so one
 * binary can point at the real API, the sandbox or any compatible server. Bad values are refused with the
 * name of the setting and where it came from.
 */
export function resolveConfig(
  flags: ConfigFlags,
  env: Environment = process.env,
  stored: StoredSettings = {},
): AppConfig {
  const fromEnv = parseSource('environment', { apiUrl: present(env[ENV.apiUrl]) });
  const fromFlags = parseSource('command line', {
    apiUrl: flags.apiUrl,
    rateLimitPerMinute: flags.rateLimitPerMinute,
    tickMs: flags.tickMs,
  });
  const fromSettings = parseSource('settings', stored);
  const appId = present(flags.appId) ?? present(env[ENV.appId]);
  const apiKey = present(flags.apiKey) ?? present(env[ENV.apiKey]);
  if (Boolean(appId) !== Boolean(apiKey)) {
    throw new ChartSyncError(
      'invalid_input',
      `Soundcharts credentials need both ${ENV.appId} and ${ENV.apiKey} (or --app-id and --api-key); only one is set.`,
    );
  }
  return {
    dataDir: resolveDataDirFrom(flags, env),
    apiUrl: fromFlags.apiUrl ?? fromEnv.apiUrl ?? fromSettings.apiUrl ?? DEFAULT_BASE_URL,
    credentials: appId && apiKey ? { kind: 'api-key', appId, apiKey } : null,
    rateLimitPerMinute:
      fromFlags.rateLimitPerMinute ?? fromSettings.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
    tickMs: fromFlags.tickMs ?? fromSettings.tickMs ?? DEFAULT_SCHEDULER_TICK_MS,
  };
}

function parseSource(source: string, values: Record<string, unknown>): StoredSettings {
  const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  const result = storedSettingsSchema.safeParse(defined);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new ChartSyncError('invalid_input', `Invalid configuration from the ${source}: ${problems}`);
}
