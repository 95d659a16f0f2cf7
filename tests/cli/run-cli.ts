import { afterEach, beforeEach, vi } from 'vitest';
import { run } from '../../electron/cli/index';
import { useTempDir } from '../support/database';

export type CliResult = { code: number; stdout: string; stderr: string };

/**
 * The highest rate limit allowed, given first on every command line of these tests (a test's own --rate-limit
 * comes later and wins): the demo's setup and its 30–90-day windows then take seconds, not a minute.
 */
export const FAST = ['--rate-limit', '5000'] as const;

/**
 * Runs `chart-sync --rate-limit 5000 …` in-process on a fresh data folder per test, with no Soundcharts
 * credentials (so the CLI runs in demo mode on the built-in emulator), capturing stdout and stderr.
 */
export function useCli(): { dataDir(): string; cli(...args: string[]): Promise<CliResult> } {
  const tempDir = useTempDir();
  let dir = '';
  beforeEach(() => {
    dir = tempDir();
    vi.stubEnv('CHART_SYNC_DATA_DIR', dir);
    // Blank counts as unset: a developer's own credentials must not turn the tests into real API calls.
    vi.stubEnv('SOUNDCHARTS_APP_ID', '');
    vi.stubEnv('SOUNDCHARTS_API_KEY', '');
    vi.stubEnv('SOUNDCHARTS_API_URL', '');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  return { dataDir: () => dir, cli: (...args) => runCli(...FAST, ...args) };
}

export async function runCli(...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const capture = (append: (text: string) => void) => (chunk: string | Uint8Array) => {
    append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture((t) => (stdout += t)));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture((t) => (stderr += t)));
  try {
    const code = await run(['node', 'chart-sync', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
