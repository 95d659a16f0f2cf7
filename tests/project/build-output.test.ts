import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../electron/emulator';
import {
  createMeterState,
  createQuotaState,
  createRateLimitState,
  SANDBOX_CREDENTIALS,
} from '../../electron/engine/soundcharts';
import type { FetchRankingTask, PoolWorkerData, WorkerOutcome } from '../../electron/worker/protocol';
import { TEST_SEED, TEST_TODAY, UNLIMITED_PER_MINUTE } from '../support/emulator';

const root = process.cwd();
const out = (path: string) => join(root, 'out', path);

describe('npm run build', () => {
  // `npm test` builds once before any test (a check of its own), because the headless host's tests serve
  // out/renderer while this file runs: rebuilding here would empty it under them. Run alone, it builds.
  beforeAll(() => {
    if (!existsSync(out('renderer/index.html')) || !existsSync(out('main/index.js'))) {
      execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'pipe' });
    }
  }, 180_000);

  it.each(['main/index.js', 'main/worker.js', 'preload/index.js', 'renderer/index.html'])(
    'writes out/%s',
    (path) => {
      expect(existsSync(out(path))).toBe(true);
    },
  );

  it('ships the migrations beside the main bundle, where the migrator looks for them', () => {
    expect(existsSync(out('main/migrations/meta/_journal.json'))).toBe(true);
    const journal = JSON.parse(readFileSync(out('main/migrations/meta/_journal.json'), 'utf8')) as {
      entries: { tag: string }[];
    };
    for (const { tag } of journal.entries) expect(existsSync(out(`main/migrations/${tag}.sql`))).toBe(true);
  });

  it('builds the preload as one self-contained CommonJS script, as a sandboxed preload must be', () => {
    const preload = readFileSync(out('preload/index.js'), 'utf8');
    expect(preload).toMatch(/require\(["']electron["']\)/);
    expect(preload).not.toMatch(/^\s*import\s/m);
    expect(preload).not.toMatch(/require\(["'](?!electron["'])[^"']+["']\)/);
  });

  it('runs the built worker in a pool of two threads against the emulator', async () => {
    const emulator = await startEmulator({ seed: TEST_SEED, today: TEST_TODAY });
    const workerData: PoolWorkerData = {
      rateLimitState: createRateLimitState(UNLIMITED_PER_MINUTE),
      quotaState: createQuotaState(),
      meterState: createMeterState(),
    };
    const pool = new Piscina({ filename: out('main/worker.js'), minThreads: 2, maxThreads: 2, workerData });
    const task = (slug: string): FetchRankingTask => ({
      kind: 'fetch-ranking',
      connection: { baseUrl: emulator.url, credentials: SANDBOX_CREDENTIALS },
      slug,
      datetime: null,
    });
    try {
      const [found, missing] = (await Promise.all([
        pool.run(task('global-28')),
        pool.run(task('no-such-chart')),
      ])) as [WorkerOutcome<'fetch-ranking'>, WorkerOutcome<'fetch-ranking'>];
      expect(found.ok && found.value.entries.length).toBe(200);
      expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    } finally {
      await pool.destroy();
      await emulator.close();
    }
  });

  it('keeps electron out of the worker bundle', () => {
    expect(readFileSync(out('main/worker.js'), 'utf8')).not.toMatch(
      /from ["']electron["']|require\(["']electron["']\)/,
    );
  });

  it('references the built script from the renderer page', () => {
    expect(readFileSync(out('renderer/index.html'), 'utf8')).toMatch(
      /<script type="module" crossorigin src="\.\/assets\/index-[\w-]+\.js">/,
    );
  });
});
