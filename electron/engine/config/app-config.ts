import { z } from 'zod';
import {
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  DEFAULT_SCHEDULER_TICK_MS,
  RATE_LIMIT_PER_MINUTE_MAX,
} from '../../../shared/domain/policies';
import { ChartSyncError } from '../../../shared/errors';
import { settingsFields } from '../../../shared/schemas/settings-input';
import type { ConfigSource, CredentialSource } from '../../../shared/views/connection';
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
  apiUrlSource: ConfigSource;
  /** null: no credentials anywhere, so the app runs on the built-in emulator's demo data. */
  credentials: Credentials | null;
  credentialSource: CredentialSource;
  rateLimitPerMinute: number;
  rateLimitSource: ConfigSource;
  tickMs: number;
};

/** The credentials the operator saved (the host's vault), read only when no flag or variable gives some. */
export type SavedCredentials = () => Credentials | null;

type Environment = Readonly<Record<string, string | undefined>>;

/** The environment variables of the original system, and where the database lives. */
export const ENV = {
  dataDir: 'CHART_SYNC_DATA_DIR',
  apiUrl: 'SOUNDCHARTS_API_URL',
  appId: 'SOUNDCHARTS_APP_ID',
  apiKey: 'SOUNDCHARTS_API_KEY',
  /** An OAuth client instead of an app id and key (client credentials grant). */
  clientId: 'SOUNDCHARTS_CLIENT_ID',
  clientSecret: 'SOUNDCHARTS_CLIENT_SECRET',
  teamId: 'SOUNDCHARTS_TEAM_ID',
  /** Requests a minute for the whole app, as --rate-limit. */
  rateLimit: 'CHART_SYNC_RATE_LIMIT',
  /** The headless host's port, for `npm start`, which passes no options to `serve`. */
  port: 'CHART_SYNC_PORT',
} as const;

const present = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** Where the database lives: needed before the settings in it can be read. */
export function resolveDataDirFrom(flags: ConfigFlags, env: Environment = process.env): string {
  return present(flags.dataDir) ?? resolveDataDir(env);
}

/**
 * Every host's configuration: flags over environment variables over what the operator saved (settings in the
 * database, credentials in the host's vault) over defaults, so one binary can point at the real API, the
 * sandbox or any compatible server; each value says where it came from. Bad values are refused with the name
 * of the setting and where it came from.
 */
export function resolveConfig(
  flags: ConfigFlags,
  env: Environment = process.env,
  stored: StoredSettings = {},
  saved: SavedCredentials = () => null,
): AppConfig {
  const fromEnv = parseSource('environment', {
    apiUrl: present(env[ENV.apiUrl]),
    rateLimitPerMinute: wholeNumber(present(env[ENV.rateLimit])),
  });
  const fromFlags = parseSource('command line', {
    apiUrl: flags.apiUrl,
    rateLimitPerMinute: flags.rateLimitPerMinute,
    tickMs: flags.tickMs,
  });
  const fromSettings = parseSource('settings', stored);
  const apiUrl = firstOf(fromFlags.apiUrl, fromEnv.apiUrl, fromSettings.apiUrl, DEFAULT_BASE_URL);
  const rateLimit = firstOf(
    fromFlags.rateLimitPerMinute,
    fromEnv.rateLimitPerMinute,
    fromSettings.rateLimitPerMinute,
    DEFAULT_RATE_LIMIT_PER_MINUTE,
  );
  const credentials = resolveCredentials(flags, env, saved);
  return {
    dataDir: resolveDataDirFrom(flags, env),
    apiUrl: apiUrl.value,
    apiUrlSource: apiUrl.source,
    credentials: credentials.credentials,
    credentialSource: credentials.source,
    rateLimitPerMinute: rateLimit.value,
    rateLimitSource: rateLimit.source,
    tickMs: fromFlags.tickMs ?? fromSettings.tickMs ?? DEFAULT_SCHEDULER_TICK_MS,
  };
}

/** Flags, then the environment (an app id and key, else an OAuth client), then the vault, else none (demo). */
function resolveCredentials(
  flags: ConfigFlags,
  env: Environment,
  saved: SavedCredentials,
): { credentials: Credentials | null; source: CredentialSource } {
  const flagId = present(flags.appId);
  const flagKey = present(flags.apiKey);
  if (flagId || flagKey) {
    if (!flagId || !flagKey) throw halfSet('--app-id and --api-key');
    return { credentials: { kind: 'api-key', appId: flagId, apiKey: flagKey }, source: 'command line' };
  }
  const appId = present(env[ENV.appId]);
  const apiKey = present(env[ENV.apiKey]);
  if (appId || apiKey) {
    if (!appId || !apiKey) throw halfSet(`${ENV.appId} and ${ENV.apiKey}`);
    return { credentials: { kind: 'api-key', appId, apiKey }, source: 'environment' };
  }
  const clientId = present(env[ENV.clientId]);
  const clientSecret = present(env[ENV.clientSecret]);
  if (clientId || clientSecret) {
    if (!clientId || !clientSecret) throw halfSet(`${ENV.clientId} and ${ENV.clientSecret}`);
    const teamId = present(env[ENV.teamId]);
    return {
      credentials: { kind: 'oauth', clientId, clientSecret, ...(teamId ? { teamId } : {}) },
      source: 'environment',
    };
  }
  const stored = saved();
  return stored ? { credentials: stored, source: 'saved' } : { credentials: null, source: 'none' };
}

function halfSet(pair: string): ChartSyncError {
  return new ChartSyncError('invalid_input', `Soundcharts credentials need both ${pair}; only one is set.`);
}

/** The first value given, with where it came from (the order is the sources' strength). */
function firstOf<T>(
  flag: T | undefined,
  environment: T | undefined,
  settings: T | undefined,
  fallback: T,
): { value: T; source: ConfigSource } {
  if (flag !== undefined) return { value: flag, source: 'command line' };
  if (environment !== undefined) return { value: environment, source: 'environment' };
  if (settings !== undefined) return { value: settings, source: 'settings' };
  return { value: fallback, source: 'default' };
}

/** An environment variable's number as typed: anything else goes to the schema, whose message names it. */
function wholeNumber(text: string | undefined): number | string | undefined {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : text;
}

function parseSource(source: string, values: Record<string, unknown>): StoredSettings {
  const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  const result = storedSettingsSchema.safeParse(defined);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new ChartSyncError('invalid_input', `Invalid configuration from the ${source}: ${problems}`);
}
