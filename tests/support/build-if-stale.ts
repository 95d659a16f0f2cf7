import { join } from 'node:path';
import { buildApp, buildStaleness } from '../../scripts/build-freshness.mjs';

/**
 * Vitest's globalSetup: the tests that spawn `chart-sync` (tests/cli, tests/e2e, npm start) run the built CLI
 * (out/). `npm test` builds first; a lone `npx vitest run tests/cli/x.test.ts` rebuilds here only when a source
 * is newer than the build (scripts/build-freshness.mjs), which costs a directory walk when it is current.
 */
const ROOT = join(import.meta.dirname, '../..');

export default function setup(): void {
  const why = buildStaleness(ROOT);
  if (!why) return;
  process.stderr.write(`Building first (npm run build): ${why}…\n`);
  const build = buildApp();
  if (build.status !== 0)
    throw new Error(`The build failed (exit ${build.status ?? build.signal}): see above.`);
}
