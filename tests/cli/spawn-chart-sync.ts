import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The line `chart-sync serve` prints once it serves: groups are the URL with its token, the port and the token.
 * Every test that starts a host (serve, npm start, the end-to-end harness) waits for this line.
 */
export const SERVE_URL_LINE =
  /^Chart Sync is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{43}))$/m;

export type SpawnResult = { code: number | null; stdout: string; stderr: string };
export type SpawnedChartSync = { readonly child: ChildProcess; readonly result: Promise<SpawnResult> };

/**
 * The real command, `node scripts/chart-sync.mjs …` (package.json bin: the built CLI, out/main/cli.js, kept current
 * by tests/support/build-if-stale.ts), in a process of its own, as an operator runs it.
 */
export function spawnChartSync(args: readonly string[], env: NodeJS.ProcessEnv): SpawnedChartSync {
  const child = spawn(process.execPath, ['scripts/chart-sync.mjs', ...args], { cwd: PROJECT_ROOT, env });
  const result = new Promise<SpawnResult>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, result };
}

/** The environment of a fresh machine: no credentials, the data in `dataDir`. */
export function freshMachineEnv(dataDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CHART_SYNC_DATA_DIR: dataDir,
    SOUNDCHARTS_APP_ID: '',
    SOUNDCHARTS_API_KEY: '',
    SOUNDCHARTS_API_URL: '',
  };
}
