import { Command, CommanderError } from 'commander';
import { ChartSyncError, storageErrorShape } from '../../shared/errors';
import { isSoundchartsError } from '../engine/soundcharts/errors';
import { addGlobalOptions, API_KEY_HELP, GLOBAL_FLAGS } from './global-options';
import { shortenQuotedValues } from './error-output';
import { CommandExit } from './output';
import { readPackageVersion } from './package-version';

/** After a usage error, a pointer to the help rather than the whole help text. */
const HELP_HINT = '(add --help for usage)';

type Register = (program: Command) => void;

/**
 * Every command module, in the order of the help, with the top-level commands it registers. Loaded on demand:
 * a command's module pulls in what it needs (the engine, the server, the exporters…), so `chart-sync status`
 * loads only status.ts and its imports, not serve's or export's (tests/cli/lazy-commands.test.ts checks the names).
 */
export const COMMAND_MODULES: readonly { names: readonly string[]; load: () => Promise<Register> }[] = [
  { names: ['process'], load: async () => (await import('./commands/process')).registerProcessCommand },
  { names: ['sync'], load: async () => (await import('./commands/sync')).registerSyncCommand },
  { names: ['schedules'], load: async () => (await import('./commands/schedules')).registerSchedulesCommand },
  { names: ['charts'], load: async () => (await import('./commands/charts')).registerChartsCommand },
  { names: ['status'], load: async () => (await import('./commands/status')).registerStatusCommand },
  { names: ['webhooks'], load: async () => (await import('./commands/webhooks')).registerWebhooksCommand },
  { names: ['alerts'], load: async () => (await import('./commands/alerts')).registerAlertsCommand },
  { names: ['settings'], load: async () => (await import('./commands/settings')).registerSettingsCommand },
  {
    names: ['credentials'],
    load: async () => (await import('./commands/credentials')).registerCredentialsCommand,
  },
  {
    names: ['prune', 'audit'],
    load: async () => (await import('./commands/history')).registerHistoryCommands,
  },
  {
    names: ['analytics', 'quota'],
    load: async () => (await import('./commands/analytics')).registerAnalyticsCommands,
  },
  {
    names: ['export', 'exports'],
    load: async () => (await import('./commands/export')).registerExportCommands,
  },
  { names: ['ranking'], load: async () => (await import('./commands/ranking')).registerRankingCommand },
  { names: ['song', 'songs'], load: async () => (await import('./commands/songs')).registerSongCommands },
  { names: ['serve'], load: async () => (await import('./commands/serve')).registerServeCommand },
  { names: ['emulator'], load: async () => (await import('./commands/emulator')).registerEmulatorCommand },
];

/**
 * The program with the commands `argv` can reach: only the named command's module when argv names one, every
 * module otherwise (the help, `help <command>`, a misspelt command, which commander then explains).
 */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = addGlobalOptions(
    new Command()
      .name('chart-sync')
      .description('Chart Sync: a local copy of the Soundcharts chart rankings you follow.')
      .version(readPackageVersion()),
  )
    // Global options go before the command: `emulator` has --app-id/--api-key of its own, which the
    // program must not take from it.
    .enablePositionalOptions()
    .addHelpText('afterAll', `\n${API_KEY_HELP}`)
    .showHelpAfterError(HELP_HINT)
    .configureOutput({ outputError: (text, write) => write(shortenQuotedValues(text)) })
    .exitOverride();
  const name = commandName(argv.slice(2));
  const named = COMMAND_MODULES.find((module) => name !== null && module.names.includes(name));
  for (const register of await Promise.all((named ? [named] : COMMAND_MODULES).map((m) => m.load()))) {
    register(program);
  }
  return program;
}

/**
 * The first operand: what commander will take as the command. Global options come before it (see
 * enablePositionalOptions), and those that take a value (every one of GLOBAL_FLAGS) skip it too.
 */
export function commandName(args: readonly string[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if ((GLOBAL_FLAGS as readonly string[]).includes(arg)) {
      i += 1;
      continue;
    }
    if (arg === '--') return args[i + 1] ?? null;
    if (arg.startsWith('-')) continue;
    return arg;
  }
  return null;
}

/** Runs the CLI and returns its exit code; errors meant for the operator print as one clear line. */
export async function run(argv: string[]): Promise<number> {
  try {
    await (await buildProgram(argv)).parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommandExit) return error.exitCode;
    if (error instanceof CommanderError) {
      explainMisplacedGlobalOption(error);
      return error.exitCode;
    }
    // Soundcharts refusing or unreachable (bad credentials, wrong --api-url) is the operator's to fix too.
    if (error instanceof ChartSyncError || isSoundchartsError(error)) {
      const source = error instanceof ChartSyncError ? '' : 'Soundcharts: ';
      process.stderr.write(`chart-sync: ${source}${shortenQuotedValues(error.message)}\n`);
      return 1;
    }
    // A full disk or a read-only folder that reached here unnamed is still the operator's to fix, not a stack.
    const storage = storageErrorShape(error);
    if (storage) {
      process.stderr.write(`chart-sync: ${storage.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** `chart-sync status --data-dir x` is an easy mistake: commander only says the option is unknown. */
function explainMisplacedGlobalOption(error: CommanderError): void {
  if (error.code !== 'commander.unknownOption') return;
  const flag = GLOBAL_FLAGS.find((name) => error.message.includes(`'${name}'`));
  if (flag)
    process.stderr.write(
      `chart-sync: ${flag} is a global option: put it before the command, as in \`chart-sync ${flag} <value> <command>\`.\n`,
    );
}
