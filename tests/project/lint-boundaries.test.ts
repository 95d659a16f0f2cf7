import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

describe('lint: process boundaries', () => {
  it.each([
    {
      where: 'the engine',
      file: 'electron/engine/sync/leak.ts',
      code: "import { app } from 'electron';\nexport const a = app;\n",
    },
    {
      where: 'the engine (require)',
      file: 'electron/engine/db/leak.ts',
      code: "import electron = require('electron');\nexport const a = electron;\n",
    },
    {
      where: 'the engine (subpath)',
      file: 'electron/engine/leak.ts',
      code: "import { ipcMain } from 'electron/main';\nexport const a = ipcMain;\n",
    },
    { where: 'the worker', file: 'electron/worker/leak.ts', code: "export { app } from 'electron';\n" },
    {
      where: 'the CLI',
      file: 'electron/cli/leak.ts',
      code: "import { app } from 'electron';\nexport const a = app;\n",
    },
    {
      where: 'the emulator',
      file: 'electron/emulator/leak.ts',
      code: "import { app } from 'electron';\nexport const a = app;\n",
    },
    {
      where: 'shared',
      file: 'shared/leak.ts',
      code: "import { app } from 'electron';\nexport const a = app;\n",
    },
    {
      where: 'the renderer',
      file: 'renderer/src/leak.ts',
      code: "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n",
    },
  ])('flags an electron import in $where', async ({ file, code }) => {
    const messages = await restrictedImportMessages(file, code);
    expect(messages.join('\n')).toMatch(/Only electron\/main and electron\/preload may import electron/);
  });

  it.each([
    { file: 'electron/main/ok.ts', code: "import { app } from 'electron';\nexport const a = app;\n" },
    {
      file: 'electron/preload/ok.ts',
      code: "import { contextBridge } from 'electron';\nexport const a = contextBridge;\n",
    },
  ])('allows electron in $file', async ({ file, code }) => {
    expect(await restrictedImportMessages(file, code)).toEqual([]);
  });

  it('keeps the renderer away from the engine, and shared/ away from Node built-ins', async () => {
    expect(
      await restrictedImportMessages(
        'renderer/src/x.ts',
        "import { openDatabase } from '../../electron/engine/db/open-database';\nexport const a = openDatabase;\n",
      ),
    ).toEqual([expect.stringMatching(/only through the contract/)]);
    expect(
      await restrictedImportMessages(
        'shared/x.ts',
        "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
      ),
    ).toEqual([expect.stringMatching(/no Node built-ins/)]);
  });
});
