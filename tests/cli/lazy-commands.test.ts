import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, COMMAND_MODULES, commandName } from '../../electron/cli/index';

const names = (program: Command) => program.commands.map((command) => command.name());

describe('commands load on demand', () => {
  it.each(COMMAND_MODULES.map((module) => [module.names.join(', '), module] as const))(
    'the module of %s registers exactly those top-level commands',
    async (_, module) => {
      const program = new Command();
      (await module.load())(program);
      expect(names(program)).toEqual(module.names);
    },
  );

  it('names every command once', () => {
    const all = COMMAND_MODULES.flatMap((module) => module.names);
    expect(new Set(all).size).toBe(all.length);
  });

  it.each([
    [['status'], 'status'],
    [['--data-dir', '/tmp/x', 'status', '--json'], 'status'],
    [['--data-dir=/tmp/x', '--rate-limit', '60', 'schedules', 'list'], 'schedules'],
    [['--api-url', 'http://a', '--app-id', 'i', '--api-key', 'k', 'serve'], 'serve'],
    [['--help'], null],
    [[], null],
    [['--', 'sync'], 'sync'],
  ] as const)('finds the command in %j: %s', (args, expected) => {
    expect(commandName(args)).toBe(expected);
  });

  it('registers only the command asked for, with the global options', async () => {
    const program = await buildProgram(['node', 'chart-sync', '--data-dir', 'x', 'export', 'rankings']);
    expect(names(program)).toEqual(['export', 'exports']);
    expect(program.options.map((option) => option.long)).toContain('--data-dir');
  });

  it('registers every command for the help, `help <command>` and a misspelt command', async () => {
    const every = COMMAND_MODULES.flatMap((module) => module.names);
    for (const argv of [[], ['--help'], ['help', 'status'], ['stauts']]) {
      expect(names(await buildProgram(['node', 'chart-sync', ...argv]))).toEqual(every);
    }
  });
});
