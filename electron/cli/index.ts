import { Command, CommanderError } from 'commander';
import { ChartSyncError } from '../../shared/errors';
import { registerEmulatorCommand } from './commands/emulator';
import { registerStatusCommand } from './commands/status';
import { readPackageVersion } from './package-version';

export function buildProgram(): Command {
  const program = new Command()
    .name('chart-sync')
    .description('Chart Sync: a local copy of the Soundcharts chart rankings you follow.')
    .version(readPackageVersion())
    .option(
      '--data-dir <path>',
      'folder of the database (default: $CHART_SYNC_DATA_DIR or the per-user data folder)',
    )
    .showHelpAfterError()
    .exitOverride();
  registerStatusCommand(program);
  registerEmulatorCommand(program);
  return program;
}

/** Runs the CLI and returns its exit code; errors meant for the operator print as one clear line. */
export async function run(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof ChartSyncError) {
      process.stderr.write(`chart-sync: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
