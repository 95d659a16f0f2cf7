import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../electron/engine/api/dispatch';
import { startServer, type RunningServer } from '../../electron/engine/server';
import { ALL_ROUTES } from '../../electron/engine/server/rest-api';
import { CALL_CHANNEL_PREFIX } from '../../shared/contract/channels';
import { CALL_NAMES } from '../../shared/contract/call-names';
import type { CallName } from '../../shared/contract/call-names';
import { MainWindow } from '../../electron/main/main-window';
import { runCli } from '../cli/run-cli';
import { ipcMain, ownFrameEvent, safeStorage } from '../mocks/electron';
import { useShell } from '../electron/main/harness';
import { http, openSocket, refusedStatus, socketUrl } from '../engine/server/support';
import { CHAOS_FULL, chaosScale } from './support/chaos-scale';
import { useFuzzEngine, useFuzzHost } from './support/fuzz-engine';
import {
  CHAOS_KEPT_DATA_DIR,
  PLANTED_API_KEY,
  PLANTED_APP_ID,
  containsPlantedSecret,
  recordOutput,
} from './support/planted-key';

const TOKEN_TRIES = chaosScale(40, 1_000);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every file under `dir` read as bytes: none may hold the planted key. Kept for the suite's final search. */
function expectNoPlantedKeyIn(dir: string, keptAs: string): void {
  for (const file of filesUnder(dir)) {
    expect(containsPlantedSecret(readFileSync(file)), file).toBe(false);
  }
  cpSync(dir, join(CHAOS_KEPT_DATA_DIR, keptAs), { recursive: true });
}

describe('security: the desktop path keeps the key encrypted, and out of every answer and log', () => {
  const shell = useShell();

  // Full mode only (7 s): npm test proves the same path in tests/electron/main/vault-shell.test.ts.
  it.runIf(CHAOS_FULL)(
    'saving the planted key from the window: encrypted on disk, never in an answer or a log',
    async () => {
      vi.stubEnv('SOUNDCHARTS_APP_ID', '');
      vi.stubEnv('SOUNDCHARTS_API_KEY', '');
      const logged: string[] = [];
      const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
        vi
          .spyOn(console, level)
          .mockImplementation((...args: unknown[]) => logged.push(args.map(String).join(' '))),
      );
      try {
        await shell.start();
        const window = shell.window();
        const call = (name: CallName, input: unknown) =>
          ipcMain.invoke(`${CALL_CHANNEL_PREFIX}${name}`, ownFrameEvent(window), input);
        const answers = [
          await call('connection/set-credentials', {
            kind: 'api-key',
            appId: PLANTED_APP_ID,
            apiKey: PLANTED_API_KEY,
          }),
          await call('connection/get', {}),
          await call('settings/get', {}),
          await call('app/status', {}),
          await call('audit/list', {}),
          await call('connection/test', {}),
        ];
        expect(answers[0]).toMatchObject({ ok: true, value: { storage: { encrypted: true } } });
        expect(safeStorage.encryptString).toHaveBeenCalled();
        for (const answer of answers) {
          const text = JSON.stringify(answer);
          recordOutput('security-desktop', text);
          expect(containsPlantedSecret(text)).toBe(false);
        }
        // Every event the window was sent.
        for (const [channel, payload] of window.webContents.send.mock.calls) {
          const text = `${channel} ${JSON.stringify(payload)}`;
          recordOutput('security-desktop', text);
          expect(containsPlantedSecret(text)).toBe(false);
        }
      } finally {
        for (const spy of spies) spy.mockRestore();
      }
      recordOutput('security-desktop', logged.join('\n'));
      expect(containsPlantedSecret(logged.join('\n'))).toBe(false);
      expectNoPlantedKeyIn(shell.dataDir(), 'security-desktop');
    },
  );

  it('the window has no Node and the preload exposes only the typed contract', async () => {
    const window = new MainWindow().open({ hidden: true }) as unknown as {
      options: { webPreferences: object };
    };
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
    });
    const { contextBridge } = await import('../mocks/electron');
    await import('../../electron/preload/index');
    expect([...contextBridge.exposed.keys()].sort()).toEqual(['chartSync', 'chartSyncHost']);
    const api = contextBridge.exposed.get('chartSync') as Record<string, unknown>;
    // One function per contract call and on(): no invoke, send or ipcRenderer to reach any other channel.
    expect(Object.keys(api).sort()).toEqual([...CALL_NAMES, 'on'].sort());
  });
});

describe('security: the headless host', () => {
  const fuzz = useFuzzEngine({ onDisk: true });
  const fuzzHost = useFuzzHost(fuzz);
  const internal = fuzzHost.internal;
  let server: RunningServer;
  let exportsDir: string;

  beforeAll(() => {
    server = fuzzHost.server;
    exportsDir = mkdtempSync(join(tmpdir(), 'chart-sync-security-'));
  });
  afterAll(() => {
    rmSync(exportsDir, { recursive: true, force: true });
  });

  const authorized = (method: string, path: string, body?: unknown) =>
    http(server.port, method, path, {
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('never shows the planted key: REST, WebSocket answers and events, a sync, its errors, exports and a backup', async () => {
    const client = await openSocket(socketUrl(server));
    const rest = [
      await authorized('GET', '/api/connection/'),
      await authorized('GET', '/api/settings/'),
      await authorized('GET', '/api/sync/schedules/'),
    ];
    const [schedule] = (rest[2]!.json() as { value: { id: number }[] }).value;
    // A sync that works, then one the API refuses mid-run (a revoked key): both leave answers, events and errors.
    rest.push(await authorized('POST', `/api/sync/schedules/${schedule!.id}/backfill/`));
    await vi.waitFor(
      async () => {
        const list = (await authorized('GET', '/api/sync/executions/')).json() as {
          value: { items: { status: string }[] };
        };
        expect(list.value.items.every((e) => e.status !== 'running' && e.status !== 'pending')).toBe(true);
      },
      { timeout: 30_000, interval: 200 },
    );
    fuzz.emulator.faults.configure({ unauthorized: { next: 100 } });
    rest.push(
      await authorized('POST', `/api/sync/schedules/${schedule!.id}/sync-now/`).catch(() =>
        authorized('POST', '/api/sync/trigger/', { chart_id: 1 }),
      ),
    );
    rest.push(await authorized('POST', '/api/connection/test/'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    fuzz.emulator.faults.reset();
    rest.push(await authorized('GET', '/api/sync/executions/'));
    rest.push(await authorized('GET', '/api/alerts/'));
    rest.push(await authorized('GET', '/api/audit/'));
    for (const [dataset, format] of [
      ['rankings', 'csv'],
      ['executions', 'ndjson'],
      ['backup', undefined],
    ] as const) {
      const out = join(exportsDir, `${dataset}.${format ?? 'sqlite'}`);
      rest.push(await authorized('POST', '/api/exports/', { dataset, ...(format ? { format } : {}), out }));
    }
    await vi.waitFor(
      async () => {
        const list = (await authorized('GET', '/api/exports/')).json() as {
          value: { items: { status: string }[] };
        };
        expect(list.value.items.length).toBeGreaterThanOrEqual(3);
        expect(list.value.items.every((e) => e.status !== 'running')).toBe(true);
      },
      { timeout: 30_000, interval: 200 },
    );
    rest.push(await authorized('GET', '/api/exports/'));
    client.send({ type: 'call', id: 1, name: 'connection/get', input: {} });
    await client.result(1);
    client.ws.close();

    for (const answer of rest) {
      recordOutput('security-host', `${answer.status} ${answer.text}`);
      expect(containsPlantedSecret(answer.text)).toBe(false);
    }
    for (const message of client.messages) {
      const text = JSON.stringify(message);
      recordOutput('security-host', text);
      expect(containsPlantedSecret(text)).toBe(false);
    }
    recordOutput(
      'security-host',
      internal.map(({ error, where }) => `${where}: ${String(error)}`).join('\n'),
    );
    expect(filesUnder(exportsDir).length).toBeGreaterThanOrEqual(3);
    expectNoPlantedKeyIn(exportsDir, 'security-exports');
    fuzz.current.engine.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expectNoPlantedKeyIn(fuzz.dataDir!, 'security-host-data');
  }, 90_000);

  it('refuses every endpoint and the WebSocket without the token, and with a wrong one', async () => {
    const paths = ALL_ROUTES.map((route) => route.path.replace(/\{(id|ref)\}/, '1'));
    for (const path of paths) {
      for (const method of ['GET', 'POST']) {
        const none = await http(server.port, method, path);
        expect(none.status, `${method} ${path}`).toBe(401);
        const wrong = await http(server.port, method, `${path}?token=${server.token.slice(1)}x`);
        expect(wrong.status, `${method} ${path}`).toBe(401);
      }
    }
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 0, maxLength: 64 }), async (token) => {
        fc.pre(token !== server.token);
        const answer = await http(server.port, 'GET', '/api/sync/schedules/', {
          headers: { Authorization: `Bearer ${token.replace(/[^\x21-\x7e]/g, 'x')}` },
        });
        expect(answer.status).toBe(401);
      }),
      { numRuns: TOKEN_TRIES, seed: chaosScale(1313, Date.now()) },
    );
    expect((await refusedStatus(socketUrl(server, null))).status).toBe(401);
    expect((await refusedStatus(socketUrl(server, `${server.token}x`))).status).toBe(401);
  });

  it('compares the token in constant time: both sides hashed, then timingSafeEqual', () => {
    // Timing cannot be asserted on a shared machine; the comparison's form can. A plain === or a compare that
    // returns at the first differing byte (or on a length mismatch) would leak the token a byte at a time.
    const source = readFileSync('electron/engine/server/token.ts', 'utf8');
    const body = /export function tokensMatch[\s\S]*?\n}/.exec(source)![0];
    expect(body).toMatch(/timingSafeEqual\(digest\(given\), digest\(expected\)\)/);
    expect(body).toMatch(/createHash\('sha256'\)/);
    // No comparison of the two tokens' text or length: only of their digests, in constant time.
    expect(body).not.toMatch(/given\s*[!=]==\s*expected|expected\s*[!=]==\s*given|\.length/);
    for (const file of ['socket-transport.ts', 'rest-api.ts', 'page-access.ts']) {
      const text = readFileSync(`electron/engine/server/${file}`, 'utf8');
      expect(text, file).not.toMatch(/token\s*[!=]==|[!=]==\s*token/);
    }
  });

  it('refuses a foreign Origin and a foreign Host (DNS rebinding), even with the token', async () => {
    for (const origin of [
      'http://evil.example',
      'null',
      `http://localhost.evil.example:${server.port}`,
      `https://127.0.0.1:${server.port}`,
    ]) {
      const answer = await http(server.port, 'GET', '/api/sync/schedules/', {
        headers: { Authorization: `Bearer ${server.token}`, Origin: origin },
      });
      expect(answer.status, origin).toBe(403);
      expect((await refusedStatus(socketUrl(server), { headers: { Origin: origin } })).status, origin).toBe(
        403,
      );
    }
    for (const host of [
      `evil.example:${server.port}`,
      `127.0.0.1.nip.io:${server.port}`,
      `localhost.evil.example`,
    ]) {
      const answer = await http(server.port, 'GET', '/api/sync/schedules/', {
        headers: { Authorization: `Bearer ${server.token}`, Host: host },
      });
      expect(answer.status, host).toBe(403);
    }
    const own = await http(server.port, 'GET', '/api/sync/schedules/', {
      headers: { Authorization: `Bearer ${server.token}`, Origin: `http://127.0.0.1:${server.port}` },
    });
    expect(own.status).toBe(200);
  });

  it('listens on loopback only: a non-loopback address is refused, and other interfaces reach nothing', async () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.10']) {
      await expect(
        startServer({ engine: fuzz.current.engine, port: 0, rendererDir: fuzzHost.rendererDir, host }),
      ).rejects.toThrow(/loopback only/);
    }
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal && i.family === 'IPv4')
      .map((i) => i!.address);
    for (const address of external) {
      const reached = await new Promise<string>((resolve) => {
        const req = httpRequest({ host: address, port: server.port, path: '/', timeout: 2_000 }, () =>
          resolve('answered'),
        );
        req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
        req.on('timeout', () => {
          req.destroy();
          resolve('timeout');
        });
        req.end();
      });
      expect(reached, address).not.toBe('answered');
    }
    recordOutput('security-host', `non-loopback interfaces tried: ${external.join(', ') || 'none'}`);
  });

  it('sends the page its CSP as an HTTP header', async () => {
    const page = await http(server.port, 'GET', `/?token=${server.token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.headers['content-security-policy']).toMatch(/object-src 'none'/);
  });

  it('a webhook aimed at the local REST API is sent without the token, and is refused there', async () => {
    const created = await dispatch(fuzz.current.engine.handlers, 'webhooks/create', {
      url: `http://127.0.0.1:${server.port}/api/sync/schedules/`,
      events: ['execution.failed'],
      secret: 'security-secret-0123456789',
    });
    expect(created.ok).toBe(true);
    const webhookId = (created as { value: { id: number } }).value.id;
    const before = (await authorized('GET', '/api/sync/schedules/')).text;
    const tested = await dispatch(fuzz.current.engine.handlers, 'webhooks/test', { id: webhookId });
    expect(tested.ok).toBe(true);
    let deliveries: { lastStatusCode: number | null; lastError: string | null }[] = [];
    await vi.waitFor(
      async () => {
        const answer = await dispatch(fuzz.current.engine.handlers, 'webhooks/deliveries', { id: webhookId });
        deliveries = (answer as { value: typeof deliveries }).value;
        expect(deliveries[0]?.lastStatusCode).not.toBeNull();
      },
      { timeout: 20_000, interval: 100 },
    );
    // The host answered the delivery 401: no token travelled with it.
    expect(deliveries[0]!.lastStatusCode).toBe(401);
    expect(deliveries[0]!.lastError).not.toContain(server.token);
    recordOutput('security-host', JSON.stringify(deliveries));
    expect((await authorized('GET', '/api/sync/schedules/')).text).toBe(before);
  }, 30_000);

  // Full mode only (6 s of CLI runs); the final search of `npm run test:chaos` reads what it recorded.
  it.runIf(CHAOS_FULL)(
    'the CLI never prints the planted key: status, credentials show, a refused sync, --help',
    async () => {
      vi.stubEnv('CHART_SYNC_DATA_DIR', mkdtempSync(join(tmpdir(), 'chart-sync-security-cli-')));
      vi.stubEnv('SOUNDCHARTS_APP_ID', PLANTED_APP_ID);
      vi.stubEnv('SOUNDCHARTS_API_KEY', PLANTED_API_KEY);
      vi.stubEnv('SOUNDCHARTS_API_URL', fuzz.emulator.url);
      try {
        const outputs = [
          await runCli('status'),
          await runCli('credentials', 'show'),
          await runCli('credentials', 'test'),
          await runCli('charts', 'discover'),
          await runCli('--help'),
        ];
        fuzz.emulator.faults.configure({ unauthorized: { next: 1_000 } });
        outputs.push(await runCli('sync', 'global-28'));
        outputs.push(await runCli('credentials', 'test'));
        fuzz.emulator.faults.reset();
        outputs.push(await runCli('--api-key', PLANTED_API_KEY, '--app-id', PLANTED_APP_ID, 'status'));
        for (const { code, stdout, stderr } of outputs) {
          recordOutput('security-cli', `exit ${code}\n${stdout}\n${stderr}`);
          expect(containsPlantedSecret(stdout + stderr), stdout + stderr).toBe(false);
        }
        expectNoPlantedKeyIn(process.env.CHART_SYNC_DATA_DIR!, 'security-cli');
      } finally {
        vi.unstubAllEnvs();
      }
    },
    60_000,
  );

  it('logged no internal error', () => {
    expect(internal).toEqual([]);
  });
});
