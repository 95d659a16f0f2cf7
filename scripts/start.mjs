#!/usr/bin/env node
// `npm start`: the desktop app where Electron can start. Where it cannot (no Electron binary, no display),
// say why in one line and run what this machine can run instead.
import { spawnSync } from 'node:child_process';
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
  `The desktop app cannot start here: ${why}. Running the sync engine from the command line instead.`,
);
// The main job without a window: sync what is due (the demo schedules when no credentials are set), then report.
// Global options (--data-dir, --api-url…) come before the command.
const args = process.argv.slice(2);
const run = (command) =>
  spawnSync(process.execPath, ['scripts/chart-sync.mjs', ...args, command], { stdio: 'inherit' }).status ?? 1;
const processed = run('process');
const status = run('status');
process.exit(processed || status);
