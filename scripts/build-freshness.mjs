// Whether out/ is older than the sources it is built from, in one place for `npm start` and the tests' globalSetup.
// Rebuilding only when stale matters beyond speed: electron-vite empties out/ before it writes it again, so a
// rebuild under a running `chart-sync`, desktop main or test makes their next import or migration read fail.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
