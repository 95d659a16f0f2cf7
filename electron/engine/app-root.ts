import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Whether this code runs from the electron-vite bundle (out/main/*.js: the app, or the CLI inside it) rather
 * than from the TypeScript source (tsx, vitest).
 */
export const BUNDLED = !import.meta.url.endsWith('.ts');

/**
 * The folder holding package.json and out/: the checkout, or app.asar in the packaged app. This file is two
 * levels under it in the source (electron/engine/) and, bundled, is inlined into a file of out/main (the build
 * keeps its chunks there, electron.vite.config.ts), two levels under it too.
 */
export const APP_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The same file outside the archive: electron-builder's asarUnpack copies the worker there, because a worker
 * thread's script is loaded by Node's own loader, which cannot read inside app.asar. Unchanged elsewhere.
 */
export function unpackedPath(path: string): string {
  return path.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`);
}

/** The bundled sync worker (a second entry of the main build), started from its unpacked copy when packaged. */
export const BUNDLED_WORKER = unpackedPath(join(APP_ROOT, 'out', 'main', 'worker.js'));
