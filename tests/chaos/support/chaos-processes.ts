import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { EmulatorOptions } from '../../../electron/emulator';
import { spawnChartSync, type SpawnedChartSync } from '../../cli/spawn-chart-sync';
import { PLANTED_API_KEY, PLANTED_APP_ID, containsPlantedSecret, recordOutput } from './planted-key';

const PROJECT_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export type EmulatorProcess = { readonly url: string; readonly child: ChildProcess; stop(): Promise<void> };

/** The emulator in a process of its own (tests/chaos/support/emulator-process.ts), accepting the planted key. */
export async function startEmulatorProcess(options: EmulatorOptions): Promise<EmulatorProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'tests/chaos/support/emulator-process.ts',
      JSON.stringify({
        credentials: [{ appId: PLANTED_APP_ID, apiKey: PLANTED_API_KEY }],
        acceptSandbox: false,
        ...options,
      }),
    ],
    { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /^emulator (\S+)$/m.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the emulator process ended (${code}): ${stderr}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    child,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The environment of the CLI on `dataDir`, with the planted credentials and the emulator as the API. */
export function chaosEnv(dataDir: string, apiUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CHART_SYNC_DATA_DIR: dataDir,
    SOUNDCHARTS_API_URL: apiUrl,
    SOUNDCHARTS_APP_ID: PLANTED_APP_ID,
    SOUNDCHARTS_API_KEY: PLANTED_API_KEY,
    SOUNDCHARTS_CLIENT_ID: '',
    SOUNDCHARTS_CLIENT_SECRET: '',
    // The highest the CLI allows: 83 requests a second.
    CHART_SYNC_RATE_LIMIT: '5000',
  };
}

export type Outcome = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/** `chart-sync …` run to its end; every output recorded for the final search for the planted key. */
export async function runChartSync(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<Outcome> {
  return outcomeOf(name, spawnChartSync(args, env));
}

export async function outcomeOf(name: string, spawned: SpawnedChartSync): Promise<Outcome> {
  let signal: NodeJS.Signals | null = null;
  spawned.child.once('exit', (_code, exitSignal) => (signal = exitSignal));
  const result = await spawned.result;
  const outcome = { ...result, signal };
  recordOutput(`crash-safety-${name}`, `${outcome.stdout}\n${outcome.stderr}`);
  if (containsPlantedSecret(outcome.stdout) || containsPlantedSecret(outcome.stderr)) {
    throw new Error(`chart-sync ${name} printed the planted key`);
  }
  return outcome;
}
