import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshMachineEnv, spawnChartSync } from './spawn-chart-sync';

/**
 * `chart-sync songs | head`: the reader leaves before the output ends. A command line tool says nothing then and
 * finishes its work; it used to die on an unhandled EPIPE with a stack trace on the terminal.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'chart-sync-closed-output-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function withReaderGone(args: string[]) {
  const { child, result } = spawnChartSync(args, freshMachineEnv(dataDir));
  // The reading end closes before the command writes a byte: every write meets EPIPE.
  child.stdout?.destroy();
  return result;
}

describe('output to a reader that has gone', () => {
  it.each([[['--help']], [['charts', 'list']], [['status', '--json']]])(
    '%j exits as it would have, without a stack trace',
    async (args) => {
      const { code, stderr } = await withReaderGone(args);
      expect(stderr).not.toMatch(/EPIPE|Unhandled|node:events/);
      expect(code).toBe(0);
    },
  );
});
