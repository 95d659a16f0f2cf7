import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RawData, WebSocket, WebSocketServer } from 'ws';
import { WEBSOCKET_PATH } from '../../../shared/contract/channels';
import { EVENT_NAMES } from '../../../shared/contract/events';
import type { ContractPort } from './engine-port';
import { MAX_SOCKET_BUFFERED_BYTES, MAX_SOCKET_MESSAGE_BYTES, SOCKET_HEARTBEAT_MS } from './limits';
import { isLoopbackHost, isSameOrigin } from './origin';
import { requestUrl } from './request-url';
import { encode, parseSocketMessage } from './socket-messages';
import { tokenOf, tokensMatch } from './token';
import { HTTP_STATUS, type TransportError } from './transport-errors';

export type SocketTransport = {
  /** Connected sockets, for tests and diagnostics. */
  readonly clientCount: () => number;
  /** Stops forwarding events and terminates every socket at once. */
  close(): void;
};

/**
 * The contract over a WebSocket at `/ws?token=…`: calls in ({type:'call'}), results and every engine event out.
 * The upgrade is refused before a socket exists unless the host is loopback, the origin is ours (or absent)
 * and the token matches.
 */
export function attachSocketTransport(server: Server, engine: ContractPort, token: string): SocketTransport {
  const alive = new WeakSet<WebSocket>();
  let wss: WebSocketServer | null = null;
  let loading: Promise<WebSocketServer> | null = null;
  let closed = false;

  /**
   * ws is loaded by the first WebSocket (the page's), not with the server: a REST client, and the first answer
   * after a start, never wait for it (docs/benchmarks.md, goal 3).
   */
  const socketServer = () =>
    (loading ??= import('ws').then(({ WebSocketServer }) => {
      wss = new WebSocketServer({ noServer: true, maxPayload: MAX_SOCKET_MESSAGE_BYTES });
      wss.on('connection', (ws: WebSocket) => {
        alive.add(ws);
        ws.on('pong', () => alive.add(ws));
        // A message over maxPayload closes the socket with 1009; ws reports it here, and it must not crash the host.
        ws.on('error', () => ws.terminate());
        ws.on('message', (data: RawData, isBinary: boolean) => {
          if (isBinary) return;
          void answer(ws, engine, rawText(data));
        });
      });
      return wss;
    }));

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = upgradeRefusal(request, token);
    if (refusal) {
      refuseUpgrade(socket, refusal);
      return;
    }
    // Until ws takes the socket over, a reset must not crash the host.
    const dropped = () => socket.destroy();
    socket.on('error', dropped);
    void socketServer().then((ready) => {
      socket.off('error', dropped);
      if (closed || socket.destroyed) {
        socket.destroy();
        return;
      }
      ready.handleUpgrade(request, socket, head, (ws) => ready.emit('connection', ws, request));
    });
  });

  const unsubscribe = EVENT_NAMES.map((name) =>
    engine.events.on(name, (payload: unknown) => {
      if (!wss || wss.clients.size === 0) return;
      // Serialized once for every socket.
      const message = encode({ type: 'event', name, payload });
      for (const ws of wss.clients) send(ws, message);
    }),
  );

  const heartbeat = setInterval(() => {
    for (const ws of wss?.clients ?? []) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, SOCKET_HEARTBEAT_MS);
  heartbeat.unref();

  return {
    clientCount: () => wss?.clients.size ?? 0,
    close() {
      closed = true;
      clearInterval(heartbeat);
      for (const off of unsubscribe) off();
      for (const ws of wss?.clients ?? []) ws.terminate();
      wss?.close();
    },
  };
}

async function answer(ws: WebSocket, engine: ContractPort, text: string): Promise<void> {
  const parsed = parseSocketMessage(text);
  if (parsed.kind === 'ignored') return;
  if (parsed.kind === 'invalid') {
    send(ws, encode({ type: 'result', id: parsed.id, result: { ok: false, error: parsed.error } }));
    return;
  }
  const { id, name, input } = parsed.request;
  const result = await engine.call(name, input);
  send(ws, encode({ type: 'result', id, result }));
}

/** Sends if the socket is still open; a socket that stopped reading is dropped instead of buffering forever. */
function send(ws: WebSocket, message: string): void {
  if (ws.readyState !== ws.OPEN) return;
  if (ws.bufferedAmount > MAX_SOCKET_BUFFERED_BYTES) {
    ws.terminate();
    return;
  }
  ws.send(message);
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

function upgradeRefusal(request: IncomingMessage, token: string): TransportError | null {
  const url = requestUrl(request);
  if (!url) return { code: 'invalid_input', message: 'Bad request: the request target is not a path.' };
  if (url.pathname !== WEBSOCKET_PATH) return { code: 'not_found', message: 'No WebSocket here.' };
  if (!isLoopbackHost(request)) return { code: 'forbidden', message: 'Refused: not a loopback host name.' };
  if (!isSameOrigin(request)) {
    return { code: 'forbidden', message: 'Refused: the page comes from another site.' };
  }
  if (!tokensMatch(tokenOf(request, url), token)) {
    return {
      code: 'unauthorized',
      message: 'Refused: missing or wrong token. Open the URL Chart Sync printed.',
    };
  }
  return null;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
};

/** An HTTP answer written on the raw socket, since no WebSocket (and no ServerResponse) exists for it. */
function refuseUpgrade(socket: Duplex, error: TransportError): void {
  const status = HTTP_STATUS[error.code];
  const body = JSON.stringify({ ok: false, error });
  // The HTTP server stops watching a socket once it is handed over for an upgrade: a reset must not crash us.
  socket.on('error', () => socket.destroy());
  // Destroyed only once the answer is flushed, or the client might see a reset instead of the status.
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Refused'}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
