import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { EVENT_NAMES } from '../../../shared/contract/events';
import { ChartSyncError } from '../../../shared/errors';
import { MAX_SOCKET_MESSAGE_BYTES } from '../../../electron/engine/server/limits';
import { fakeEngine, openSocket, refusedStatus, socketUrl, useServer } from './support';

const STATUS = { version: '1.0.0', charts: 3 };

describe('the WebSocket transport', () => {
  const { server, fake } = useServer(() =>
    fakeEngine({
      'app/status': () => STATUS,
      'schedules/get': (input: { id: number }) => {
        throw new ChartSyncError('not_found', `Schedule ${input.id} does not exist.`);
      },
      'charts/sync-status': () => {
        throw new Error('database exploded with secrets');
      },
    }),
  );

  describe('refuses the upgrade', () => {
    it('without a token, or with a wrong one (401)', async () => {
      const missing = await refusedStatus(socketUrl(server(), null));
      expect(missing.status).toBe(401);
      expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      expect((await refusedStatus(socketUrl(server(), 'wrong'))).status).toBe(401);
      expect((await refusedStatus(socketUrl(server(), `${server().token}x`))).status).toBe(401);
      expect((await refusedStatus(socketUrl(server(), ''))).status).toBe(401);
    });

    it('from a page of another site, even with the token (403)', async () => {
      const foreign = await refusedStatus(socketUrl(server()), { origin: 'http://evil.example' });
      expect(foreign.status).toBe(403);
      expect(JSON.parse(foreign.body)).toMatchObject({ error: { code: 'forbidden' } });
      // Another port on loopback is another origin too.
      const otherPort = await refusedStatus(socketUrl(server()), { origin: 'http://127.0.0.1:1' });
      expect(otherPort.status).toBe(403);
      const https = await refusedStatus(socketUrl(server()), {
        origin: `https://127.0.0.1:${server().port}`,
      });
      expect(https.status).toBe(403);
    });

    it('when the Host is not loopback (DNS rebinding), and on another path', async () => {
      const rebound = await refusedStatus(socketUrl(server()), {
        headers: { Host: `evil.example:${server().port}` },
        origin: `http://evil.example:${server().port}`,
      });
      expect(rebound.status).toBe(403);
      const elsewhere = await refusedStatus(`ws://127.0.0.1:${server().port}/other?token=${server().token}`);
      expect(elsewhere.status).toBe(404);
    });

    it('on a path starting with "//" (404), without bringing the host down', async () => {
      // Any page can open ws://127.0.0.1:<port>//: read against a base URL, "//" is an empty host name, and
      // that parse threw in the upgrade listener, out of reach of any catch.
      const bad = await refusedStatus(`ws://127.0.0.1:${server().port}//?token=${server().token}`);
      expect(bad.status).toBe(404);
      const client = await openSocket(socketUrl(server()));
      client.send({ type: 'call', id: 1, name: 'app/status', input: {} });
      expect(await client.result(1)).toMatchObject({ result: { ok: true, value: STATUS } });
      client.ws.close();
    });
  });

  it('accepts its own origin and no origin, and the token as a query parameter', async () => {
    const same = await openSocket(socketUrl(server()), { origin: `http://127.0.0.1:${server().port}` });
    const localhost = await openSocket(socketUrl(server()), {
      headers: { Host: `localhost:${server().port}` },
      origin: `http://localhost:${server().port}`,
    });
    const none = await openSocket(socketUrl(server()));
    for (const client of [same, localhost, none]) client.ws.close();
  });

  it('answers a call with its result, by id, through dispatch', async () => {
    const client = await openSocket(socketUrl(server()));
    client.send({ type: 'call', id: 7, name: 'app/status', input: {} });
    expect(await client.result(7)).toEqual({ type: 'result', id: 7, result: { ok: true, value: STATUS } });
    client.send({ type: 'call', id: 8, name: 'schedules/get', input: { id: 4 } });
    expect(await client.result(8)).toEqual({
      type: 'result',
      id: 8,
      result: { ok: false, error: { code: 'not_found', message: 'Schedule 4 does not exist.' } },
    });
    expect(fake().received).toEqual([
      { name: 'app/status', input: {} },
      { name: 'schedules/get', input: { id: 4 } },
    ]);
    client.ws.close();
  });

  it('validates input and names like every transport, and hides unexpected errors', async () => {
    const client = await openSocket(socketUrl(server()));
    client.send({ type: 'call', id: 1, name: 'schedules/get', input: { id: 'four' } });
    client.send({ type: 'call', id: 2, name: 'shell/exec', input: {} });
    client.send({ type: 'call', id: 3, name: 'charts/sync-status', input: { chartId: 1 } });
    // A missing input is an empty one.
    client.send({ type: 'call', id: 4, name: 'app/status' });
    expect(await client.result(1)).toMatchObject({
      result: { ok: false, error: { code: 'invalid_input', fields: { id: expect.any(String) } } },
    });
    expect(await client.result(2)).toMatchObject({
      result: { ok: false, error: { code: 'invalid_input', message: 'Unknown call "shell/exec".' } },
    });
    const hidden = await client.result(3);
    expect(hidden).toMatchObject({ result: { ok: false, error: { code: 'internal' } } });
    expect(JSON.stringify(hidden)).not.toContain('secrets');
    expect(await client.result(4)).toMatchObject({ result: { ok: true } });
    client.ws.close();
  });

  it('survives malformed messages: an error result when an id is there, silence otherwise', async () => {
    const client = await openSocket(socketUrl(server()));
    client.send('not json {');
    client.send('null');
    client.send('[1, 2]');
    client.send({ type: 'call', name: 'app/status' });
    client.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    client.send({ type: 'subscribe', id: 5 });
    client.send({ type: 'call', id: 6, name: 42 });
    expect(await client.result(5)).toMatchObject({
      result: { ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/message type/) } },
    });
    expect(await client.result(6)).toMatchObject({ result: { ok: false, error: { code: 'invalid_input' } } });
    client.send({ type: 'call', id: 9, name: 'app/status', input: {} });
    expect(await client.result(9)).toMatchObject({ result: { ok: true } });
    expect(client.messages).toEqual([]);
    client.ws.close();
  });

  it('closes a socket that sends more than the size cap (1009), and goes on serving others', async () => {
    const big = await openSocket(socketUrl(server()));
    const closed = big.closed();
    big.send({
      type: 'call',
      id: 1,
      name: 'app/status',
      input: { pad: 'x'.repeat(MAX_SOCKET_MESSAGE_BYTES) },
    });
    expect(await closed).toBe(1009);
    const other = await openSocket(socketUrl(server()));
    other.send({ type: 'call', id: 2, name: 'app/status', input: {} });
    expect(await other.result(2)).toMatchObject({ result: { ok: true } });
    other.ws.close();
  });

  it('forwards every engine event to every connected socket', async () => {
    const first = await openSocket(socketUrl(server()));
    const second = await openSocket(socketUrl(server()));
    for (const [index, name] of EVENT_NAMES.entries()) {
      fake().events.emit(name, { n: index } as never);
    }
    for (const client of [first, second]) {
      for (const [index, name] of EVENT_NAMES.entries()) {
        expect(await client.event(name)).toEqual({ type: 'event', name, payload: { n: index } });
      }
      client.ws.close();
    }
  });

  it('close() terminates the sockets and stops forwarding', async () => {
    const client = await openSocket(socketUrl(server()));
    const closed = client.closed();
    await server().close();
    expect(await closed).toBe(1006);
    expect(client.ws.readyState).toBe(WebSocket.CLOSED);
    // Nothing is subscribed any more: an event now reaches no one and throws nothing.
    fake().events.emit('queue/updated', { queued: 0, running: 0, failed: 0 });
  });
});
