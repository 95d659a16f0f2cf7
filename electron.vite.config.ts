import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

const root = import.meta.dirname;
const MIGRATIONS_SOURCE = resolve(root, 'electron/engine/db/migrations');
const MIGRATIONS_TARGET = resolve(root, 'out/main/migrations');
/** The packages the sync worker imports (tests/project/packaging.test.ts checks the bundle needs no others). */
const WORKER_DEPENDENCIES = ['got', 'zod'];
/**
 * Pure-JavaScript packages the CLI loads on every command: bundled, so Node reads a few chunks instead of
 * resolving hundreds of files in node_modules (most of `chart-sync status`'s start-up, docs/benchmarks.md goal 3).
 * Native ones (better-sqlite3), piscina (it starts its own worker file) and those loaded on demand stay external.
 */
const STARTUP_DEPENDENCIES = ['commander', 'drizzle-orm', 'croner', 'toad-scheduler', 'csv-stringify'];

/**
 * The migrator reads SQL files next to the code that runs it (`./migrations` beside the bundle), so the
 * committed drizzle-kit migrations are copied beside out/main/index.js, where the packaged app finds them too.
 */
function copyMigrations(): Plugin {
  return {
    name: 'chart-sync:copy-migrations',
    apply: 'build',
    closeBundle() {
      cpSync(MIGRATIONS_SOURCE, MIGRATIONS_TARGET, { recursive: true });
    },
  };
}

export default defineConfig({
  main: {
    plugins: [copyMigrations()],
    build: {
      // The packaged app starts the worker from app.asar.unpacked, where only out/main is (electron-builder.yml's
      // asarUnpack): what the worker imports from node_modules is bundled into its chunks instead.
      externalizeDeps: { exclude: [...WORKER_DEPENDENCIES, ...STARTUP_DEPENDENCIES] },
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          worker: resolve(root, 'electron/worker/index.ts'),
          // The CLI shipped inside the app (resources/bin/chart-sync runs it with the app's executable as Node).
          cli: resolve(root, 'electron/cli/entry.ts'),
        },
        // Shared chunks stay beside the entries: code that finds files from its own location (the migrations,
        // package.json, electron/engine/app-root.ts) then sees the same folder whichever file it lands in.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      // Sandboxed preload scripts cannot load ES modules or node_modules: one self-contained CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      // The headless host serves this bundle over HTTP too: keep it small (electron-vite leaves it unminified
      // unless told), and parsing a smaller bundle is the first part of every screen's first paint.
      minify: true,
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
