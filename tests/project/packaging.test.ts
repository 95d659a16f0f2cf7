import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { Piscina } from 'piscina';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startEmulator } from '../../electron/emulator';
import { APP_USER_MODEL_ID } from '../../electron/main/notifications';
import {
  createMeterState,
  createQuotaState,
  createRateLimitState,
  SANDBOX_CREDENTIALS,
} from '../../electron/engine/soundcharts';
import type { FetchRankingTask, PoolWorkerData, WorkerOutcome } from '../../electron/worker/protocol';
import { LINUX_ICON_SIZES, TRAY_STATES } from '../../scripts/icon-outputs.mjs';
import { TEST_SEED, TEST_TODAY, UNLIMITED_PER_MINUTE } from '../support/emulator';

const root = process.cwd();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  version: string;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

type FileSet = { from: string; to: string };
type BuilderConfig = {
  appId: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  extraMetadata: { main: string };
  extraResources: FileSet[];
  mac: { icon: string; target: string[] };
  dmg: { icon: string };
  win: { icon: string; target: string[] };
  nsis: { installerIcon: string; uninstallerIcon: string };
  linux: { icon: string; target: string[]; executableName: string };
};
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

/** electron-builder's globs (minimatch) as far as this config uses them: `**`, `*` and literal characters. */
function globMatches(pattern: string, path: string): boolean {
  const source = pattern
    .split(/(\*\*\/|\/\*\*$|\*\*|\*)/)
    .map((part) => {
      if (part === '**/') return '(?:.*/)?';
      if (part === '/**') return '(?:/.*)?';
      if (part === '**') return '.*';
      if (part === '*') return '[^/]*';
      return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`).test(path);
}
const unpacked = (path: string) => config.asarUnpack.some((pattern) => globMatches(pattern, path));

/** The files a built module imports, followed through relative imports; bare and node: imports listed apart. */
function importGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const code = readFileSync(join(root, file), 'utf8');
    // The bundler writes its imports at the start of a line (indented ones are in comments: got's docs) and
    // CommonJS dependencies' requires as __require("…").
    const specifiers = [
      ...code.matchAll(/^(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']/gm),
      ...code.matchAll(/^import\s*["']([^"']+)["']/gm),
      ...code.matchAll(/\b__require\(\s*["']([^"']+)["']\s*\)/g),
    ].map((match) => match[1] ?? '');
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) visit(posix.join(posix.dirname(file), specifier));
      else packages.add(specifier);
    }
  };
  visit(entry);
  return { files: [...files], packages: [...packages] };
}

beforeAll(() => {
  // `npm test` builds before any test; run alone, this builds if out/ is missing (see build-output.test.ts).
  if (
    !['main/index.js', 'main/worker.js', 'main/cli.js'].every((path) => existsSync(join(root, 'out', path)))
  )
    execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'pipe' });
}, 180_000);

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z-]+)+$/);
    expect(config.productName).toBe('Chart Sync');
  });

  it("uses the shell's AppUserModelID as appId, which Windows needs to show its notifications", () => {
    expect(config.appId).toBe(APP_USER_MODEL_ID);
  });

  it('builds AppImage and deb for Linux, an NSIS installer for Windows, dmg and zip for macOS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg', 'zip']);
  });

  it('packages the build output and starts the built main, rebuilding native modules for Electron', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
    expect(config.extraMetadata.main).toBe(pkg.main);
    expect(pkg.main).toBe('out/main/index.js');
    expect(config.npmRebuild).toBe(true);
  });

  it('unpacks better-sqlite3 from the asar: its .node file and its JavaScript beside it', () => {
    for (const path of [
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      'node_modules/better-sqlite3/lib/index.js',
    ])
      expect(unpacked(path), path).toBe(true);
  });

  it('unpacks the worker, every file it imports and the migrations, and nothing of the renderer', () => {
    const { files } = importGraph('out/main/worker.js');
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) expect(unpacked(file), file).toBe(true);
    for (const file of readdirSync(join(root, 'out/main/migrations')).filter((name) => name.endsWith('.sql')))
      expect(unpacked(`out/main/migrations/${file}`), file).toBe(true);
    expect(unpacked('out/renderer/index.html')).toBe(false);
  });

  it('names only icons that exist, for every platform', () => {
    for (const icon of [
      config.mac.icon,
      config.dmg.icon,
      config.win.icon,
      config.nsis.installerIcon,
      config.nsis.uninstallerIcon,
    ])
      expect(existsSync(join(root, icon)), icon).toBe(true);
    expect(config.mac.icon).toMatch(/\.icns$/);
    expect(config.win.icon).toMatch(/\.ico$/);
    // A Linux icon folder is read by file name: <size>x<size>.png.
    for (const size of LINUX_ICON_SIZES)
      expect(existsSync(join(root, config.linux.icon, `${size}x${size}.png`))).toBe(true);
  });

  it('ships the tray icons and the command line beside app.asar, where the shell and the wrappers look', () => {
    for (const { from } of config.extraResources) expect(existsSync(join(root, from)), from).toBe(true);
    expect(config.extraResources).toEqual(
      expect.arrayContaining([
        { from: 'resources/tray', to: 'tray' },
        { from: 'resources/bin', to: 'bin' },
      ]),
    );
    for (const state of TRAY_STATES)
      for (const name of [
        `${state}.png`,
        `${state}@2x.png`,
        `${state}Template.png`,
        `${state}Template@2x.png`,
      ])
        expect(existsSync(join(root, 'resources/tray', name)), name).toBe(true);
  });
});

/** Every package any file of out/main imports, statically or on demand (`import("…")`), by its package name. */
function builtPackages(): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(join(root, 'out/main')).filter((name) => name.endsWith('.js'))) {
    const code = readFileSync(join(root, 'out/main', file), 'utf8');
    for (const match of [
      ...code.matchAll(/^(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']/gm),
      ...code.matchAll(/^import\s*["']([^"']+)["']/gm),
      ...code.matchAll(/\bimport\(\s*["']([^"'.][^"']*)["']\s*\)/g),
    ]) {
      const specifier = match[1]!;
      if (specifier.startsWith('.') || isBuiltin(specifier)) continue;
      const parts = specifier.split('/');
      names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
    }
  }
  return [...names].sort();
}

describe('the built CLI, which `chart-sync` runs (package.json bin), and the main process', () => {
  it('import only production dependencies (and electron): tsx is for development only', () => {
    expect(pkg.bin['chart-sync']).toBe('scripts/chart-sync.mjs');
    expect(readFileSync(join(root, pkg.bin['chart-sync']!), 'utf8')).toContain('out/main/cli.js');
    expect(pkg.devDependencies.tsx).toBeDefined();
    expect(pkg.dependencies.tsx).toBeUndefined();
    const packages = builtPackages();
    expect(packages).toContain('better-sqlite3');
    expect(packages.filter((name) => name !== 'electron' && !(name in pkg.dependencies))).toEqual([]);
  });
});

describe('the sync worker, as the packaged app starts it from app.asar.unpacked', () => {
  it('needs no npm package: its bundle imports only its own chunks and Node built-ins', () => {
    expect(importGraph('out/main/worker.js').packages.filter((name) => !isBuiltin(name))).toEqual([]);
  });

  it('runs from a copy of out/main with no node_modules anywhere above it', async () => {
    const unpackedDir = mkdtempSync(join(tmpdir(), 'chart-sync-unpacked-'));
    const emulator = await startEmulator({ seed: TEST_SEED, today: TEST_TODAY });
    cpSync(join(root, 'out/main'), join(unpackedDir, 'out/main'), { recursive: true });
    const workerData: PoolWorkerData = {
      rateLimitState: createRateLimitState(UNLIMITED_PER_MINUTE),
      quotaState: createQuotaState(),
      meterState: createMeterState(),
    };
    const pool = new Piscina({
      filename: join(unpackedDir, 'out/main/worker.js'),
      minThreads: 1,
      maxThreads: 1,
      workerData,
    });
    try {
      const task: FetchRankingTask = {
        kind: 'fetch-ranking',
        connection: { baseUrl: emulator.url, credentials: SANDBOX_CREDENTIALS },
        slug: 'global-28',
        datetime: null,
      };
      const outcome = (await pool.run(task)) as WorkerOutcome<'fetch-ranking'>;
      expect(outcome.ok && outcome.value.entries.length).toBe(200);
    } finally {
      await pool.destroy();
      await emulator.close();
      rmSync(unpackedDir, { recursive: true, force: true });
    }
  });
});

describe('the command line inside the app', () => {
  it('is built to out/main/cli.js and runs under Node', () => {
    const result = spawnSync(process.execPath, [join(root, 'out/main/cli.js'), '--version'], {
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe(pkg.version);
    expect(result.status).toBe(0);
  });

  describe('resources/bin/chart-sync in an installed layout', () => {
    // /opt/Chart Sync as the deb lays it out: the executable, and resources/ with app.asar (a folder here) and
    // bin/; a fake executable stands in for Electron: Node, and only when asked to run as Node.
    let install = '';
    let link = '';
    const run = (...args: string[]) =>
      spawnSync(link, args, { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '' } });

    beforeAll(() => {
      install = mkdtempSync(join(tmpdir(), 'chart-sync-install-'));
      const appDir = join(install, 'opt/Chart Sync');
      const asar = join(appDir, 'resources/app.asar');
      link = join(install, 'usr/bin/chart-sync');
      mkdirSync(join(asar, 'out'), { recursive: true });
      cpSync(join(root, 'out/main'), join(asar, 'out/main'), { recursive: true });
      cpSync(join(root, 'package.json'), join(asar, 'package.json'));
      symlinkSync(join(root, 'node_modules'), join(asar, 'node_modules'));
      cpSync(join(root, 'resources/bin'), join(appDir, 'resources/bin'), { recursive: true });
      const executable = join(appDir, config.linux.executableName);
      writeFileSync(
        executable,
        `#!/bin/sh\n[ "$ELECTRON_RUN_AS_NODE" = 1 ] || exit 86\nexec "${process.execPath}" "$@"\n`,
      );
      chmodSync(executable, 0o755);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync('../../opt/Chart Sync/resources/bin/chart-sync', link);
    });
    afterAll(() => rmSync(install, { recursive: true, force: true }));

    it('runs the bundled CLI with the app executable as Node, through a link on the PATH', () => {
      const result = run('--version');
      expect(result.stderr).toBe('');
      expect(result.stdout.trim()).toBe(pkg.version);
      expect(result.status).toBe(0);
    });

    it("passes the arguments through and returns the CLI's exit code", () => {
      const result = run('no-such-command');
      expect(result.stderr).toMatch(/unknown command 'no-such-command'/);
      expect(result.status).not.toBe(0);
      expect(result.status).not.toBe(86);
    });
  });

  it('has a Windows wrapper that runs the same file with "Chart Sync.exe" as Node', () => {
    const cmd = readFileSync(join(root, 'resources/bin/chart-sync.cmd'), 'utf8');
    expect(cmd).toContain('set ELECTRON_RUN_AS_NODE=1');
    expect(cmd).toContain(
      `"%~dp0..\\..\\${config.productName}.exe" "%~dp0..\\app.asar\\out\\main\\cli.js" %*`,
    );
    expect(cmd).toMatch(/exit \/b %ERRORLEVEL%/);
    expect(cmd.split('\n').every((line) => line === '' || line.endsWith('\r'))).toBe(true);
  });

  it('finds the macOS executable by the product name', () => {
    expect(readFileSync(join(root, 'resources/bin/chart-sync'), 'utf8')).toContain(
      `MacOS/${config.productName}"`,
    );
  });
});
