import { defineConfig } from 'vitest/config';

/** `npm run bench`: the benchmarks in bench/, kept out of `npm test` (timings are never test assertions). */
export default defineConfig({
  test: {
    include: [],
    benchmark: { include: ['bench/**/*.bench.ts'] },
    environment: 'node',
  },
});
