import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeReadOnly, readOnlyTechnique, type ReadOnlyFolder } from '../chaos/support/read-only-folder';
import { useTempDir } from '../support/database';
import { FAST, runCli } from './run-cli';

/** Defects 7.4 and 7.5 as the operator meets them: one line saying what is wrong, never a stack. */
describe('the CLI on a data folder it cannot use', () => {
  const temp = useTempDir();
  const readOnly: ReadOnlyFolder[] = [];
  afterEach(() => {
    for (const folder of readOnly.splice(0)) folder.restore();
    vi.unstubAllEnvs();
  });

  const cli = (dataDir: string, ...args: string[]) => {
    vi.stubEnv('SOUNDCHARTS_APP_ID', '');
    vi.stubEnv('SOUNDCHARTS_API_KEY', '');
    vi.stubEnv('SOUNDCHARTS_API_URL', '');
    return runCli(...FAST, '--data-dir', dataDir, ...args);
  };

  const oneClearLine = (stderr: string, pattern: RegExp) => {
    const lines = stderr
      .trim()
      .split('\n')
      .filter((line) => line.startsWith('chart-sync: '));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
    expect(stderr).not.toMatch(/\n\s+at |ENOTDIR|EEXIST|ENOENT|SQLITE_|restore a backup/);
  };

  it('says a data folder under a file is not a folder', async () => {
    const file = join(temp(), 'a-file');
    writeFileSync(file, 'x');
    for (const args of [['status'], ['schedules', 'list']]) {
      const result = await cli(join(file, 'data'), ...args);
      expect(result.code).toBe(1);
      oneClearLine(result.stderr, /a-file is a file, not a folder/);
    }
  });

  // Node's mkdirSync({ recursive: true }) spins for ever on a path under /proc (mkdir answers ENOENT for a parent
  // that exists): in its own process, so a hang fails this test instead of freezing the run.
  it.skipIf(!existsSync('/proc/self'))(
    'refuses a data folder under /proc in one line, without hanging',
    () => {
      const result = spawnSync(
        process.execPath,
        ['scripts/chart-sync.mjs', '--data-dir', '/proc/chart-sync', 'status'],
        {
          cwd: fileURLToPath(new URL('../..', import.meta.url)),
          env: { ...process.env, SOUNDCHARTS_APP_ID: '', SOUNDCHARTS_API_KEY: '', SOUNDCHARTS_API_URL: '' },
          encoding: 'utf8',
          timeout: 20_000,
        },
      );
      expect(result.signal).toBeNull();
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/^chart-sync: The data folder \/proc\/chart-sync cannot be created/m);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    },
  );

  it.skipIf(readOnlyTechnique() === null)('says a read-only data folder is read-only', async () => {
    const dir = join(temp(), 'data');
    mkdirSync(dir);
    expect((await cli(dir, 'schedules', 'list')).code).toBe(0);
    readOnly.push(makeReadOnly(dir));
    const result = await cli(dir, 'schedules', 'list');
    expect(result.code).toBe(1);
    oneClearLine(result.stderr, /data folder .* is read-only/);
    readOnly.splice(0).forEach((folder) => folder.restore());
    expect((await cli(dir, 'schedules', 'list')).code).toBe(0);
  });
});
