import { fork, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { EmulatorOptions } from '../../electron/emulator';

export type EmulatorProcess = {
  readonly url: string;
  /** Requests the emulator answered since start (or the last reset). */
  requests(): Promise<number>;
  reset(): Promise<void>;
  close(): Promise<void>;
};

/** Starts the emulator in a child process (bench/support/emulator-child.ts) and resolves with its URL. */
export async function spawnEmulator(options: EmulatorOptions): Promise<EmulatorProcess> {
  const child: ChildProcess = fork(
    new URL('./emulator-child.ts', import.meta.url).pathname,
    [JSON.stringify(options)],
    { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`the emulator process exited (${code})`)));
  });
  const ask = (message: 'stats' | 'reset') =>
    new Promise<number>((resolve) => {
      child.once('message', (reply) => resolve((reply as { requests: number }).requests));
      child.send(message);
    });
  return {
    url,
    requests: () => ask('stats'),
    reset: async () => {
      await ask('reset');
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}
