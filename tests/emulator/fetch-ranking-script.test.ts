import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

describe('scripts/fetch-ranking.ts (the README example)', () => {
  const emulator = useEmulator();

  it('fetches global-28’s 200 entries in 2 pages from an emulator it starts itself', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/fetch-ranking.ts'], {
      cwd: PROJECT_ROOT,
      timeout: 30_000,
    });
    expect(stdout).toContain('started an emulator on http://127.0.0.1:');
    expect(stdout).toContain('Top Songs (Worldwide, daily)');
    expect(stdout).toMatch(/^\s+1\s+\d+\s+\S+\s+.+ — .+$/m);
    expect(stdout).toContain('200 entries in 2 pages');
  });

  it('fetches through --url from a running emulator', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/fetch-ranking.ts', '--url', emulator.current.url],
      { cwd: PROJECT_ROOT, timeout: 30_000 },
    );
    expect(stdout).not.toContain('started an emulator');
    expect(stdout).toContain('at 2025-08-23T12:00:00+00:00');
    expect(stdout).toContain('200 entries in 2 pages');
  });
});
