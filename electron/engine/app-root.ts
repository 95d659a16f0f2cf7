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
 * The same file outside the archive (unchanged elsewhere): electron-builder's asarUnpack copies out/main there,
 * and the worker thread is started from that real file, so loading its ES modules does not depend on how far
 * Electron's archive support reaches inside a worker thread.
 */
export function unpackedPath(path: string): string {
  return path.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`);
}

/** The bundled sync worker (a second entry of the main build), started from its unpacked copy when packaged. */
export const BUNDLED_WORKER = unpackedPath(join(APP_ROOT, 'out', 'main', 'worker.js'));
