import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  SocketClient,
  socketContract,
  socketUrl,
  type ConnectionState,
} from '../../../renderer/src/transport/socket-client';

/** Just enough of a browser WebSocket to drive the client: the test opens, answers and drops it. */
class FakeSocket extends EventTarget {
  static readonly OPEN = 1;
  readyState = 0;
  sent: { type: string; id: number; name: string; input: unknown }[] = [];
  constructor(readonly url: string) {
    super();
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.drop();
  }
  open() {
    this.readyState = 1;
    this.dispatchEvent(new Event('open'));
  }
  receive(message: unknown) {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(message) }));
  }
  drop() {
    this.readyState = 3;
    this.dispatchEvent(new Event('close'));
  }
}

let sockets: FakeSocket[];
const latest = () => sockets.at(-1)!;

beforeEach(() => {
  sockets = [];
  vi.useFakeTimers();
  vi.stubGlobal('WebSocket', FakeSocket);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function client(tokenRefused?: () => Promise<boolean>) {
  return new SocketClient(
    'ws://127.0.0.1:1/ws?token=t',
    (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
    tokenRefused,
  );
}

describe('SocketClient', () => {
  it('sends the calls made while connecting before those a state listener makes on open', () => {
    const c = client();
    c.onState((state) => {
      if (state === 'open') void c.call('app/status', {});
    });
    void c.call('charts/list', { first: 100 });
    void c.call('settings/get', {});
    latest().open();
    expect(latest().sent.map((m) => m.name)).toEqual(['charts/list', 'settings/get', 'app/status']);
  });

  it('queues calls until the socket opens, then matches results by id', async () => {
    const c = client();
    const first = c.call('app/status', {});
    const second = c.call('schedules/get', { id: 4 });
    expect(latest().sent).toEqual([]);
    latest().open();
    expect(latest().sent.map((m) => [m.id, m.name])).toEqual([
      [1, 'app/status'],
      [2, 'schedules/get'],
    ]);
    latest().receive({
      type: 'result',
      id: 2,
      result: { ok: false, error: { code: 'not_found', message: 'x' } },
    });
    latest().receive({ type: 'result', id: 1, result: { ok: true, value: 'status' } });
    await expect(first).resolves.toEqual({ ok: true, value: 'status' });
    await expect(second).resolves.toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('delivers events to their listeners until unsubscribed, and ignores garbage', () => {
    const c = client();
    latest().open();
    const seen: unknown[] = [];
    const off = c.on('schedule/updated', (p) => seen.push(p));
    latest().receive({ type: 'event', name: 'schedule/updated', payload: { scheduleId: 3 } });
    latest().receive({ type: 'event', name: 'schedule/removed', payload: { scheduleId: 3 } });
    latest().dispatchEvent(new MessageEvent('message', { data: '{not json' }));
    off();
    latest().receive({ type: 'event', name: 'schedule/updated', payload: { scheduleId: 4 } });
    expect(seen).toEqual([{ scheduleId: 3 }]);
  });

  it('fails calls in flight when the connection drops, keeps unsent ones, and reconnects', async () => {
    const c = client();
    const states: ConnectionState[] = [];
    c.onState((s) => states.push(s));
    latest().open();
    const inFlight = c.call('app/status', {});
    latest().drop();
    await expect(inFlight).resolves.toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/connection/) },
    });
    const queued = c.call('charts/list', {});
    vi.advanceTimersByTime(300);
    expect(sockets).toHaveLength(2);
    latest().open();
    expect(latest().sent.map((m) => m.name)).toEqual(['charts/list']);
    latest().receive({ type: 'result', id: latest().sent[0]!.id, result: { ok: true, value: [] } });
    await expect(queued).resolves.toEqual({ ok: true, value: [] });
    expect(states).toEqual(['open', 'closed', 'connecting', 'open']);
  });

  it('does not reconnect after close()', () => {
    const c = client();
    latest().open();
    c.close();
    vi.advanceTimersByTime(10_000);
    expect(sockets).toHaveLength(1);
  });

  it('does not reconnect when close() comes while it waits to reconnect, nor leave calls hanging', async () => {
    const c = client();
    latest().open();
    latest().drop();
    c.close();
    const late = c.call('app/status', {});
    vi.advanceTimersByTime(10_000);
    expect(sockets).toHaveLength(1);
    expect(c.state).toBe('closed');
    await expect(late).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('stops retrying when the host refuses the token, and fails calls saying how to get the right one', async () => {
    let checks = 0;
    const c = client(async () => {
      checks += 1;
      return true;
    });
    const states: ConnectionState[] = [];
    c.onState((s) => states.push(s));
    const waiting = c.call('charts/list', {});
    // The browser hides why an upgrade failed: the socket just closes without having opened.
    latest().drop();
    await vi.runAllTimersAsync();
    expect(checks).toBe(1);
    expect(sockets).toHaveLength(1);
    expect(c.state).toBe('refused');
    expect(states).toEqual(['closed', 'refused']);
    const refused = { ok: false, error: { code: 'unauthorized', message: expect.stringMatching(/token/) } };
    await expect(waiting).resolves.toMatchObject(refused);
    await expect(c.call('app/status', {})).resolves.toMatchObject(refused);
    expect((await c.call('app/status', {})) as unknown).toMatchObject({
      error: { message: expect.stringMatching(/chart-sync serve.*npm start|npm start.*chart-sync serve/) },
    });
  });

  it('keeps reconnecting while the host is away (the token is not refused), without asking once connected', async () => {
    let checks = 0;
    const c = client(async () => {
      checks += 1;
      return false;
    });
    latest().drop();
    await vi.advanceTimersByTimeAsync(300);
    expect(checks).toBe(1);
    expect(sockets).toHaveLength(2);
    latest().open();
    latest().drop();
    await vi.advanceTimersByTimeAsync(300);
    // A socket that had opened was accepted with its token: a drop is the host going away.
    expect(checks).toBe(1);
    expect(sockets).toHaveLength(3);
    expect(c.state).toBe('connecting');
  });

  it('exposes every contract call by name', async () => {
    const c = client();
    const contract = socketContract(c);
    latest().open();
    void contract['executions/cancel']({ id: 9 });
    expect(latest().sent[0]).toMatchObject({ type: 'call', name: 'executions/cancel', input: { id: 9 } });
  });
});

describe('socketUrl', () => {
  it.each([
    [{ protocol: 'http:', host: '127.0.0.1:5757' }, 'a b', 'ws://127.0.0.1:5757/ws?token=a%20b'],
    [{ protocol: 'https:', host: 'example.test' }, 'x', 'wss://example.test/ws?token=x'],
  ])('%j', (location, token, url) => {
    expect(socketUrl(location, token)).toBe(url);
  });
});
