import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Command } from 'commander';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../electron/cli/index';
import { runCli, type CliResult } from '../cli/run-cli';
import { useTempDir } from '../support/database';
import { CHAOS_FULL, chaosScale, chaosTimeout } from './support/chaos-scale';
import { dumpDatabase } from './support/database-dump';
import { HOSTILE_NUMBERS, HOSTILE_STRINGS } from './support/hostile-values';
import { PLANTED_API_KEY, PLANTED_APP_ID, containsPlantedSecret, recordOutput } from './support/planted-key';

/** Cases per command: each one opens the engine in-process (~0.1–0.3 s), so few reduced. */
const RUNS_PER_COMMAND = chaosScale(3, 60);

type Leaf = { path: string[]; options: { flag: string; takesValue: boolean }[]; args: number };

/**
 * Commands that only read: they may get any arguments. Every other command could start syncs, a server, write
 * files where told, or read a secret from stdin: it gets arguments that always include an unknown option, so it
 * must refuse before doing anything (and the refusal must be a line, not a stack).
 */
const READ_ONLY = new Set([
  'schedules list',
  'charts list',
  'status',
  'webhooks list',
  'webhooks deliveries',
  'credentials show',
  'audit',
  'analytics',
  'quota',
  'exports',
  'ranking',
  'songs',
]);

/** A raw stack trace, as Node prints one. */
const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

const cliValue = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS.filter((s) => !s.includes('\0') && !/[\uD800-\uDFFF]/.test(s))),
  fc.constantFrom(...HOSTILE_NUMBERS.map(String)),
  fc.constantFrom(
    '--json',
    '-',
    '--',
    '-1',
    '2025-08-23',
    '2025-02-30',
    'global-28',
    'daily',
    'Europe/Paris',
  ),
  fc.string({ maxLength: 30 }).filter((s) => !s.includes('\0')),
);

function argvFor(leaf: Leaf, readOnly: boolean): fc.Arbitrary<string[]> {
  const options = leaf.options.length
    ? fc
        .array(fc.tuple(fc.constantFrom(...leaf.options), cliValue), { maxLength: 4 })
        .map((picked) =>
          picked.flatMap(([option, value]) => (option.takesValue ? [option.flag, value] : [option.flag])),
        )
    : fc.constant<string[]>([]);
  const globals = fc
    .array(
      fc.oneof(
        cliValue.map((v) => ['--rate-limit', v]),
        fc.constant(['--app-id', PLANTED_APP_ID, '--api-key', PLANTED_API_KEY]),
      ),
      { maxLength: 1 },
    )
    .map((list) => list.flat());
  const positional = fc.array(cliValue, { minLength: 0, maxLength: leaf.args + 1 });
  return fc
    .tuple(globals, options, positional, fc.boolean())
    .map(([global, opts, args, unknown]) => [
      ...global,
      ...leaf.path,
      ...args,
      ...opts,
      ...(unknown || !readOnly ? ['--fuzz-unknown-option'] : []),
    ]);
}

function leavesOf(command: Command, path: string[] = []): Leaf[] {
  if (command.commands.length === 0) {
    return [
      {
        path,
        options: command.options.map((o) => ({
          flag: o.long ?? o.short!,
          takesValue: o.required || o.optional,
        })),
        args: command.registeredArguments.length,
      },
    ];
  }
  return command.commands.flatMap((sub) => leavesOf(sub, [...path, sub.name()]));
}

describe('fuzzing every CLI command’s arguments, in-process', () => {
  const tempDir = useTempDir();
  let dataDir = '';
  let leaves: Leaf[] = [];
  const tally = { runs: 0, refused: 0, accepted: 0, commands: 0 };

  beforeAll(async () => {
    leaves = leavesOf(await buildProgram());
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  function demoDump(): string {
    const file = join(dataDir, 'chart-sync-demo.sqlite');
    if (!existsSync(file)) return '';
    const db = new Database(file, { readonly: true });
    try {
      return dumpDatabase(db);
    } finally {
      db.close();
    }
  }

  it('prepares a demo data folder (the commands then find schedules and charts)', async () => {
    dataDir = tempDir();
    vi.stubEnv('CHART_SYNC_DATA_DIR', dataDir);
    vi.stubEnv('SOUNDCHARTS_APP_ID', '');
    vi.stubEnv('SOUNDCHARTS_API_KEY', '');
    vi.stubEnv('SOUNDCHARTS_API_URL', '');
    const status = await runCli('--rate-limit', '5000', 'status');
    expect(status.code).toBe(0);
    expect(leaves.length).toBeGreaterThan(30);
  }, 60_000);

  it(
    'every command: a refusal is a line naming the problem, never a stack, never the key, and changes nothing',
    async () => {
      for (const [index, leaf] of leaves.entries()) {
        const name = leaf.path.join(' ');
        const readOnly = READ_ONLY.has(name);
        await fc.assert(
          fc.asyncProperty(argvFor(leaf, readOnly), async (argv) => {
            const before = demoDump();
            const result: CliResult = await runCli(...argv);
            tally.runs += 1;
            const text = `${result.stdout}\n${result.stderr}`;
            recordOutput(
              'fuzz-cli',
              // The command line holds the planted key as --api-key: recorded without it, so the final search
              // finds the key only where Chart Sync itself wrote it.
              `$ chart-sync ${argv.join(' ').replaceAll(PLANTED_API_KEY, '<planted key>').slice(0, 300)}\nexit ${result.code}\n${text.slice(0, 4_000)}`,
            );
            expect(containsPlantedSecret(text), argv.join(' ')).toBe(false);
            expect(result.stderr, argv.join(' ')).not.toMatch(STACK_LINE);
            expect(result.stderr).not.toMatch(/An unexpected error occurred/);
            if (result.code === 0) {
              tally.accepted += 1;
              expect(readOnly, `${name} accepted ${argv.join(' ')}`).toBe(true);
            } else {
              tally.refused += 1;
              expect(result.stderr.trim().length, argv.join(' ')).toBeGreaterThan(0);
              // Said in a few lines, not a pasted megabyte quoted back.
              expect(result.stderr.length, argv.join(' ')).toBeLessThan(4_000);
              expect(demoDump(), `${argv.join(' ')} changed the data`).toBe(before);
            }
          }),
          { numRuns: RUNS_PER_COMMAND, seed: chaosScale(1313, Date.now()) + index, endOnFailure: true },
        );
        tally.commands += 1;
      }
      expect(tally.commands).toBe(leaves.length);
      recordOutput('fuzz-cli-tally', JSON.stringify(tally));
      console.log(
        `fuzz-cli: ${tally.runs} runs over ${tally.commands} commands (${tally.refused} refused, ${tally.accepted} accepted)${CHAOS_FULL ? '' : ' (reduced)'}`,
      );
    },
    chaosTimeout(120_000, 1_200_000),
  );
});
