import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
