import { Command, CommanderError } from 'commander';
import { ChartSyncError } from '../../shared/errors';
import { isSoundchartsError } from '../engine/soundcharts/errors';
import { registerAlertsCommand } from './commands/alerts';
import { registerAnalyticsCommands } from './commands/analytics';
import { registerChartsCommand } from './commands/charts';
import { registerCredentialsCommand } from './commands/credentials';
import { registerEmulatorCommand } from './commands/emulator';
import { registerExportCommands } from './commands/export';
import { registerHistoryCommands } from './commands/history';
import { registerProcessCommand } from './commands/process';
import { registerRankingCommand } from './commands/ranking';
import { registerSchedulesCommand } from './commands/schedules';
import { registerServeCommand } from './commands/serve';
import { registerSettingsCommand } from './commands/settings';
import { registerSongCommands } from './commands/songs';
import { registerStatusCommand } from './commands/status';
import { registerSyncCommand } from './commands/sync';
import { registerWebhooksCommand } from './commands/webhooks';
import { addGlobalOptions, GLOBAL_FLAGS } from './global-options';
import { CommandExit } from './output';
import { readPackageVersion } from './package-version';

/** After a usage error, a pointer to the help rather than the whole help text. */
const HELP_HINT = '(add --help for usage)';

export function buildProgram(): Command {
  const program = addGlobalOptions(
    new Command()
      .name('chart-sync')
      .description('Chart Sync: a local copy of the Soundcharts chart rankings you follow.')
      .version(readPackageVersion()),
  )
    // Global options go before the command: `emulator` has --app-id/--api-key of its own, which the
    // program must not take from it.
    .enablePositionalOptions()
    .showHelpAfterError(HELP_HINT)
    .exitOverride();
  registerProcessCommand(program);
  registerSyncCommand(program);
  registerSchedulesCommand(program);
  registerChartsCommand(program);
  registerStatusCommand(program);
  registerWebhooksCommand(program);
  registerAlertsCommand(program);
  registerSettingsCommand(program);
  registerCredentialsCommand(program);
  registerHistoryCommands(program);
  registerAnalyticsCommands(program);
  registerExportCommands(program);
  registerRankingCommand(program);
  registerSongCommands(program);
  registerServeCommand(program);
  registerEmulatorCommand(program);
  return program;
}

/** Runs the CLI and returns its exit code; errors meant for the operator print as one clear line. */
export async function run(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
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
      process.stderr.write(`chart-sync: ${source}${error.message}\n`);
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
