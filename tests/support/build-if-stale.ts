import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Vitest's globalSetup: the tests that spawn `chart-sync` (tests/cli, tests/e2e, npm start) run the built CLI
 * (out/). `npm test` builds first; a lone `npx vitest run tests/cli/x.test.ts` rebuilds here only when a source
 * is newer than the build, which costs a directory walk (milliseconds) when it is current.
 */
const ROOT = join(import.meta.dirname, '../..');
const SOURCES = ['electron', 'shared', 'renderer', 'package.json', 'electron.vite.config.ts'];
const OUTPUTS = ['out/main/cli.js', 'out/main/worker.js', 'out/renderer/index.html'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function buildIsStale(root = ROOT): boolean {
  const outputs = OUTPUTS.map((path) => join(root, path));
  if (!outputs.every((path) => existsSync(path))) return true;
  const built = Math.min(...outputs.map((path) => statSync(path).mtimeMs));
  return SOURCES.some((path) => existsSync(join(root, path)) && newestMtime(join(root, path)) > built);
}

export default function setup(): void {
  if (!buildIsStale()) return;
  process.stderr.write('Sources are newer than out/: building (npx electron-vite build)…\n');
  execFileSync('npx', ['electron-vite', 'build', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
}
