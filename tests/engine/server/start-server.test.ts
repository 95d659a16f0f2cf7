import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../../electron/engine/server';
import { ensureRendererBuilt, RendererMissingError } from '../../../electron/engine/server/renderer-build';
import { MAX_REST_BODY_BYTES } from '../../../electron/engine/server/limits';
import { TEST_TOKEN, fakeEngine, http, makeRendererDir, openSocket, socketUrl } from './support';

describe('startServer', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const renderer = () => {
    const dir = makeRendererDir();
    cleanups.push(dir.cleanup);
    return dir;
  };

  it('refuses to listen anywhere but loopback', async () => {
    const { engine } = fakeEngine();
    for (const host of ['0.0.0.0', '::', '192.168.1.2']) {
      await expect(
        startServer({ engine, host, port: 0, rendererDir: renderer().rendererDir }),
      ).rejects.toThrow(/loopback only/);
    }
  });

  it('answers on any loopback address it is told to listen on, not only 127.0.0.1', async () => {
    const { engine } = fakeEngine();
    const server = await startServer({
      engine,
      host: '127.0.0.2',
      port: 0,
      rendererDir: renderer().rendererDir,
    });
    cleanups.push(() => server.close());
    expect(server.url).toBe(`http://127.0.0.2:${server.port}/?token=${server.token}`);
    const page = await http(server.port, 'GET', `/?token=${server.token}`, { host: '127.0.0.2' });
    expect(page.status).toBe(200);
  });

  it('generates a token per start unless given one, and reports a port in use', async () => {
    const { engine } = fakeEngine();
    const first = await startServer({ engine, port: 0, rendererDir: renderer().rendererDir });
    cleanups.push(() => first.close());
    const second = await startServer({ engine, port: 0, rendererDir: renderer().rendererDir });
    cleanups.push(() => second.close());
    expect(first.token).not.toBe(second.token);
    expect(first.url).toBe(`http://127.0.0.1:${first.port}/?token=${first.token}`);
    await expect(
      startServer({ engine, port: first.port, rendererDir: renderer().rendererDir }),
    ).rejects.toMatchObject({ code: 'EADDRINUSE' });
    const fixed = await startServer({
      engine,
      port: 0,
      rendererDir: renderer().rendererDir,
      token: TEST_TOKEN,
    });
    cleanups.push(() => fixed.close());
    expect(fixed.token).toBe(TEST_TOKEN);
  });

  it('logs errors that clients only see as "internal", with the call that raised them', async () => {
    const failure = new Error('disk on fire');
    const { engine } = fakeEngine({
      'app/status': () => {
        throw failure;
      },
    });
    const logged: unknown[] = [];
    const server = await startServer({
      engine,
      port: 0,
      rendererDir: renderer().rendererDir,
      onInternalError: (error, call) => logged.push([error, call]),
    });
    cleanups.push(() => server.close());
    const client = await openSocket(socketUrl(server));
    client.send({ type: 'call', id: 1, name: 'app/status', input: {} });
    client.send({ type: 'call', id: 2, name: 'schedules/get', input: { id: 1 } });
    expect(await client.result(1)).toMatchObject({ result: { ok: false, error: { code: 'internal' } } });
    // An expected refusal (not_found) is the client's business, not the log's.
    expect(await client.result(2)).toMatchObject({ result: { ok: false, error: { code: 'not_found' } } });
    expect(logged).toEqual([[failure, 'app/status']]);
    client.ws.close();
  });

  it('stops reading a chunked body at the size cap (413)', async () => {
    const { engine } = fakeEngine();
    const server = await startServer({
      engine,
      port: 0,
      rendererDir: renderer().rendererDir,
      token: TEST_TOKEN,
    });
    cleanups.push(() => server.close());
    const answer = await http(server.port, 'POST', '/api/sync/schedules/', {
      headers: {
        Authorization: `Bearer ${TEST_TOKEN}`,
        'Content-Type': 'application/json',
        'Transfer-Encoding': 'chunked',
      },
      body: `{"pad": "${'x'.repeat(MAX_REST_BODY_BYTES)}"}`,
    });
    expect(answer.status).toBe(413);
  });

  it('close() also ends idle keep-alive connections, so it returns at once', async () => {
    const { engine } = fakeEngine();
    const server = await startServer({ engine, port: 0, rendererDir: renderer().rendererDir });
    await http(server.port, 'GET', '/');
    await server.close();
    // Closed for good: the port is free again.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(server.port, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  });
});

describe('ensureRendererBuilt', () => {
  it('does nothing when index.html is there', async () => {
    const dir = makeRendererDir();
    let built = false;
    await ensureRendererBuilt(dir.rendererDir, { build: async () => void (built = true) });
    expect(built).toBe(false);
    dir.cleanup();
  });

  it('builds a missing UI, and explains when it cannot', async () => {
    const dir = makeRendererDir();
    const missing = `${dir.root}/not-built`;
    const told: string[] = [];
    await expect(
      ensureRendererBuilt(missing, { onBuild: () => told.push('building'), build: async () => {} }),
    ).rejects.toThrow(/index\.html is missing\): the build did not produce it; run `npm run build`/);
    expect(told).toEqual(['building']);
    await expect(
      ensureRendererBuilt(missing, {
        build: () => Promise.reject(new Error('vite: syntax error')),
      }),
    ).rejects.toThrow(RendererMissingError);
    // A folder named by the operator is never built behind their back.
    await expect(ensureRendererBuilt(missing)).rejects.toThrow(/build it with `npm run build`/);
    dir.cleanup();
  });
});
