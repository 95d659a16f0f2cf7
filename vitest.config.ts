import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Electron cannot run here: every test that reaches `electron` gets the one fake (tests/mocks/electron.ts).
  resolve: {
    alias: [{ find: /^electron$/, replacement: resolve(import.meta.dirname, 'tests/mocks/electron.ts') }],
  },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    // The tests that spawn `chart-sync` run the built CLI: rebuilt first when a source is newer than out/.
    globalSetup: ['tests/support/build-if-stale.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
