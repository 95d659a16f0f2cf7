// The emulator in a process of its own for the backfill bench, so that its latency timers and JSON do not share
// the measured engine's event loop. Options (EmulatorOptions) come as JSON in argv[2]; the URL goes to stdout.
import { startEmulator, type EmulatorOptions } from '../../electron/emulator';

const options = JSON.parse(process.argv[2] ?? '{}') as EmulatorOptions;
const emulator = await startEmulator(options);
process.stdout.write(`${JSON.stringify({ url: emulator.url })}\n`);
process.on('message', (message) => {
  if (message === 'stats') process.send?.({ requests: emulator.stats.total });
  if (message === 'reset') {
    emulator.stats.reset();
    process.send?.({ requests: 0 });
  }
});
process.on('disconnect', () => {
  void emulator.close().then(() => process.exit(0));
});
