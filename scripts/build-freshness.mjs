// Whether out/ is older than the sources it is built from, and building it: one place for `npm start`,
// `chart-sync` from a checkout and the tests' globalSetup. Rebuilding only when stale matters beyond speed:
// electron-vite empties out/ before it writes it again, so a rebuild under a running `chart-sync`, desktop main or
// test makes their next import or migration read fail.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
/** What the build reads: the code, the build's configuration, and the dependencies it bundles (the lockfile). */
export const BUILD_SOURCES = [
  'electron',
  'shared',
  'renderer',
  'package.json',
  'package-lock.json',
  'electron.vite.config.ts',
];
/** One file of each of the build's parts: the oldest of them is the build's age. */
export const BUILD_OUTPUTS = [
  'out/main/index.js',
  'out/main/cli.js',
  'out/main/worker.js',
  'out/main/migrations/meta/_journal.json',
  'out/preload/index.js',
  'out/renderer/index.html',
];

/** The newest modification under a path; a directory counts too, as removing a file changes only its folder. */
function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why out/ must be built again, or null when it is current. */
export function buildStaleness(root = ROOT) {
  const missing = BUILD_OUTPUTS.find((path) => !existsSync(join(root, path)));
  if (missing) return `${missing} is missing`;
  const built = Math.min(...BUILD_OUTPUTS.map((path) => statSync(join(root, path)).mtimeMs));
  const newer = BUILD_SOURCES.find(
    (path) => existsSync(join(root, path)) && newestMtime(join(root, path)) > built,
  );
  return newer ? `${newer} changed since the last build` : null;
}

/**
 * `electron-vite build`, its errors only, run by this Node from electron-vite's own bin: no npx, so no shell on
 * Windows (where Node refuses to spawn npx.cmd without one).
 */
export function buildApp(stdio = 'inherit') {
  const manifest = createRequire(import.meta.url).resolve('electron-vite/package.json');
  const bin = JSON.parse(readFileSync(manifest, 'utf8')).bin['electron-vite'];
  return spawnSync(process.execPath, [join(dirname(manifest), bin), 'build', '--logLevel', 'error'], {
    cwd: ROOT,
    stdio,
  });
}
