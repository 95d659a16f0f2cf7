#!/usr/bin/env node
// `chart-sync` from a checkout: the built CLI (out/main/cli.js, the same bundle the desktop app ships), so no
// TypeScript is compiled at run time. Where out/ is missing (a fresh clone) it builds first, saying so in one line
// on stderr, which keeps stdout (and --json) clean. After editing the sources, `npm run build` refreshes it.
import { existsSync } from 'node:fs';

const cli = new URL('../out/main/cli.js', import.meta.url);

if (!existsSync(cli)) {
  process.stderr.write('Building Chart Sync first (npm run build)…\n');
  // Loaded only here: every other start of every command skips it. Only the build's errors are shown, on stderr
  // with the line above.
  const { buildApp } = await import('./build-freshness.mjs');
  const build = buildApp(['ignore', 2, 2]);
  if (build.status !== 0 || !existsSync(cli)) {
    process.stderr.write('chart-sync: the build failed (see above); run `npm ci`, then `npm run build`.\n');
    process.exit(1);
  }
}

// The bundle runs the command line it finds in process.argv and sets process.exitCode.
await import(cli.href);
