import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerEmulatorCommand } from '../../electron/cli/commands/emulator';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SANDBOX_HEADERS = { 'x-app-id': 'soundcharts', 'x-api-key': 'soundcharts' };

function urlIn(lines: readonly string[]): string | undefined {
  return lines.join('\n').match(/listening on (http:\/\/127\.0\.0\.1:\d+)/)?.[1];
}

async function until<T>(probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** `chart-sync emulator <args>` in this process: its URL once it listens, and how to stop it. */
async function startCommand(args: string[]) {
  const lines: string[] = [];
  let stop = () => {};
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const program = new Command('chart-sync').exitOverride();
  registerEmulatorCommand(program, { print: (line) => lines.push(line), waitForStop: () => stopped });
  const running = program.parseAsync(['emulator', ...args], { from: 'user' });
  const url = await until(() => urlIn(lines), 5_000);
  return {
    url,
    lines,
    stop: async () => {
      stop();
      await running;
    },
  };
}

describe('chart-sync emulator', () => {
  it('starts with the given seed and credentials, prints URL and credentials, stops when told', async () => {
    const { url, lines, stop } = await startCommand([
      '--port',
      '0',
      '--seed',
      '9',
      '--today',
      '2025-08-23',
      '--app-id',
      'a1',
      '--api-key',
      'k1',
      '--shuffle-dates',
    ]);
    expect(lines.join('\n')).toContain('seed 9');
    expect(lines.join('\n')).toContain('x-app-id: soundcharts  x-api-key: soundcharts');
    expect(lines.join('\n')).toContain('x-app-id: a1  x-api-key: k1');
    const response = await fetch(`${url}/api/v2.14/chart/song/global-28/ranking/latest`, {
      headers: { 'x-app-id': 'a1', 'x-api-key': 'k1' },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { related: { date: string } }).related.date).toBe(
      '2025-08-23T12:00:00+00:00',
    );
    await stop();
    expect(lines.at(-1)).toBe('Soundcharts emulator stopped');
    await expect(fetch(url)).rejects.toThrow();
  });

  it('injects the page faults of the chaos suite from the command line, after a number of requests', async () => {
    const { url, stop } = await startCommand([
      '--port',
      '0',
      '--wrong-total',
      '1',
      '--duplicate-positions',
      '1',
      '--faults-after',
      '1',
    ]);
    try {
      const ranking = async () => {
        const response = await fetch(
          `${url}/api/v2.14/chart/song/global-28/ranking/latest?offset=0&limit=100`,
          {
            headers: SANDBOX_HEADERS,
          },
        );
        return (await response.json()) as { items: { position: number }[]; page: { total: number } };
      };
      // The first request goes through untouched.
      const clean = await ranking();
      const positions = clean.items.map((item) => item.position);
      expect(new Set(positions).size).toBe(positions.length);
      // Then both faults, on every ranking page.
      const spoiled = await ranking();
      expect(spoiled.page.total).toBe(clean.page.total + 1);
      const spoiledPositions = spoiled.items.map((item) => item.position);
      expect(new Set(spoiledPositions).size).toBe(spoiledPositions.length - 1);
    } finally {
      await stop();
    }
  });

  it('cuts answers short with --truncated: the status line, then half the body', async () => {
    const { url, stop } = await startCommand(['--port', '0', '--truncated', '1']);
    try {
      const response = await fetch(`${url}/api/v2.14/chart/song/global-28/ranking/latest`, {
        headers: SANDBOX_HEADERS,
      });
      expect(response.status).toBe(200);
      await expect(response.text()).rejects.toThrow();
    } finally {
      await stop();
    }
  });

  it('rejects malformed options', async () => {
    const program = new Command('chart-sync').exitOverride().configureOutput({ writeErr: () => {} });
    registerEmulatorCommand(program, { print: () => {}, waitForStop: async () => {} });
    await expect(program.parseAsync(['emulator', '--latency', 'fast'], { from: 'user' })).rejects.toThrow(
      /milliseconds/,
    );
    await expect(program.parseAsync(['emulator', '--timeouts', '2'], { from: 'user' })).rejects.toThrow(
      /probability/,
    );
    await expect(program.parseAsync(['emulator', '--wrong-total', '-1'], { from: 'user' })).rejects.toThrow(
      /probability/,
    );
    await expect(program.parseAsync(['emulator', '--faults-after', 'ten'], { from: 'user' })).rejects.toThrow(
      /non-negative integer/,
    );
    await expect(program.parseAsync(['emulator', '--faults-after', '10'], { from: 'user' })).rejects.toThrow(
      /--faults-after delays the faults asked for: add one/,
    );
  });

  it.each([
    [['--faults-after', '3'], 'chart-sync: --faults-after delays the faults asked for: add one'],
    [['--app-id', 'a1'], 'chart-sync: --app-id and --api-key go together'],
  ])('says what is wrong with %j in one line, exit 1 (it used to exit silently)', (args, message) => {
    const result = spawnSync(
      process.execPath,
      ['scripts/chart-sync.mjs', 'emulator', '--port', '0', ...args],
      {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('runs standalone as its own process and closes cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'tests/support/run-emulator-command.ts',
        'emulator',
        '--port',
        '0',
        '--seed',
        '4',
        '--server-errors',
        '0',
      ],
      { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const output: string[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const url = await until(() => urlIn(output), 15_000);
      const response = await fetch(`${url}/api/v2/chart/song/platforms`, { headers: SANDBOX_HEADERS });
      expect(response.status).toBe(200);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output.join('')).toContain('Soundcharts emulator stopped');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
