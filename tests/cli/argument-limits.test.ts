import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CHART_REFERENCE_MAX, SEARCH_TEXT_MAX_LENGTH } from '../../shared/domain/policies';
import { runCli, useCli, type CliResult } from './run-cli';

/** A line of a stack trace: what an operator must never see for a mistake on the command line. */
const STACK_LINE = /^\s+at .+[(:]\d+/m;

/** One clear line on stderr, exit code not 0, nothing echoed back at length, no stack. */
function expectExplained(result: CliResult, ...phrases: RegExp[]): void {
  expect(result.code).not.toBe(0);
  expect(result.stderr).not.toMatch(STACK_LINE);
  // The offending value is never echoed back whole (a 100,000-character pattern would fill the terminal).
  expect(result.stderr.length).toBeLessThan(1_000);
  for (const phrase of phrases) expect(result.stderr).toMatch(phrase);
}

/**
 * Issue 13, defect 7.4: arguments that crashed the CLI with a raw stack (SQLite's "LIKE or GLOB pattern too
 * complex", Node's ERR_SOCKET_BAD_PORT) are refused with a message naming the option and its bounds.
 */
describe('chart-sync refuses out-of-range arguments with a message, never a stack', () => {
  const { cli } = useCli();

  it('charts list --search with a 100,000-character pattern', async () => {
    const result = await cli('charts', 'list', '--search', 'x'.repeat(100_000));
    expectExplained(result, /--search/, new RegExp(`at most ${SEARCH_TEXT_MAX_LENGTH} characters`));
    // At the cap, the search still runs.
    const atCap = await cli('charts', 'list', '--search', 'x'.repeat(SEARCH_TEXT_MAX_LENGTH));
    expect(atCap.code).toBe(0);
    expect(atCap.stdout).toContain('No chart matches.');
  });

  it('charts list --limit beyond any catalogue', async () => {
    expectExplained(await cli('charts', 'list', '--limit', '99999999999999999999999'), /--limit/);
  });

  it('a chart reference far longer than any slug is refused without echoing it', async () => {
    const long = 'y'.repeat(100_000);
    for (const args of [
      ['sync', long],
      ['schedules', 'pause', long],
      ['audit', '--chart', long],
    ]) {
      expectExplained(await cli(...args), new RegExp(`at most ${CHART_REFERENCE_MAX} characters`));
    }
  });

  it('ranking --search with a 100,000-character pattern', async () => {
    expectExplained(
      await cli('ranking', 'global-28', '--search', 'z'.repeat(100_000)),
      new RegExp(`at most ${SEARCH_TEXT_MAX_LENGTH} characters`),
    );
  });
});

describe('chart-sync emulator refuses a port it cannot listen on', () => {
  let busy: Server | null = null;
  afterEach(async () => {
    await new Promise<void>((resolve) => (busy ? busy.close(() => resolve()) : resolve()));
    busy = null;
  });

  it('--port 99999 names the valid range', async () => {
    expectExplained(await runCli('emulator', '--port', '99999'), /--port/, /0 to 65535/);
  });

  it('--server-error-status outside 5xx is refused before the emulator answers with it', async () => {
    expectExplained(await runCli('emulator', '--server-error-status', '999'), /--server-error-status/);
  });

  it('a port already in use says so', async () => {
    busy = createServer();
    const port = await new Promise<number>((resolve) =>
      busy!.listen(0, '127.0.0.1', () => resolve((busy!.address() as { port: number }).port)),
    );
    expectExplained(
      await runCli('emulator', '--port', String(port)),
      new RegExp(`port ${port} .*already in use`),
    );
  });

  it('a host that does not resolve says so', async () => {
    expectExplained(
      await runCli('emulator', '--port', '0', '--host', 'no-such-host.invalid'),
      /no-such-host\.invalid/,
      /--host/,
    );
  });
});
