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
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
