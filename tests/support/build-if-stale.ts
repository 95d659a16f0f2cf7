import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { buildStaleness } from '../../scripts/build-freshness.mjs';

/**
 * Vitest's globalSetup: the tests that spawn `chart-sync` (tests/cli, tests/e2e, npm start) run the built CLI
 * (out/). `npm test` builds first; a lone `npx vitest run tests/cli/x.test.ts` rebuilds here only when a source
 * is newer than the build (scripts/build-freshness.mjs), which costs a directory walk when it is current.
 */
const ROOT = join(import.meta.dirname, '../..');

export default function setup(): void {
  const why = buildStaleness(ROOT);
  if (!why) return;
  process.stderr.write(`Building first (npx electron-vite build): ${why}…\n`);
  execFileSync('npx', ['electron-vite', 'build', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
}
