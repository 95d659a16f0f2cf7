import { InvalidArgumentError, Option, type Command } from 'commander';
import { ENV, RATE_LIMIT_PER_MINUTE_MAX, type ConfigFlags } from '../engine/config/app-config';

/** The options every command shares, as commander parses them. */
export type GlobalOptions = {
  dataDir?: string;
  apiUrl?: string;
  appId?: string;
  apiKey?: string;
  rateLimit?: number;
};

/** Their names, for the hint when one is given after the command instead of before. */
export const GLOBAL_FLAGS = ['--data-dir', '--api-url', '--app-id', '--api-key', '--rate-limit'] as const;

/**
 * Adds the configuration flags to the program. They override the environment and the stored settings
 * (resolveConfig decides the order); values are checked here as well, so a typo fails with the flag's name.
 */
export function addGlobalOptions(program: Command): Command {
  return program
    .addOption(
      new Option(
        '--data-dir <path>',
        `folder of the database (default: $${ENV.dataDir} or the per-user data folder)`,
      ),
    )
    .addOption(
      new Option(
        '--api-url <url>',
        `Soundcharts API base URL (default: $${ENV.apiUrl} or the settings)`,
      ).argParser(httpUrl),
    )
    .addOption(new Option('--app-id <id>', `Soundcharts app id (default: $${ENV.appId})`))
    .addOption(
      new Option(
        '--api-key <key>',
        `Soundcharts API key (default: $${ENV.apiKey}); prefer that variable or \`chart-sync credentials set\``,
      ),
    )
    .addOption(
      new Option('--rate-limit <perMinute>', 'Soundcharts requests per minute, for the whole app').argParser(
        rateLimit,
      ),
    );
}

/**
 * Under every command's help: a key typed as an option is readable by other users (`ps`, /proc) while the
 * command runs, and stays in the shell's history. Chart Sync hides it from `ps` where it can (Linux), not from
 * the history.
 */
export const API_KEY_HELP = `Credentials: prefer $${ENV.appId} and $${ENV.apiKey} in the environment, or \`chart-sync credentials set\` (kept where only you can read it), over --api-key: a key on the command line stays in the shell's history and, on some systems, shows in \`ps\` while the command runs.`;

export function toConfigFlags(options: GlobalOptions): ConfigFlags {
  const flags: ConfigFlags = {};
  if (options.dataDir !== undefined) flags.dataDir = options.dataDir;
  if (options.apiUrl !== undefined) flags.apiUrl = options.apiUrl;
  if (options.appId !== undefined) flags.appId = options.appId;
  if (options.apiKey !== undefined) flags.apiKey = options.apiKey;
  if (options.rateLimit !== undefined) flags.rateLimitPerMinute = options.rateLimit;
  return flags;
}

function httpUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError('expected an http(s) URL such as https://customer.api.soundcharts.com');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArgumentError(`expected an http(s) URL; "${url.protocol}" is not supported`);
  }
  return value;
}

function rateLimit(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > RATE_LIMIT_PER_MINUTE_MAX) {
    throw new InvalidArgumentError(
      `expected a whole number of requests per minute from 1 to ${RATE_LIMIT_PER_MINUTE_MAX}`,
    );
  }
  return n;
}
