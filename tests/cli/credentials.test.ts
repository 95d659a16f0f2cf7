import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../electron/emulator';
import type { ConnectionView } from '../../shared/views/connection';
import { useCli } from './run-cli';

const KEY = 'cli-key-0123456789';

/** Replaces process.stdin for one command: what a pipe or a terminal would give. */
function useStdin() {
  const original = Object.getOwnPropertyDescriptor(process, 'stdin')!;
  afterEach(() => Object.defineProperty(process, 'stdin', original));
  return {
    pipe(text: string) {
      Object.defineProperty(process, 'stdin', { value: Readable.from([text]), configurable: true });
    },
    /** A terminal where the operator types `keys`; records the raw mode it was put in. */
    terminal(keys: string) {
      const tty = Object.assign(new PassThrough(), { isTTY: true, modes: [] as boolean[] }) as PassThrough & {
        isTTY: boolean;
        modes: boolean[];
        setRawMode(mode: boolean): void;
      };
      tty.setRawMode = (mode) => void tty.modes.push(mode);
      Object.defineProperty(process, 'stdin', { value: tty, configurable: true });
      setTimeout(() => tty.write(keys), 20);
      return tty;
    },
  };
}

describe('chart-sync credentials', () => {
  const { cli, dataDir } = useCli();
  const stdin = useStdin();
  let real: RunningEmulator;
  beforeAll(async () => {
    real = await startEmulator({
      seed: 3,
      acceptSandbox: false,
      credentials: [{ appId: 'cli-app', apiKey: KEY }],
    });
  });
  afterAll(async () => {
    await real.close();
  });
  const at = () => ['--api-url', real.url];

  it('saves a key read from stdin, never prints it, and the next commands use the real database', async () => {
    const before = await cli(...at(), 'credentials', 'show', '--json');
    expect(before.code).toBe(0);
    expect(JSON.parse(before.stdout)).toMatchObject({
      demo: true,
      credentials: { source: 'none', editable: true },
    });

    stdin.pipe(`${KEY}\n`);
    const saved = await cli(...at(), 'credentials', 'set', '--app-id', 'cli-app', '--api-key-stdin');
    expect(saved.code).toBe(0);
    expect(saved.stdout).toMatch(/^Saved\.$/m);
    expect(saved.stdout).toMatch(/^Credentials: app id cli-app, API key …6789 \(saved\)$/m);
    expect(saved.stdout + saved.stderr).not.toContain(KEY);
    const file = join(dataDir(), 'credentials.json');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);

    const status = await cli(...at(), 'status', '--json');
    expect(status.stderr).not.toContain('Demo mode');
    expect(JSON.parse(status.stdout)).toMatchObject({
      demo: false,
      databaseFile: join(dataDir(), 'chart-sync.sqlite'),
    });

    const tested = await cli(...at(), 'credentials', 'test');
    expect(tested.code).toBe(0);
    expect(tested.stdout).toContain(`Connected to ${real.url} in `);

    // A flag wins over what is saved, and the screen says where to change it.
    const flagged = await cli(...at(), '--app-id', 'x', '--api-key', 'y', 'credentials', 'clear');
    expect(flagged.code).toBe(1);
    expect(flagged.stderr).toMatch(/come from the command line \(--app-id and --api-key\)/);

    const cleared = await cli(...at(), 'credentials', 'clear', '--json');
    expect(cleared.code).toBe(0);
    expect((JSON.parse(cleared.stdout) as ConnectionView).demo).toBe(true);
    expect(existsSync(file)).toBe(false);
  });

  it('reads the key at a prompt that echoes nothing', async () => {
    const tty = stdin.terminal(`${KEY}x\u007f\r`);
    const saved = await cli(...at(), 'credentials', 'set', '--app-id', 'cli-app', '--json');
    expect(saved.code).toBe(0);
    expect(tty.modes).toEqual([true, false]);
    expect(saved.stderr).toContain('Soundcharts API key (not shown): ');
    expect(saved.stdout + saved.stderr).not.toContain(KEY);
    expect(JSON.parse(saved.stdout)).toMatchObject({
      demo: false,
      credentials: { identity: 'cli-app', secretLast4: '6789' },
    });
    expect(JSON.parse(readFileSync(join(dataDir(), 'credentials.json'), 'utf8'))).toMatchObject({
      credentials: { apiKey: KEY },
    });
  });

  it('refuses a key without a terminal or --api-key-stdin, and a key Soundcharts rejects, in one line', async () => {
    stdin.pipe('');
    const noTty = await cli(...at(), 'credentials', 'set', '--app-id', 'cli-app');
    expect(noTty.code).toBe(1);
    expect(noTty.stderr).toMatch(
      /^chart-sync: No terminal to type the API key in: pipe it with --api-key-stdin/,
    );

    stdin.pipe('wrong-key-0000\n');
    const rejected = await cli(...at(), 'credentials', 'test', '--app-id', 'cli-app', '--api-key-stdin');
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toMatch(/Soundcharts rejected these credentials \(HTTP 401\)/);
    expect(rejected.stderr).not.toContain('wrong-key-0000');

    stdin.pipe('has space\n');
    const invalid = await cli(...at(), 'credentials', 'set', '--app-id', 'cli-app', '--api-key-stdin');
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/The API key cannot contain spaces/);
    expect(existsSync(join(dataDir(), 'credentials.json'))).toBe(false);
  });

  it('stops on a damaged credentials file, naming it, until `credentials set` or `clear` repairs it', async () => {
    const file = join(dataDir(), 'credentials.json');
    writeFileSync(file, '{"version":1,"credentials":', { mode: 0o600 });
    const refused = await cli(...at(), 'status');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`The saved Soundcharts credentials in ${file} cannot be used`);
    expect(readFileSync(file, 'utf8')).toBe('{"version":1,"credentials":');

    const shown = await cli(...at(), 'credentials', 'show', '--json');
    expect(JSON.parse(shown.stdout)).toMatchObject({ credentials: { source: 'none' } });
    expect((await cli(...at(), 'credentials', 'clear')).code).toBe(0);
    expect(existsSync(file)).toBe(false);
    expect((await cli(...at(), 'status')).code).toBe(0);
  });
});
