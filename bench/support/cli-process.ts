import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SANDBOX_PAIR } from '../../electron/emulator';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/**
 * Global options of a host on `dataDir` with credentials (so it opens the real database, not the demo's) against
 * `apiUrl`: the emulator's, or one where nothing listens when the measure must never sync.
 */
export function realHostArgs(dataDir: string, apiUrl: string): string[] {
  return [
    '--data-dir',
    dataDir,
    '--api-url',
    apiUrl,
    '--app-id',
    SANDBOX_PAIR.appId,
    '--api-key',
    SANDBOX_PAIR.apiKey,
  ];
}

/** `chart-sync` as npm installs it: package.json's bin, run by this Node (what an operator's shell runs). */
export function binPath(): string {
  const pkg = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    bin: Record<string, string>;
  };
  return resolve(PROJECT_ROOT, pkg.bin['chart-sync']!);
}

/**
 * Wall time of one process from spawn to exit, and the CPU time (user + system) it used, in ms; throws when it
 * fails. CPU time depends much less than wall time on what else the machine runs.
 */
export function timeProcess(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): { wallMs: number; cpuMs: number } {
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, env, encoding: 'utf8' });
  const wallMs = performance.now() - started;
  if (result.status !== 0) {
    throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr || result.stdout}`);
  }
  return { wallMs, cpuMs: childrenCpuMs() - cpuBefore };
}

/** CPU time of this process's children that ended and were waited for (cutime + cstime of /proc/self/stat). */
function childrenCpuMs(): number {
  const fields = statFields('self');
  return (Number(fields[13]) + Number(fields[14])) * (1000 / CLOCK_TICKS_PER_SECOND);
}

function statFields(pid: number | 'self'): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start after the last ')': state is [0].
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The line `chart-sync serve` prints once it listens (tests/cli/spawn-chart-sync.ts has the same). */
const SERVE_URL_LINE = /^Chart Sync is running at http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{43})$/m;

export type ServeProcess = {
  child: ChildProcess;
  port: number;
  token: string;
  /** performance.now() when the process was spawned. */
  spawnedAt: number;
  output(): string;
  stop(): Promise<void>;
};

/** `chart-sync <globalArgs> serve --port 0`, resolved once it printed its URL. */
export async function startServe(
  globalArgs: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<ServeProcess> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [binPath(), ...globalArgs, 'serve', '--port', '0'], {
    cwd: PROJECT_ROOT,
    env,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<void>((done) => child.on('close', () => done()));
  const [port, token] = await new Promise<[number, string]>((resolveUrl, reject) => {
    const check = () => {
      const match = SERVE_URL_LINE.exec(output);
      if (match) resolveUrl([Number(match[1]), match[2]!]);
    };
    child.stdout.on('data', check);
    void exited.then(() => reject(new Error(`chart-sync serve exited before serving:\n${output}`)));
  });
  return {
    child,
    port,
    token,
    spawnedAt,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** GET an /api path with the serve token; resolves with the HTTP status. */
export async function restGet(serve: Pick<ServeProcess, 'port' | 'token'>, path: string): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${serve.port}${path}`, {
    headers: { authorization: `Bearer ${serve.token}` },
  });
  await response.arrayBuffer();
  return response.status;
}

/** user + system CPU time of a process so far, in ms (Linux: /proc/<pid>/stat, in clock ticks of 10 ms). */
export function processCpuMs(pid: number): number {
  const fields = statFields(pid);
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) * (1000 / CLOCK_TICKS_PER_SECOND);
}

const CLOCK_TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
