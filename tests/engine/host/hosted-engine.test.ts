import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../electron/emulator';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { DATABASE_FILE_NAME } from '../../../electron/engine/config/data-dir';
import { FileCredentialVault } from '../../../electron/engine/credentials/file-credential-vault';
import { openDatabase } from '../../../electron/engine/db/open-database';
import { Engine } from '../../../electron/engine/engine';
import { SANDBOX_CREDENTIALS } from '../../../electron/engine/soundcharts/auth';
import { DEMO_DATABASE_FILE_NAME, startHostedEngine, type HostedEngine } from '../../../electron/engine/host';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract/calls';
import type { EngineEvents } from '../../../shared/contract/events';
import type { Result } from '../../../shared/errors';
import { useTempDir } from '../../support/database';

const KEY = 'real-key-0123456789';
const OTHER_KEY = 'other-key-9876543210';
const REAL = { kind: 'api-key', appId: 'real-app', apiKey: KEY } as const;

async function call<K extends CallName>(
  hosted: HostedEngine,
  name: K,
  input: CallInput<K>,
): Promise<Result<CallOutput<K>>> {
  return (await dispatch(hosted.port.handlers, name, input)) as Result<CallOutput<K>>;
}

async function ok<K extends CallName>(hosted: HostedEngine, name: K, input: CallInput<K>) {
  const result = await call(hosted, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

describe('an engine without a host', () => {
  it('refuses the connection calls: its connection is fixed by whoever opened it', async () => {
    const engine = new Engine({
      database: openDatabase({ file: ':memory:' }),
      version: 'test',
      connection: { baseUrl: 'http://127.0.0.1:9', credentials: SANDBOX_CREDENTIALS },
    });
    try {
      const result = await dispatch(engine.handlers, 'connection/get', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
      if (!result.ok) expect(result.error.message).toMatch(/opened without a Chart Sync host/);
    } finally {
      await engine.close();
    }
  });
});

describe('the hosted engine reconnects without a restart', () => {
  const tempDir = useTempDir();
  let real: RunningEmulator;
  let hosted: HostedEngine | null = null;
  const errors: unknown[] = [];

  beforeAll(async () => {
    real = await startEmulator({
      seed: 11,
      acceptSandbox: false,
      credentials: [
        { appId: 'real-app', apiKey: KEY },
        { appId: 'other-app', apiKey: OTHER_KEY },
      ],
    });
  });
  afterAll(async () => {
    await real.close();
  });
  afterEach(async () => {
    await hosted?.close();
    hosted = null;
    errors.length = 0;
    real.faults.reset();
  });

  const start = async (dataDir: string, env: Record<string, string> = {}) =>
    (hosted = await startHostedEngine({
      version: 'test',
      flags: { dataDir },
      env,
      onError: (error) => errors.push(error),
    }));

  /** A host on saved credentials (REAL), talking to the `real` emulator. */
  const startOnReal = async () => {
    const dataDir = tempDir();
    new FileCredentialVault({ dataDir }).write(REAL);
    const host = await start(dataDir, { SOUNDCHARTS_API_URL: '' });
    await ok(host, 'settings/update', { apiUrl: real.url });
    await vi.waitFor(() => expect(host.config.apiUrl).toBe(real.url));
    return host;
  };

  it('goes from demo to real and back on saved credentials, each in its own database, settings carried', async () => {
    const logged = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level),
    );
    const written = vi.spyOn(process.stderr, 'write');
    const dataDir = tempDir();
    const host = await start(dataDir);
    expect(host.demo).toBe(true);
    const demoEngine = host.engine;
    expect(demoEngine.database.file).toBe(join(dataDir, DEMO_DATABASE_FILE_NAME));
    const demoCharts = (await ok(host, 'charts/list', {})).length;
    expect(demoCharts).toBeGreaterThan(0);
    expect(await ok(host, 'connection/get', {})).toMatchObject({
      demo: true,
      credentials: { source: 'none', kind: null, editable: true },
      storage: { backend: 'file', encrypted: false },
    });

    const changes: EngineEvents['app/connection-changed'][] = [];
    host.port.events.on('app/connection-changed', (change) => changes.push(change));
    const told: boolean[] = [];
    host.onReconnect((change) => told.push(change.demo));

    // Settings of the demo: the API URL (ignored in demo mode: no reconnection) and others.
    await ok(host, 'settings/update', { apiUrl: real.url, theme: 'dark', retentionDays: 45 });
    await vi.waitFor(() => expect(host.config.apiUrl).toBe(real.url));
    expect(host.engine).toBe(demoEngine);
    expect(changes).toEqual([]);

    const saved = await ok(host, 'connection/set-credentials', REAL);
    expect(saved).toMatchObject({
      demo: false,
      apiUrl: real.url,
      apiUrlSource: 'settings',
      credentials: {
        source: 'saved',
        kind: 'api-key',
        identity: 'real-app',
        secretLast4: '6789',
        editable: true,
      },
    });
    expect(JSON.stringify(saved)).not.toContain(KEY);
    expect(host.demo).toBe(false);
    expect(host.engine).not.toBe(demoEngine);
    expect(host.engine.database.file).toBe(join(dataDir, DATABASE_FILE_NAME));
    expect(changes).toEqual([{ demo: false, apiUrl: real.url }]);
    expect(told).toEqual([false]);
    expect(await ok(host, 'settings/get', {})).toMatchObject({ theme: 'dark', retentionDays: 45 });

    // The real database starts empty; events of the new engine reach the stable port.
    expect(await ok(host, 'charts/list', {})).toEqual([]);
    const updates: unknown[] = [];
    host.port.events.on('charts/updated', (payload) => updates.push(payload));
    const discovered = await ok(host, 'charts/discover', {});
    expect(discovered.created).toBeGreaterThan(0);
    expect(updates).toHaveLength(1);
    const status = await ok(host, 'app/status', {});
    expect(status).toMatchObject({ demo: false, apiUrl: real.url });

    const cleared = await ok(host, 'connection/clear-credentials', {});
    expect(cleared).toMatchObject({ demo: true, credentials: { source: 'none', kind: null } });
    expect(host.demo).toBe(true);
    expect(host.engine.database.file).toBe(join(dataDir, DEMO_DATABASE_FILE_NAME));
    expect(changes.map((c) => c.demo)).toEqual([false, true]);
    // The demo's data is as it was: nothing of the real catalogue came in.
    expect((await ok(host, 'charts/list', {})).length).toBe(demoCharts);
    expect(existsSync(join(dataDir, 'credentials.json'))).toBe(false);

    // The key is nowhere in either database, nor in the audit log's entries.
    const audit = await ok(host, 'audit/list', { action: 'credentials.saved' });
    expect(audit.items[0]).toMatchObject({ result: 'ok', detail: { kind: 'api-key', identity: 'real-app' } });
    await host.close();
    hosted = null;
    for (const file of [DATABASE_FILE_NAME, DEMO_DATABASE_FILE_NAME]) {
      for (const suffix of ['', '-wal']) {
        const path = join(dataDir, file + suffix);
        if (existsSync(path)) expect(readFileSync(path).includes(KEY)).toBe(false);
      }
    }
    expect(JSON.stringify(errors.map(String))).not.toContain(KEY);
    for (const spy of [...logged, written]) {
      expect(JSON.stringify(spy.mock.calls)).not.toContain(KEY);
      spy.mockRestore();
    }
  });

  it('starts on saved credentials, takes a new rate limit live, and reconnects for a new API URL', async () => {
    const dataDir = tempDir();
    new FileCredentialVault({ dataDir }).write(REAL);
    const host = await start(dataDir, { SOUNDCHARTS_API_URL: '' });
    expect(host.demo).toBe(false);
    expect(host.config).toMatchObject({ credentialSource: 'saved' });
    await ok(host, 'settings/update', { apiUrl: real.url });
    await vi.waitFor(() => expect(host.config.apiUrl).toBe(real.url));
    const engine = host.engine;

    await ok(host, 'settings/update', { rateLimitPerMinute: 77 });
    await vi.waitFor(() => expect(host.config.rateLimitPerMinute).toBe(77));
    expect(host.engine).toBe(engine);
    expect(engine.client.rateLimiter.perMinute).toBeCloseTo(77, 3);
    expect(await ok(host, 'connection/get', {})).toMatchObject({
      rateLimitPerMinute: 77,
      rateLimitSource: 'settings',
    });

    const moved = `http://localhost:${real.port}`;
    await ok(host, 'settings/update', { apiUrl: moved });
    await vi.waitFor(() => expect(host.engine).not.toBe(engine));
    expect(host.config.apiUrl).toBe(moved);
    expect((await ok(host, 'app/status', {})).apiUrl).toBe(moved);
    expect(host.engine.client.rateLimiter.perMinute).toBeCloseTo(77, 3);
  });

  it('takes up metadata again once a connection test shows the credentials in use accepted, not for candidates', async () => {
    const host = await startOnReal();
    const auth = { code: 'auth', message: 'Soundcharts refused the credentials (HTTP 401).', at: Date.now() };
    // As after a sync refused with 401 while the key was revoked at Soundcharts, then reinstated there.
    host.engine.enrichment.hold(auth);

    // Testing other credentials says nothing of those in use; a refused test neither.
    await ok(host, 'connection/test', { credentials: { ...REAL, appId: 'other-app', apiKey: OTHER_KEY } });
    real.faults.configure({ unauthorized: { next: 1 } });
    expect((await call(host, 'connection/test', {})).ok).toBe(false);
    expect(host.engine.enrichment.paused).toMatchObject({ code: 'auth' });

    await ok(host, 'connection/test', {});
    expect(host.engine.enrichment.paused).toBeNull();
  });

  it('does not lift the hold of a connection made while the test of the previous one was under way', async () => {
    const host = await startOnReal();
    real.faults.configure({ latency: { minMs: 1_500, maxMs: 1_500 } });
    let answered = false;
    const testing = ok(host, 'connection/test', {}).finally(() => (answered = true));
    const before = host.engine;
    await ok(host, 'connection/set-credentials', { ...REAL, appId: 'other-app', apiKey: OTHER_KEY });
    await vi.waitFor(() => expect(host.engine).not.toBe(before));
    const auth = { code: 'auth', message: 'Soundcharts refused the credentials (HTTP 401).', at: Date.now() };
    host.engine.enrichment.hold(auth);
    // The answer comes after the switch (else this proves nothing).
    expect(answered).toBe(false);
    await testing;
    expect(host.engine.enrichment.paused).toMatchObject({ code: 'auth' });
  });

  it('lets the period in flight commit, then the new engine resumes the sync with the scheduler', async () => {
    const dataDir = tempDir();
    new FileCredentialVault({ dataDir }).write(REAL);
    const host = await start(dataDir);
    await ok(host, 'settings/update', { apiUrl: real.url, rateLimitPerMinute: 5_000 });
    await vi.waitFor(() => expect(host.engine.client.rateLimiter.perMinute).toBeCloseTo(5_000, 3));
    await ok(host, 'charts/discover', {});
    const chart = (await ok(host, 'charts/list', {})).find((c) => c.frequency === 'daily')!;
    host.engine.startScheduler();
    real.faults.configure({ latency: { minMs: 20, maxMs: 20 } });
    const progressed = new Promise<void>((resolve) =>
      host.port.events.on('execution/progress', (p) => p.periodsSynced >= 2 && resolve()),
    );
    const created = await ok(host, 'schedules/create', {
      chartId: chart.id,
      historyWindowDays: 20,
      fetchTrackMetadata: false,
      syncImmediately: true,
    });
    const executionId = created.execution!.id;
    await progressed;
    const first = host.engine;

    const order: string[] = [];
    host.port.events.on('app/connection-changed', () => order.push('connection-changed'));
    host.port.events.on('execution/updated', (e) => e.id === executionId && order.push(e.status));
    await ok(host, 'connection/set-credentials', { kind: 'api-key', appId: 'other-app', apiKey: OTHER_KEY });
    expect(host.engine).not.toBe(first);
    expect(host.engine.scheduler.started).toBe(true);
    // The new engine's sync is news after the switch is (what listens, the power blocker, clears on the switch).
    expect(order.lastIndexOf('running')).toBeGreaterThan(order.indexOf('connection-changed'));
    // What the old engine stored before it closed is committed, in the database the new one opened.
    const handedOver = await ok(host, 'executions/get', { id: executionId });
    expect(handedOver.periodsSynced).toBeGreaterThanOrEqual(2);
    real.faults.reset();
    await vi.waitFor(
      async () => expect((await ok(host, 'executions/get', { id: executionId })).status).toBe('completed'),
      { timeout: 20_000, interval: 100 },
    );
    const execution = await ok(host, 'executions/get', { id: executionId });
    expect(execution.periodsSynced).toBe(execution.periodsPlanned);
    expect(execution.periodsFailed).toBe(0);
    expect(errors).toEqual([]);
  }, 30_000);

  it('follows credentials another process (the CLI) saved while it runs the scheduler', async () => {
    const dataDir = tempDir();
    const host = await start(dataDir);
    host.engine.startScheduler();
    await ok(host, 'settings/update', { apiUrl: real.url });
    const other = await startHostedEngine({ version: 'test', flags: { dataDir }, env: {} });
    try {
      await ok(other, 'connection/set-credentials', REAL);
    } finally {
      await other.close();
    }
    await vi.waitFor(() => expect(host.demo).toBe(false), { timeout: 10_000, interval: 100 });
    expect(host.engine.database.file).toBe(join(dataDir, DATABASE_FILE_NAME));
    expect(host.engine.scheduler.started).toBe(true);
    expect(host.config.credentialSource).toBe('saved');
  }, 20_000);

  it('keeps running as before when the other database is refused, and puts the vault back', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, DATABASE_FILE_NAME), 'this is not a SQLite database, but an operator file');
    const host = await start(dataDir);
    const demoEngine = host.engine;
    const refused = await call(host, 'connection/set-credentials', REAL);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('database_unreadable');
    expect(refused.error.message).toContain(join(dataDir, DATABASE_FILE_NAME));
    expect(refused.error.message).toMatch(/keeps running as before, on the demo/);
    expect(refused.error.message).not.toContain(KEY);
    expect(host.engine).toBe(demoEngine);
    expect(host.demo).toBe(true);
    expect((await ok(host, 'charts/list', {})).length).toBeGreaterThan(0);
    expect(new FileCredentialVault({ dataDir }).read()).toBeNull();
    expect(readFileSync(join(dataDir, DATABASE_FILE_NAME), 'utf8')).toContain('operator file');
    const audit = await ok(host, 'audit/list', { action: 'credentials.saved' });
    expect(audit.items.map((e) => e.result)).toEqual(['error', 'ok']);
  });

  it('two saves at once, the other database refused: both fail, and the vault is as before the first', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, DATABASE_FILE_NAME), 'this is not a SQLite database, but an operator file');
    const host = await start(dataDir);
    const [first, second] = await Promise.all([
      call(host, 'connection/set-credentials', REAL),
      call(host, 'connection/set-credentials', { kind: 'api-key', appId: 'other-app', apiKey: OTHER_KEY }),
    ]);
    // Neither is in effect: the second must not answer "saved" while the first one's rollback emptied the vault.
    expect([first.ok, second.ok]).toEqual([false, false]);
    expect(host.demo).toBe(true);
    expect(new FileCredentialVault({ dataDir }).read()).toBeNull();
  });

  it('refuses to save credentials that a variable or a flag overrides, naming them', async () => {
    const dataDir = tempDir();
    const host = await start(dataDir, {
      SOUNDCHARTS_APP_ID: 'real-app',
      SOUNDCHARTS_API_KEY: KEY,
      SOUNDCHARTS_API_URL: real.url,
    });
    expect(host.demo).toBe(false);
    expect(await ok(host, 'connection/get', {})).toMatchObject({
      apiUrlSource: 'environment',
      credentials: { source: 'environment', editable: false, secretLast4: '6789' },
    });
    for (const name of ['connection/set-credentials', 'connection/clear-credentials'] as const) {
      const input = name === 'connection/set-credentials' ? REAL : {};
      const refused = await call(host, name, input as never);
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
      if (!refused.ok) expect(refused.error.message).toMatch(/SOUNDCHARTS_APP_ID and SOUNDCHARTS_API_KEY/);
    }
    expect(existsSync(join(dataDir, 'credentials.json'))).toBe(false);
  });

  it('tests candidate credentials without using quota, and says clearly when they are rejected or nobody answers', async () => {
    const host = await start(tempDir());
    const quotaBefore = real.quota.remaining;
    const tested = await ok(host, 'connection/test', { credentials: REAL, apiUrl: real.url });
    expect(tested).toMatchObject({ apiUrl: real.url, quota: { remaining: quotaBefore } });
    expect(real.quota.remaining).toBe(quotaBefore);

    const rejected = await call(host, 'connection/test', {
      credentials: { kind: 'api-key', appId: 'real-app', apiKey: 'wrong-key-000000' },
      apiUrl: real.url,
    });
    expect(rejected).toMatchObject({ ok: false, error: { code: 'soundcharts_error' } });
    if (!rejected.ok) {
      expect(rejected.error.message).toMatch(/rejected these credentials \(HTTP 401\)/);
      expect(rejected.error.message).not.toContain('wrong-key-000000');
    }

    // An OAuth client gets its token from the server at the API URL when it is not Soundcharts'.
    const oauth = await ok(host, 'connection/test', {
      credentials: { kind: 'oauth', clientId: 'real-app', clientSecret: KEY },
      apiUrl: real.url,
    });
    expect(oauth.apiUrl).toBe(real.url);

    const nobody = await call(host, 'connection/test', { credentials: REAL, apiUrl: 'http://127.0.0.1:9' });
    expect(nobody).toMatchObject({ ok: false, error: { code: 'soundcharts_error' } });
    if (!nobody.ok) expect(nobody.error.message).toContain('No answer from http://127.0.0.1:9');

    // In demo mode, what is in use is the built-in emulator.
    expect((await ok(host, 'connection/test', {})).apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const noCredentials = await call(host, 'connection/test', { apiUrl: real.url });
    expect(noCredentials).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
