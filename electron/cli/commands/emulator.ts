import { InvalidArgumentError, type Command } from 'commander';
import { z } from 'zod';
import { ChartSyncError } from '../../../shared/errors';
import { startEmulator, TRIGGERED_FAULTS, type EmulatorOptions, type FaultsConfig } from '../../emulator';
import { portArgument, schemaArgument } from './argument-parsers';

/** A DNS name is at most 253 characters: anything longer cannot be an address to listen on. */
const hostName = z
  .string()
  .trim()
  .min(1, 'expected an address such as 127.0.0.1')
  .max(253, 'expected an address such as 127.0.0.1');

/**
 * `chart-sync emulator`: the built-in Soundcharts emulator as a standalone server, for the demo mode, for
 * pointing a development build at, and for trying the client by hand.
 */

export const DEFAULT_EMULATOR_PORT = 8765;

export type EmulatorCommandIo = {
  print(line: string): void;
  /** Resolves when the emulator should stop (SIGINT/SIGTERM by default). */
  waitForStop(): Promise<void>;
};

const processIo: EmulatorCommandIo = {
  print: (line) => process.stdout.write(`${line}\n`),
  waitForStop: () =>
    new Promise((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    }),
};

type RawOptions = {
  port: number;
  host: string;
  seed: string;
  today?: string;
  appId?: string;
  apiKey?: string;
  sandbox: boolean;
  tokenLifetime?: number;
  quota?: number;
  rateLimitPerMinute?: number;
  latency?: { minMs: number; maxMs: number };
  rateLimitFaults?: number;
  rateLimitReset: number;
  quotaExhausted?: boolean;
  serverErrors?: number;
  serverErrorStatus: number;
  timeouts?: number;
  resets?: number;
  malformed?: number;
  truncated?: number;
  wrongTotal?: number;
  duplicatePositions?: number;
  faultsAfter?: number;
  unauthorized?: number;
  forbidden?: number;
  shuffleDates?: boolean;
  offsets?: number | true;
  verbose?: boolean;
};

export function registerEmulatorCommand(program: Command, io: EmulatorCommandIo = processIo): void {
  program
    .command('emulator')
    .description('Run the built-in Soundcharts emulator (deterministic data, optional faults) on 127.0.0.1')
    .option('--port <n>', 'port to listen on (0 = any free port)', portArgument, DEFAULT_EMULATOR_PORT)
    .option('--host <host>', 'address to listen on', schemaArgument('--host', hostName), '127.0.0.1')
    .option('--seed <s>', 'seed of the generated data and faults', '1')
    .option(
      '--today <date>',
      'last day of the data, YYYY-MM-DD (default: the current UTC date)',
      calendarDate,
    )
    .option('--app-id <id>', 'accept this x-app-id (with --api-key) besides the sandbox pair')
    .option('--api-key <key>', 'accept this x-api-key (with --app-id)')
    .option('--no-sandbox', 'refuse the public sandbox credentials (soundcharts / soundcharts)')
    .option('--token-lifetime <seconds>', 'lifetime of OAuth tokens', integer)
    .option('--quota <n>', 'remaining quota at start', integer)
    .option('--rate-limit-per-minute <n>', 'enforce a per-minute request limit', integer)
    .option('--latency <ms>', 'response latency in ms, a value or a range like 20-80', latencyRange)
    .option('--rate-limit-faults <p>', 'probability of a rate-limit 429', probability)
    .option('--rate-limit-reset <seconds>', 'x-ratelimit-reset of injected 429s', integer, 1)
    .option('--quota-exhausted', 'answer every billable request with the quota 429')
    .option('--server-errors <p>', 'probability of a 5xx', probability)
    .option(
      '--server-error-status <code>',
      `status of injected 5xx (${SERVER_ERROR_STATUSES.join(', ')})`,
      serverErrorStatus,
      503,
    )
    .option('--timeouts <p>', 'probability of never answering', probability)
    .option('--resets <p>', 'probability of resetting the connection', probability)
    .option('--malformed <p>', 'probability of a 200 whose JSON stops halfway', probability)
    .option(
      '--truncated <p>',
      'probability of a 200 that closes before its Content-Length arrives',
      probability,
    )
    .option(
      '--wrong-total <p>',
      'probability of a ranking page whose page.total is one too many',
      probability,
    )
    .option('--duplicate-positions <p>', 'probability of a ranking page that repeats a position', probability)
    .option('--faults-after <n>', 'inject each fault only after the first n requests it applies to', integer)
    .option('--unauthorized <p>', 'probability of a 401 despite good credentials', probability)
    .option('--forbidden <p>', 'probability of a 403 (endpoint not in plan)', probability)
    .option('--shuffle-dates', 'list available ranking dates in random order')
    .option('--offsets [days]', 'stamp datetimes older than [days] (default 365) with +01:00/+02:00', integer)
    .option('--verbose', 'log every request')
    .action(async (raw: RawOptions) => {
      if ((raw.appId === undefined) !== (raw.apiKey === undefined)) {
        // A ChartSyncError, not commander's InvalidArgumentError: thrown from an action, commander prints nothing
        // of that one, and the command exited 1 without a word.
        throw new ChartSyncError('invalid_input', '--app-id and --api-key go together.');
      }
      const emulator = await startEmulator(toEmulatorOptions(raw, io)).catch((error: unknown) => {
        throw listenProblem(error, raw) ?? error;
      });
      io.print(`Soundcharts emulator listening on ${emulator.url} (seed ${emulator.seed})`);
      for (const pair of emulator.credentials)
        io.print(`  accepts x-app-id: ${pair.appId}  x-api-key: ${pair.apiKey}`);
      io.print(`  OAuth token URL: ${emulator.tokenUrl} (client id/secret: the same pairs)`);
      io.print(
        `  try: curl -H 'x-app-id: ${emulator.credentials[0]?.appId ?? '…'}' -H 'x-api-key: ${emulator.credentials[0]?.apiKey ?? '…'}' ${emulator.url}/api/v2.14/chart/song/global-28/ranking/latest`,
      );
      await io.waitForStop();
      await emulator.close();
      io.print('Soundcharts emulator stopped');
    });
}

function toEmulatorOptions(raw: RawOptions, io: EmulatorCommandIo): EmulatorOptions {
  const faults: FaultsConfig = {};
  if (raw.latency) faults.latency = raw.latency;
  if (raw.rateLimitFaults !== undefined) {
    faults.rateLimit = { probability: raw.rateLimitFaults, resetSeconds: raw.rateLimitReset };
  }
  if (raw.quotaExhausted) faults.quotaExhausted = {};
  if (raw.serverErrors !== undefined) {
    faults.serverError = { probability: raw.serverErrors, status: raw.serverErrorStatus };
  }
  if (raw.timeouts !== undefined) faults.timeout = { probability: raw.timeouts };
  if (raw.resets !== undefined) faults.connectionReset = { probability: raw.resets };
  if (raw.malformed !== undefined) faults.malformedJson = { probability: raw.malformed };
  if (raw.truncated !== undefined) faults.truncatedBody = { probability: raw.truncated };
  if (raw.wrongTotal !== undefined) faults.wrongTotal = { probability: raw.wrongTotal, match: RANKING_PATH };
  if (raw.duplicatePositions !== undefined) {
    faults.duplicatePositions = { probability: raw.duplicatePositions, match: RANKING_PATH };
  }
  if (raw.unauthorized !== undefined) faults.unauthorized = { probability: raw.unauthorized };
  if (raw.forbidden !== undefined) faults.forbidden = { probability: raw.forbidden };
  if (raw.faultsAfter !== undefined) {
    if (!TRIGGERED_FAULTS.some((name) => faults[name])) {
      throw new ChartSyncError(
        'invalid_input',
        '--faults-after delays the faults asked for: add one, e.g. --server-errors 0.1 or --truncated 0.3.',
      );
    }
    delayTriggers(faults, raw.faultsAfter);
  }
  if (raw.shuffleDates) faults.shuffledDates = true;
  if (raw.offsets !== undefined)
    faults.offsets = raw.offsets === true ? true : { olderThanDays: raw.offsets };
  return {
    port: raw.port,
    host: raw.host,
    seed: raw.seed,
    acceptSandbox: raw.sandbox,
    faults,
    ...(raw.today === undefined ? {} : { today: raw.today }),
    ...(raw.appId !== undefined && raw.apiKey !== undefined
      ? { credentials: [{ appId: raw.appId, apiKey: raw.apiKey }] }
      : {}),
    ...(raw.tokenLifetime === undefined ? {} : { tokenLifetimeSeconds: raw.tokenLifetime }),
    ...(raw.quota === undefined ? {} : { quota: raw.quota }),
    ...(raw.rateLimitPerMinute === undefined ? {} : { rateLimitPerMinute: raw.rateLimitPerMinute }),
    ...(raw.verbose ? { log: io.print } : {}),
  };
}

/** The page faults spoil rankings only: the date list and the song calls stay whole, as in the chaos suite. */
const RANKING_PATH = '/ranking/';

/** A fault "mid-run": each trigger lets its first `after` matching requests through. */
function delayTriggers(faults: FaultsConfig, after: number): void {
  for (const name of TRIGGERED_FAULTS) {
    const trigger = faults[name];
    if (trigger) faults[name] = { ...trigger, after };
  }
}

/** The statuses a real API gateway sends for a transient failure: the ones the client must retry. */
const SERVER_ERROR_STATUSES = [500, 502, 503, 504] as const;

function serverErrorStatus(value: string): number {
  const status = Number(value);
  if (!(SERVER_ERROR_STATUSES as readonly number[]).includes(status)) {
    throw new InvalidArgumentError(`expected one of ${SERVER_ERROR_STATUSES.join(', ')}`);
  }
  return status;
}

/** Why the emulator could not listen, in the operator's words; null for anything else. */
function listenProblem(error: unknown, raw: RawOptions): ChartSyncError | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const where = `${raw.host} port ${raw.port}`;
  const problem =
    code === 'EADDRINUSE'
      ? `port ${raw.port} on ${raw.host} is already in use: choose another with --port, or --port 0 for any free one.`
      : code === 'EACCES'
        ? `${where} needs privileges this user lacks: choose a port above 1023 with --port.`
        : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
          ? `--host ${JSON.stringify(raw.host)} does not resolve to an address of this machine: use 127.0.0.1.`
          : code === 'EADDRNOTAVAIL'
            ? `--host ${JSON.stringify(raw.host)} is not an address of this machine: use 127.0.0.1.`
            : null;
  return problem === null
    ? null
    : new ChartSyncError('invalid_input', `The emulator cannot listen on ${where}: ${problem}`);
}

function integer(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a non-negative integer');
  return Number(value);
}

function probability(value: string): number {
  const p = Number(value);
  if (!Number.isFinite(p) || p < 0 || p > 1)
    throw new InvalidArgumentError('expected a probability between 0 and 1');
  return p;
}

function latencyRange(value: string): { minMs: number; maxMs: number } {
  const match = /^(\d+)(?:-(\d+))?$/.exec(value);
  if (!match) throw new InvalidArgumentError('expected milliseconds, e.g. 50 or 20-80');
  const minMs = Number(match[1]);
  const maxMs = Number(match[2] ?? match[1]);
  if (maxMs < minMs) throw new InvalidArgumentError('the range must go from low to high');
  return { minMs, maxMs };
}

function calendarDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  }
  return value;
}
