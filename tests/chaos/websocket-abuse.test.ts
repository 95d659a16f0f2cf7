import { connect, type Socket } from 'node:net';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../electron/engine/server';
import { MAX_SOCKET_BUFFERED_BYTES, MAX_SOCKET_MESSAGE_BYTES } from '../../electron/engine/server/limits';
import { CALL_NAMES } from '../../shared/contract/call-names';
import { openSocket, refusedStatus, socketUrl } from '../engine/server/support';
import { chaosScale, chaosTimeout } from './support/chaos-scale';
import { quietDump } from './support/database-dump';
import { useFuzzEngine, useFuzzHost } from './support/fuzz-engine';
import { hostileValue } from './support/hostile-values';
import { containsPlantedSecret, recordOutput } from './support/planted-key';

/** Frames per property: a few hundred reduced, thousands in full. */
const FRAMES = chaosScale(150, 3_000);
const REFUSALS = chaosScale(30, 300);

describe('abusing the WebSocket: no token, wrong token, garbage, oversized frames, a client that never reads', () => {
  const fuzz = useFuzzEngine();
  const fuzzHost = useFuzzHost(fuzz);
  const internal = fuzzHost.internal;
  let server: RunningServer;
  let dump: string;
  const tally = { refusedUpgrades: 0, frames: 0 };

  beforeAll(() => {
    server = fuzzHost.server;
    dump = quietDump(fuzz.current.engine);
  });

  async function stillServes(): Promise<void> {
    const client = await openSocket(socketUrl(server));
    client.send({ type: 'call', id: 1, name: 'app/status', input: {} });
    expect(await client.result(1)).toMatchObject({ result: { ok: true } });
    client.ws.close();
  }

  it('refuses the upgrade without the token, with a wrong one, from another site or host name', async () => {
    const wrongToken = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom(
        '',
        ' ',
        server.token.slice(0, -1),
        `${server.token}x`,
        server.token.toUpperCase(),
        'x'.repeat(10_000),
      ),
    );
    await fc.assert(
      fc.asyncProperty(wrongToken, async (token) => {
        fc.pre(token !== server.token);
        const { status, body } = await refusedStatus(socketUrl(server, token));
        recordOutput('websocket-abuse', `${status} ${body}`);
        expect(status).toBe(401);
        expect(containsPlantedSecret(body)).toBe(false);
        tally.refusedUpgrades += 1;
      }),
      { numRuns: REFUSALS, seed: chaosScale(1313, Date.now()) },
    );
    expect((await refusedStatus(socketUrl(server, null))).status).toBe(401);
    const foreign = await refusedStatus(socketUrl(server), { headers: { Origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
    const rebound = await refusedStatus(socketUrl(server), {
      headers: { Host: `evil.example:${server.port}` },
    });
    expect(rebound.status).toBe(403);
    tally.refusedUpgrades += 3;
    await stillServes();
  });

  it(
    'answers garbage frames with an error by id, or drops them; never internal, never a crash',
    async () => {
      const client = await openSocket(socketUrl(server));
      const frame = fc.oneof(
        { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            '{',
            '[]',
            'null',
            '{"type":"call"}',
            '{"id":1e999}',
            '{"__proto__":{"polluted":1},"id":1}',
          ),
        },
        {
          weight: 4,
          arbitrary: fc
            .record({
              type: fc.constantFrom<unknown>('call', 'subscribe', '__proto__', 1, null),
              name: fc.oneof(fc.constantFrom<unknown>(...CALL_NAMES), hostileValue),
              input: hostileValue,
            })
            .map((message) => ({ ...message, id: 0 })),
        },
      );
      let nextId = 1_000;
      await fc.assert(
        fc.asyncProperty(frame, async (sent) => {
          tally.frames += 1;
          if (typeof sent === 'string') {
            client.send(sent);
            return;
          }
          const id = nextId++;
          let text: string;
          try {
            text = JSON.stringify({ ...sent, id });
          } catch {
            return; // Not JSON-able (a cycle, a BigInt): no client could send it.
          }
          client.send(text);
          const { result } = (await client.result(id)) as {
            result: { ok: boolean; error?: { code: string; message: string } };
          };
          recordOutput('websocket-abuse', JSON.stringify(result).slice(0, 2_000));
          if (!result.ok) {
            expect(result.error!.code).not.toBe('internal');
            expect(containsPlantedSecret(result.error!.message)).toBe(false);
          }
        }),
        { numRuns: FRAMES, seed: chaosScale(1313, Date.now()) },
      );
      // Background work a fuzzed call may have started (a sync now of a real schedule) is not a leak: wait for it.
      await new Promise((resolve) => setTimeout(resolve, 500));
      client.ws.close();
      expect(internal).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      await stillServes();
    },
    chaosTimeout(60_000, 600_000),
  );

  it('closes a socket sending invalid UTF-8 (1007) or an oversized frame (1009), and serves the others', async () => {
    const before = quietDump(fuzz.current.engine);
    const broken = await openSocket(socketUrl(server));
    const brokenClosed = broken.closed();
    broken.ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect(await brokenClosed).toBe(1007);
    const big = await openSocket(socketUrl(server));
    const bigClosed = big.closed();
    big.ws.send('x'.repeat(MAX_SOCKET_MESSAGE_BYTES + 1));
    expect(await bigClosed).toBe(1009);
    const huge = await openSocket(socketUrl(server));
    const hugeClosed = huge.closed();
    huge.ws.send(Buffer.alloc(10 * 1024 * 1024, 0x20), { binary: true });
    expect(await hugeClosed).toBe(1009);
    expect(quietDump(fuzz.current.engine)).toBe(before);
    await stillServes();
  });

  it(
    'drops a client that never reads once its backlog passes the cap, and keeps serving',
    async () => {
      // A raw upgrade, then never a read: the host's writes pile up in its buffers until it must let go.
      const raw: Socket = connect(server.port, '127.0.0.1');
      await new Promise<void>((resolve) => raw.once('connect', () => resolve()));
      let closed = false;
      raw.on('close', () => (closed = true));
      raw.on('error', () => undefined);
      raw.write(
        `GET /ws?token=${server.token} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      raw.pause();
      const reader = await openSocket(socketUrl(server));
      const padding = 'p'.repeat(256 * 1024);
      const heapBefore = process.memoryUsage().heapUsed;
      // 4× the cap in events: the non-reader must be let go; the reading client receives them all.
      const events = Math.ceil((4 * MAX_SOCKET_BUFFERED_BYTES) / padding.length);
      for (let i = 0; i < events; i++) {
        fuzz.current.engine.events.emit('queue/updated', {
          queued: i,
          running: 0,
          failed: 0,
          padding,
        } as never);
        if (i % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      const sent = events * padding.length;
      await new Promise((resolve) => setTimeout(resolve, 500));
      // Now read what reached us: a client the host let go ends short of what was sent; a kept one gets it all.
      let received = 0;
      raw.on('data', (chunk: Buffer) => (received += chunk.length));
      raw.resume();
      for (let i = 0; i < 100 && !closed; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(closed, 'the host let go of a client that never reads').toBe(true);
      expect(received).toBeLessThan(sent);
      const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
      const line = `never-reading client dropped after ${received} of ${sent} bytes sent; heap +${Math.round(heapGrowth / 1e6)} MB`;
      recordOutput('websocket-abuse', line);
      console.log(line);
      reader.ws.close();
      raw.destroy();
      await stillServes();
    },
    chaosTimeout(60_000, 120_000),
  );

  it('logged no internal error, and the host is still up', async () => {
    expect(internal).toEqual([]);
    await stillServes();
    recordOutput('websocket-abuse-tally', JSON.stringify(tally));
    console.log(
      `websocket-abuse: ${tally.refusedUpgrades} refused upgrades, ${tally.frames} fuzzed frames; dump ${dump.length} bytes`,
    );
  });
});
