#!/usr/bin/env node
// `npm start`: the desktop app where Electron can start. Where it cannot (no Electron binary, no display),
// say why in one line and run the headless host instead: the same engine and UI, in a browser.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    // The electron package exports the path of its binary, and throws when the binary was never downloaded.
    return require('electron');
  } catch (error) {
    return { reason: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

const binary = electronBinary();
const hasDisplay =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (typeof binary === 'string' && hasDisplay) {
  const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const app = spawnSync(binary, ['.'], { stdio: 'inherit' });
  process.exit(app.status ?? 0);
}

const why =
  typeof binary === 'string' ? 'there is no display' : `Electron is not available (${binary.reason})`;
console.log(
  `The desktop app cannot start here: ${why}. Starting the headless host instead (open the URL below).`,
);

// `chart-sync serve`: the engine with its scheduler, the UI and the REST API on 127.0.0.1. Global options
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
