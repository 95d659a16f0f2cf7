import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TOKEN_PARAM } from '../../../shared/contract/channels';
import { contractPort, type EnginePort, type InternalErrorLog } from './engine-port';
import { DEFAULT_SERVER_PORT, LOOPBACK_HOST } from './limits';
import { isLoopbackHost } from './origin';
import { createPageAccess } from './page-access';
import { requestUrl } from './request-url';
import { sendText } from './responses';
import { REST_PREFIX, createRestApi } from './rest-api';
import { createExportStreams } from './rest-export-routes';
import { attachSocketTransport } from './socket-transport';
import { createStaticFiles } from './static-files';
import { generateToken } from './token';

export type ServerOptions = {
  /** The engine, or anything with its handlers and events. */
  engine: EnginePort;
  /** The built renderer (index.html and assets/). */
  rendererDir: string;
  /** 0 takes any free port. */
  port?: number;
  /** Must be a loopback address: the token is the only lock. */
  host?: string;
  /** A fixed token for tests; otherwise a fresh random one. */
  token?: string;
  /** Where unexpected errors are logged: clients only see "internal". By default, stderr. */
  onInternalError?: InternalErrorLog;
};

export type RunningServer = {
  /** What to open in a browser: `http://127.0.0.1:<port>/?token=<token>`. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  readonly host: string;
  /** Settles once the first request was answered (its response ended or its connection closed). */
  readonly firstAnswered: Promise<void>;
  /** Terminates every socket and connection, then stops listening. */
  close(): Promise<void>;
};

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * The headless host: the renderer as static files, the contract over a WebSocket and the original's REST
 * endpoints, on loopback only. Used by `chart-sync serve` and by the UI tests.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? LOOPBACK_HOST;
  if (!LOOPBACK_ADDRESSES.has(host) && !host.startsWith('127.')) {
    throw new Error(`The headless host listens on loopback only; ${host} is not a loopback address.`);
  }
  const token = options.token ?? generateToken();
  const log = options.onInternalError ?? logToStderr;
  const rest = createRestApi(
    contractPort(options.engine, log, 'rest').call,
    token,
    log,
    options.engine.exports ? createExportStreams(options.engine.exports, log) : undefined,
  );
  const files = createStaticFiles(options.rendererDir, createPageAccess(token));

  let answered!: () => void;
  const firstAnswered = new Promise<void>((resolve) => (answered = resolve));
  const server = createServer((request, response) => {
    response.once('close', answered);
    void route(request, response).catch((error: unknown) => {
      // The path without its query: the page's URL carries the token, which has no place in a log.
      log(error, `${request.method ?? 'GET'} ${(request.url ?? '/').split('?')[0]}`);
      if (!response.headersSent) sendText(response, 500, 'Internal error.');
      else response.destroy();
    });
  });
  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isLoopbackHost(request)) {
      sendText(response, 403, 'Refused: Chart Sync answers only to 127.0.0.1 and localhost.');
      return;
    }
    const url = requestUrl(request);
    if (!url) {
      sendText(response, 400, 'Bad request: the request target is not a path.');
      return;
    }
    if (url.pathname.startsWith(REST_PREFIX) || url.pathname === REST_PREFIX.slice(0, -1)) {
      await rest(request, response, url);
    } else {
      await files(request, response, url);
    }
  }
  const sockets = attachSocketTransport(server, contractPort(options.engine, log, 'ui'), token);

  try {
    await listen(server, options.port ?? DEFAULT_SERVER_PORT, host);
  } catch (error) {
    sockets.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${urlHost}:${port}/?${TOKEN_PARAM}=${encodeURIComponent(token)}`,
    port,
    token,
    host,
    firstAnswered,
    close() {
      closing ??= new Promise<void>((resolve) => {
        sockets.close();
        server.close(() => resolve());
        // Keep-alive connections would hold close() open until they time out.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function logToStderr(error: unknown, where: string): void {
  console.error(`chart-sync: ${where} failed:`, error);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
