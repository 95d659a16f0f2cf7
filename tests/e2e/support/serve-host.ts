import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SANDBOX_PAIR } from '../../../electron/emulator';
import {
  SERVE_URL_LINE,
  spawnChartSync,
  type SpawnResult,
  type SpawnedChartSync,
} from '../../cli/spawn-chart-sync';

export type ServeHost = {
  /** The address `chart-sync serve` printed, token included. */
  url: string;
  dataDir: string;
  output(): string;
  /** Ctrl-C, then waits for the host to drain and exit (killed if it has not after STOP_TIMEOUT_MS). */
  stop(): Promise<SpawnResult>;
};

const START_TIMEOUT_MS = 60_000;
/** A clean stop finishes the period in flight: seconds at most. Past this the host is stuck: kill it. */
const STOP_TIMEOUT_MS = 20_000;

export type ServeHostOptions = {
  /** Soundcharts at this address (a test's own emulator) with the sandbox credentials; without: the demo. */
  apiUrl?: string;
  /** More global options, before the command (e.g. `--rate-limit 5000`). */
  globalArgs?: readonly string[];
};

/**
 * The real headless host, `chart-sync serve`, in a process of its own on a fresh data directory. With
 * `apiUrl` it talks to that (a test's emulator, whose faults the test controls); without, it runs the demo.
 */
export async function startServeHost(options: ServeHostOptions = {}): Promise<ServeHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chart-sync-e2e-'));
  const connection = options.apiUrl
    ? ['--api-url', options.apiUrl, '--app-id', SANDBOX_PAIR.appId, '--api-key', SANDBOX_PAIR.apiKey]
    : [];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CHART_SYNC_DATA_DIR: dataDir,
    SOUNDCHARTS_APP_ID: '',
    SOUNDCHARTS_API_KEY: '',
    SOUNDCHARTS_API_URL: '',
  };
  const spawned: SpawnedChartSync = spawnChartSync(
    ['--data-dir', dataDir, ...connection, ...(options.globalArgs ?? []), 'serve', '--port', '0'],
    env,
  );
  let stdout = '';
  let stderr = '';
  spawned.child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  spawned.child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const cleanUp = () => rmSync(dataDir, { recursive: true, force: true });
  let url: string;
  try {
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        spawned.child.kill('SIGKILL');
        reject(new Error(`chart-sync serve printed no URL in time.\nstdout:\n${stdout}\nstderr:\n${stderr}`));
      }, START_TIMEOUT_MS);
      const check = () => {
        const match = SERVE_URL_LINE.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      spawned.child.stdout?.on('data', check);
      void spawned.result.then((result) => {
        clearTimeout(timer);
        reject(new Error(`chart-sync serve exited (${result.code}) before serving.\n${stdout}\n${stderr}`));
      });
    });
  } catch (error) {
    await spawned.result.catch(() => undefined);
    cleanUp();
    throw error;
  }
  let stopping: Promise<SpawnResult> | null = null;
  return {
    url,
    dataDir,
    output: () => stdout + stderr,
    stop() {
      stopping ??= (async () => {
        if (spawned.child.exitCode === null && spawned.child.signalCode === null) {
          spawned.child.kill('SIGINT');
        }
        const killer = setTimeout(() => spawned.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        try {
          return await spawned.result;
        } finally {
          clearTimeout(killer);
          cleanUp();
        }
      })();
      return stopping;
    },
  };
}
