// The emulator in a process of its own, so that the processes a chaos test kills never take it down with them.
// argv: a JSON EmulatorOptions. Prints `emulator <url>` once it listens; stops on SIGTERM.
import { startEmulator, type EmulatorOptions } from '../../../electron/emulator';

const options = JSON.parse(process.argv[2] ?? '{}') as EmulatorOptions;
const emulator = await startEmulator(options);
process.stdout.write(`emulator ${emulator.url}\n`);
process.on('SIGTERM', () => {
  void emulator.close().finally(() => process.exit(0));
});
