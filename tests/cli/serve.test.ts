import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STOPPED_NOTICE, STOPPING_NOTICE } from '../../electron/cli/commands/serve';
import { startEmulator } from '../../electron/emulator';
import { DEMO_NOTICE } from '../../electron/cli/open-engine';
import { DEMO_DATABASE_FILE_NAME } from '../../electron/engine/host';
import { SyncLock } from '../../electron/engine/sync/sync-lock';
import { http, makeRendererDir, openSocket } from '../engine/server/support';
import { FAST, useCli } from './run-cli';
import {
  SERVE_URL_LINE as URL_LINE,
  freshMachineEnv,
  spawnChartSync,
  type SpawnedChartSync,
} from './spawn-chart-sync';

/** Start-up runs migrations, the demo emulator and its seed: seconds, more on a loaded machine. */
const STARTUP_TIMEOUT_MS = 60_000;

describe('chart-sync serve, as a process of its own', () => {
  let machine = '';
  let renderer: ReturnType<typeof makeRendererDir>;
  let spawned: SpawnedChartSync;
  let stdout = '';

  beforeAll(() => {
    machine = mkdtempSync(join(tmpdir(), 'chart-sync-serve-'));
    renderer = makeRendererDir();
    spawned = spawnChartSync(
      [...FAST, '--data-dir', machine, 'serve', '--port', '0', '--renderer-dir', renderer.rendererDir],
      freshMachineEnv(machine),
    );
    spawned.child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  });
  afterAll(async () => {
    if (spawned.child.exitCode === null && spawned.child.signalCode === null) spawned.child.kill('SIGKILL');
    await spawned.result.catch(() => undefined);
    rmSync(machine, { recursive: true, force: true });
    renderer.cleanup();
  });

  it(
    'prints its URL, serves the page and the contract, and stops cleanly on SIGINT',
    async () => {
      await expect
        .poll(() => URL_LINE.test(stdout), { timeout: STARTUP_TIMEOUT_MS, interval: 100 })
        .toBe(true);
      const [, url, portText, token] = URL_LINE.exec(stdout)!;
      const port = Number(portText);

      const page = await http(port, 'GET', new URL(url!).pathname + new URL(url!).search);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<title>Chart Sync</title>');

      const client = await openSocket(`ws://127.0.0.1:${port}/ws?token=${token}`);
      client.send({ type: 'call', id: 1, name: 'app/status', input: {} });
      expect(await client.result(1)).toMatchObject({
        result: { ok: true, value: { databaseFile: join(machine, DEMO_DATABASE_FILE_NAME) } },
      });
      const listed = await http(port, 'GET', '/api/sync/schedules/', {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(listed.status).toBe(200);
      // The demo's three schedules.
      expect((listed.json() as { value: unknown[] }).value).toHaveLength(3);
      expect((await http(port, 'GET', '/api/sync/schedules/')).status).toBe(401);

      // Saving credentials reconnects behind the same server and socket: the page hears of it, and the
      // status now names the real database; clearing them goes back to the demo's.
      const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
      const api = await startEmulator({ seed: 9 });
      const setting = await http(port, 'PATCH', '/api/settings/', {
        headers,
        body: JSON.stringify({ api_url: api.url }),
      });
      expect(setting.status).toBe(200);
      const connected = client.event('app/connection-changed');
      const saved = await http(port, 'PUT', '/api/connection/credentials/', {
        headers,
        body: JSON.stringify({ app_id: 'soundcharts', api_key: 'soundcharts' }),
      });
      expect(saved.status).toBe(200);
      expect(await connected).toMatchObject({ payload: { demo: false } });
      client.send({ type: 'call', id: 2, name: 'app/status', input: {} });
      expect(await client.result(2)).toMatchObject({
        result: { ok: true, value: { demo: false, databaseFile: join(machine, 'chart-sync.sqlite') } },
      });
      const demoAgain = client.event('app/connection-changed');
      expect((await http(port, 'DELETE', '/api/connection/credentials/', { headers })).status).toBe(200);
      expect(await demoAgain).toMatchObject({ payload: { demo: true } });
      await api.close();

      const closed = client.closed();
      spawned.child.kill('SIGINT');
      const result = await spawned.result;
      expect(result.code).toBe(0);
      expect(await closed).toBe(1006);
      expect(result.stderr).toContain(DEMO_NOTICE);
      expect(result.stderr).toContain(`Authorization: Bearer ${token}`);
      expect(result.stderr).toMatch(/Reconnected to http:\/\/127\.0\.0\.1:\d+\./);
      expect(result.stderr).toMatch(/Reconnected: demo mode \(http:\/\/127\.0\.0\.1:\d+\)\./);
      const stopping = result.stderr.indexOf(STOPPING_NOTICE);
      expect(stopping).toBeGreaterThan(0);
      expect(result.stderr.indexOf(STOPPED_NOTICE)).toBeGreaterThan(stopping);
      // The database was closed properly: SQLite removes the WAL files at the last close, and the sync lock
      // is free.
      const database = join(machine, DEMO_DATABASE_FILE_NAME);
      expect(existsSync(database)).toBe(true);
      expect(existsSync(`${database}-wal`)).toBe(false);
      expect(existsSync(`${database}-shm`)).toBe(false);
      SyncLock.acquire(database, Date.now()).release();
      // Nothing is left running: another host can take the database at once.
      const next = await spawnChartSync([...FAST, 'status', '--json'], freshMachineEnv(machine)).result;
      expect(next.code).toBe(0);
    },
    STARTUP_TIMEOUT_MS * 2,
  );
});

describe('chart-sync serve refuses what it cannot do, clearly', () => {
  const { cli, dataDir } = useCli();
  let busy: Server;
  let renderer: ReturnType<typeof makeRendererDir>;
  beforeAll(async () => {
    renderer = makeRendererDir();
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => busy.close(() => resolve()));
    renderer.cleanup();
  });

  it.each(['70000', '-1', 'abc', '1.5'])('--port %s', async (port) => {
    const result = await cli('serve', '--port', port);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('expected a port number from 0 to 65535 (0 = any free port)');
  });

  it('names the missing UI build and how to make it', async () => {
    const result = await cli('serve', '--port', '0', '--renderer-dir', join(renderer.root, 'nowhere'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^chart-sync: The UI is not built \(.*index\.html is missing\): build it with `npm run build`\./m,
    );
  });

  it('says when the port is taken, and closes the engine it opened', async () => {
    const { port } = busy.address() as { port: number };
    const result = await cli('serve', '--port', String(port), '--renderer-dir', renderer.rendererDir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`chart-sync: Port ${port} on 127.0.0.1 is already in use`);
    expect(result.stderr).toContain('--port 0 for any free port');
    expect(result.stdout).toBe('');
    expect(existsSync(join(dataDir(), DEMO_DATABASE_FILE_NAME))).toBe(true);
    expect(existsSync(join(dataDir(), `${DEMO_DATABASE_FILE_NAME}-wal`))).toBe(false);
  });
});
