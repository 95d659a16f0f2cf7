import { Command } from 'commander';
import { registerEmulatorCommand } from '../../electron/cli/commands/emulator';

/** Runs `chart-sync emulator …` in a process of its own, as the real CLI will, for the standalone test. */
const program = new Command('chart-sync');
registerEmulatorCommand(program);
await program.parseAsync(process.argv);
