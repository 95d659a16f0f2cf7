import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  PLANTED_API_KEY,
  PLANTED_APP_ID,
  containsPlantedSecret,
  recordOutput,
} from '../chaos/support/planted-key';
import { redactedArguments } from '../../electron/cli/hide-secret-arguments';
import { makeRendererDir } from '../engine/server/support';
import { useEmulator } from '../support/emulator';
import { FAST, runCli } from './run-cli';
import { SERVE_URL_LINE, freshMachineEnv, spawnChartSync, type SpawnedChartSync } from './spawn-chart-sync';

/** Start-up runs migrations and opens the port: seconds, more on a loaded machine. */
const STARTUP_TIMEOUT_MS = 60_000;

/**
 * Issue 13, defect 7.7: `--api-key` stayed visible in `ps` for the life of `serve`. The process now rewrites its
 * command line (process.title), and `--help` says to prefer the environment or the saved credentials.
 */
describe('--api-key', () => {
  const emulator = useEmulator({ credentials: [{ appId: PLANTED_APP_ID, apiKey: PLANTED_API_KEY }] });
  let spawned: SpawnedChartSync | null = null;
  let cleanup = () => {};
  afterEach(async () => {
    if (spawned && spawned.child.exitCode === null && spawned.child.signalCode === null) {
      spawned.child.kill('SIGTERM');
      const { stdout, stderr } = await spawned.result;
      recordOutput('api-key-hidden.serve.stdout', stdout);
      recordOutput('api-key-hidden.serve.stderr', stderr);
      expect(containsPlantedSecret(stdout + stderr)).toBe(false);
    }
    spawned = null;
    cleanup();
  });

  it(
    'is not in the command line `ps` shows of a running `serve`',
    { timeout: STARTUP_TIMEOUT_MS + 10_000 },
    async () => {
      const machine = mkdtempSync(join(tmpdir(), 'chart-sync-api-key-'));
      const renderer = makeRendererDir();
      cleanup = () => {
        renderer.cleanup();
        rmSync(machine, { recursive: true, force: true });
      };
      spawned = spawnChartSync(
        [
          ...FAST,
          '--data-dir',
          machine,
          '--api-url',
          emulator.current.url,
          '--app-id',
          PLANTED_APP_ID,
          '--api-key',
          PLANTED_API_KEY,
          'serve',
          '--port',
          '0',
          '--renderer-dir',
          renderer.rendererDir,
        ],
        freshMachineEnv(machine),
      );
      let stdout = '';
      spawned.child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      const deadline = Date.now() + STARTUP_TIMEOUT_MS;
      while (!SERVE_URL_LINE.test(stdout)) {
        if (Date.now() > deadline || spawned.child.exitCode !== null)
          throw new Error(`serve did not start: ${stdout}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const pid = spawned.child.pid!;
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const ps = execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
      recordOutput('api-key-hidden.cmdline', `${cmdline}\n${ps}`);
      expect(cmdline).not.toContain(PLANTED_API_KEY);
      expect(ps).not.toContain(PLANTED_API_KEY);
      // The rest of the command line is still there, so the operator can tell which process it is.
      expect(ps).toContain('serve');
      expect(ps).toMatch(/--api-key \*\*\*/);
    },
  );

  it('--help says to prefer SOUNDCHARTS_API_KEY or the saved credentials', async () => {
    for (const args of [['--help'], ['serve', '--help'], ['sync', '--help'], ['process', '--help']]) {
      const help = await runCli(...args);
      expect(help.stdout).toMatch(/prefer .*SOUNDCHARTS_API_KEY.*chart-sync credentials set/s);
    }
  });
});

describe('redactedArguments', () => {
  it('hides the value of --api-key and --secret, spaced or inline, and nothing else', () => {
    expect(redactedArguments(['node', 'cli', '--api-key', 'k1', 'serve', '--port', '0'])).toEqual([
      'node',
      'cli',
      '--api-key',
      '***',
      'serve',
      '--port',
      '0',
    ]);
    expect(
      redactedArguments(['node', 'cli', '--api-key=k1', 'webhooks', 'add', 'u', '--secret', 's']),
    ).toEqual(['node', 'cli', '--api-key=***', 'webhooks', 'add', 'u', '--secret', '***']);
    expect(redactedArguments(['node', 'cli', 'status'])).toBeNull();
  });

  it("hides an --api-url's user:password (shown as *** everywhere else), spaced or inline, and keeps the rest", () => {
    expect(
      redactedArguments(['node', 'cli', '--api-url', 'https://gw:s3cret@api.example/', 'serve']),
    ).toEqual(['node', 'cli', '--api-url', 'https://***@api.example/', 'serve']);
    expect(redactedArguments(['node', 'cli', '--api-url=https://gw:s3cret@api.example/', 'status'])).toEqual([
      'node',
      'cli',
      '--api-url=https://***@api.example/',
      'status',
    ]);
    expect(redactedArguments(['node', 'cli', '--api-url', 'https://api.example/', 'status'])).toBeNull();
  });
});
