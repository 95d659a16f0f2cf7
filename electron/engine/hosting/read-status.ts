import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppStatus } from '../../../shared/views/app-status';
import { AlertStore } from '../alerts/alert-store';
import { appStatus } from '../api/app-handlers';
import { resolveConfig, resolveDataDirFrom, type AppConfig, type ConfigFlags } from '../config/app-config';
import { DATABASE_FILE_NAME, DEMO_DATABASE_FILE_NAME } from '../config/data-dir';
import { readSettings } from '../config/settings-store';
import type { CredentialVault } from '../credentials/credential-vault';
import { openDatabase } from '../db/open-database';

/** In demo mode without a running host there is no emulator to name: its address is only "on loopback". */
export const DEMO_STATUS_API_URL = 'http://127.0.0.1';

export type StatusSnapshot = { status: AppStatus; config: AppConfig; demo: boolean };

export type ReadStatusOptions = {
  version: string;
  flags: ConfigFlags;
  env: Readonly<Record<string, string | undefined>>;
  vault: CredentialVault;
  now?: () => number;
};

/**
 * app/status as a host would answer it, read without starting one: the same configuration (flags, environment,
 * saved credentials, stored settings), the same database (demo or real, migrated), the same query. What a host
 * adds (the emulator, the services, the sync pool) changes none of it, and loading it is most of a command's
 * start-up (docs/benchmarks.md, goal 3). Null when the database does not exist yet, or is an empty demo one:
 * a host creates and seeds it (startHostedEngine), so that first status must come from one.
 */
export function readStatusSnapshot(options: ReadStatusOptions): StatusSnapshot | null {
  const { flags, env, vault } = options;
  let saved: { value: ReturnType<CredentialVault['read']> } | null = null;
  const savedOnce = () => (saved ??= { value: vault.read() }).value;
  const demo = resolveConfig(flags, env, {}, savedOnce).credentials === null;
  const file = join(resolveDataDirFrom(flags, env), demo ? DEMO_DATABASE_FILE_NAME : DATABASE_FILE_NAME);
  if (!existsSync(file)) return null;
  const database = openDatabase({ file });
  try {
    const config = resolveConfig(flags, env, readSettings(database), savedOnce);
    const status = appStatus({
      version: options.version,
      demo,
      apiUrl: demo ? DEMO_STATUS_API_URL : config.apiUrl,
      database,
      alerts: new AlertStore(database),
      now: options.now ?? Date.now,
    });
    if (demo && status.charts === 0) return null;
    return { status, config, demo };
  } finally {
    database.close();
  }
}
