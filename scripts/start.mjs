#!/usr/bin/env node
// `npm start`: the desktop app where Electron can start. Where it cannot (no Electron binary, no display),
// say why in one line and run the headless host instead: the same engine and UI, in a browser. Both run the build
// (out/), so it is made again first when a source is newer than it (scripts/build-freshness.mjs): never when it is
// current, because a rebuild empties out/ under any chart-sync or app already running from it.
import { spawn, spawnSync } from 'node:child_process';
import { buildApp, buildStaleness } from './build-freshness.mjs';

/** A first run may download the Electron binary (minutes on a slow line); past this, give up and say so. */
const ELECTRON_LOOKUP_TIMEOUT_MS = 10 * 60_000;

function electronBinary() {
  // The electron package exports the path of its binary, downloading it on first use; where that cannot work it
  // prints a download stack trace. Asking in a child keeps that noise out of the one line the operator reads.
  const lookup = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    encoding: 'utf8',
    timeout: ELECTRON_LOOKUP_TIMEOUT_MS,
  });
  if (lookup.status === 0 && lookup.stdout) return lookup.stdout;
  const reason = (lookup.stderr ?? '')
    .split('\n')
    .map((line) => line.trim())
    .findLast((line) => /^Error:/.test(line));
  // Electron's own words tell a developer to reinstall; the operator needs to know only that there is no binary.
  if (!reason || /failed to install correctly/.test(reason)) {
    return { reason: 'its binary is not installed and could not be downloaded' };
  }
  return { reason: reason.replace(/^Error:\s*/, '') };
}

const staleness = buildStaleness();
if (staleness) {
  console.log(`Building Chart Sync (npm run build): ${staleness}…`);
  const build = buildApp();
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const binary = electronBinary();
const hasDisplay =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (typeof binary === 'string' && hasDisplay) {
  const app = spawnSync(binary, ['.'], { stdio: 'inherit' });
  process.exit(app.status ?? 0);
}

const why =
  typeof binary === 'string' ? 'there is no display' : `Electron is not available (${binary.reason})`;
console.log(
  `The desktop app cannot start here: ${why}. Starting the headless host instead (open the URL below).`,
);

// `chart-sync serve` (the built CLI): the engine with its scheduler, the UI and the REST API on 127.0.0.1. Global options
// (--data-dir, --api-url…) given to `npm start --` come before the command.
const host = spawn(process.execPath, ['scripts/chart-sync.mjs', ...process.argv.slice(2), 'serve'], {
  stdio: 'inherit',
});
// Ctrl-C reaches the host from the terminal too; serve treats copies arriving together as one request, so
// forwarding is safe and also covers a SIGTERM sent to this process alone.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (host.exitCode === null && host.signalCode === null) host.kill(signal);
  });
}
host.on('error', (error) => {
  console.error(`Could not start the headless host: ${error.message}`);
  process.exit(1);
});
host.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
