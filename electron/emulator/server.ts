import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Audience } from './audience';
import {
  DEFAULT_TOKEN_LIFETIME_SECONDS,
  EmulatorAuth,
  SANDBOX_PAIR,
  type CredentialPair,
  type OAuthClient,
} from './auth';
import { Catalogue } from './catalogue';
import { dayOf, todayDay } from './dates';
import { withDuplicatePosition, withWrongTotal } from './corrupt';
import { errorReply, notFound, type Reply } from './envelope';
import { FaultController, type FaultsConfig, type TriggeredFault } from './faults';
import { MinuteWindow, QuotaCounter, usageBody } from './limits';
import { seedNumber } from './random';
import { Rankings } from './rankings';
import { routeApi, type EmulatorData } from './routes';
import { SongCatalogue } from './songs';
import { EmulatorStats, type RequestRecord } from './stats';

/**
 * A Soundcharts stand-in on a real HTTP server: same paths, headers, envelopes, paging and error bodies, with
 * deterministic data and configurable faults. Used by the demo mode, the `chart-sync emulator` command and the
 * tests (which start one per suite on a random port).
 */

export const DEFAULT_EMULATOR_HOST = '127.0.0.1';
export const TOKEN_PATH = '/oauth/token';
const FREE_PATH = /^\/api\/v2\/team\/usage$/;
const MAX_FORM_BYTES = 16_384;
const DEFAULT_RATE_LIMIT_RESET_SECONDS = 1;
const DEFAULT_SERVER_ERROR_STATUS = 503;

export const MESSAGES = {
  unauthorized: 'You are not logged in.',
  forbidden:
    'This endpoint is not included in your current plan, reach out to help@soundcharts.com if you want access.',
  quota: 'Maximum quota reached.',
  rateLimit: 'Too many requests: you have reached the maximum request count per minute.',
  serverError: 'An error occurred.',
  unavailable: 'Service unavailable.',
} as const;

export type EmulatorOptions = {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback only by default; the emulator has no business on a network. */
  host?: string;
  seed?: number | string;
  /** YYYY-MM-DD the data ends on; by default the current UTC date, re-read on every request. */
  today?: string;
  /** Accepted besides the sandbox pair (which `acceptSandbox: false` turns away). */
  credentials?: readonly CredentialPair[];
  acceptSandbox?: boolean;
  /** OAuth clients; by default every accepted pair, as client id and secret. */
  oauthClients?: readonly OAuthClient[];
  tokenLifetimeSeconds?: number;
  /** Remaining quota at start. */
  quota?: number;
  /** Enforce a real per-minute limit (sliding minute), answered with the rate-limit 429. */
  rateLimitPerMinute?: number | null;
  faults?: FaultsConfig;
  /** One line per request, for the CLI's --verbose. */
  log?: (line: string) => void;
};

export type RunningEmulator = {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Token endpoint for OAuth clients. */
  readonly tokenUrl: string;
  readonly seed: number;
  readonly credentials: readonly CredentialPair[];
  readonly oauthClients: readonly OAuthClient[];
  readonly faults: FaultController;
  readonly stats: EmulatorStats;
  readonly quota: QuotaCounter;
  readonly auth: EmulatorAuth;
  close(): Promise<void>;
};

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const seed = seedNumber(options.seed ?? 1);
  const fixedToday = options.today === undefined ? null : dayOf(options.today);
  const today = () => fixedToday ?? todayDay();
  const pairs = [...(options.acceptSandbox === false ? [] : [SANDBOX_PAIR]), ...(options.credentials ?? [])];
  const clients =
    options.oauthClients ?? pairs.map((pair) => ({ clientId: pair.appId, clientSecret: pair.apiKey }));
  const faults = new FaultController(seed, options.faults);
  const stats = new EmulatorStats();
  const quota = new QuotaCounter(options.quota);
  const window = new MinuteWindow(options.rateLimitPerMinute ?? null);
  const auth = new EmulatorAuth(
    pairs,
    clients,
    options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS,
    seed,
  );
  const songs = new SongCatalogue(seed);
  const data: EmulatorData = {
    seed,
    catalogue: new Catalogue(seed),
    songs,
    rankings: new Rankings(seed, songs),
    audience: new Audience(seed, songs),
    faults,
    today,
    usage: () => usageBody(quota, window, Date.now()),
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = requestUrl(request.url ?? '/');
    const record: RequestRecord = {
      at: Date.now(),
      method: request.method ?? 'GET',
      path: url ? `${url.pathname}${url.search}` : (request.url ?? ''),
      status: null,
      fault: null,
    };
    stats.add(record);
    const latency = faults.latencyMs();
    if (latency > 0) await sleep(latency);

    const send = (reply: Reply, body = JSON.stringify(reply.body)): void => {
      record.status = reply.status;
      options.log?.(
        `${record.method} ${record.path} → ${reply.status}${record.fault ? ` (${record.fault})` : ''}`,
      );
      if (response.destroyed) return;
      response.writeHead(reply.status, {
        'content-type': 'application/json',
        'x-quota-remaining': String(quota.remaining),
        ...reply.headers,
      });
      response.end(body);
    };
    // Announces the whole body, sends half, and closes: what a connection cut mid-transfer looks like.
    const sendTruncated = (reply: Reply, body: string): void => {
      record.status = reply.status;
      options.log?.(`${record.method} ${record.path} → ${reply.status} (truncatedBody)`);
      if (response.destroyed) return;
      const bytes = Buffer.from(body, 'utf8');
      response.writeHead(reply.status, {
        'content-type': 'application/json',
        'content-length': String(bytes.length),
        'x-quota-remaining': String(quota.remaining),
        ...reply.headers,
      });
      response.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => request.socket.destroy());
    };
    const fault = (name: TriggeredFault | 'bad_credentials'): void => {
      record.fault = name;
    };

    if (url === null) return send(errorReply(400, 'request', 'Invalid request.'));
    if (url.pathname === TOKEN_PATH) {
      if (request.method !== 'POST') return send(notFound());
      const form = new URLSearchParams(await readBody(request));
      const issued = auth.issueToken(request.headers, form);
      return send({ status: issued.status, body: issued.body });
    }
    if (!url.pathname.startsWith('/api/')) return send(notFound());

    if (faults.fires('connectionReset', url.pathname)) {
      fault('connectionReset');
      options.log?.(`${record.method} ${record.path} → reset`);
      request.socket.destroy();
      return;
    }
    if (faults.fires('timeout', url.pathname)) {
      // Never answered: the client's timeout ends it, or close() does.
      fault('timeout');
      options.log?.(`${record.method} ${record.path} → (no answer)`);
      return;
    }
    if (!auth.accepts(request.headers)) {
      fault('bad_credentials');
      return send(errorReply(401, 'access', MESSAGES.unauthorized));
    }
    if (faults.fires('unauthorized', url.pathname)) {
      fault('unauthorized');
      return send(errorReply(401, 'access', MESSAGES.unauthorized));
    }
    const admitted = window.admit(Date.now());
    const rateLimit = admitted.limited
      ? { resetSeconds: admitted.resetSeconds }
      : faults.fires('rateLimit', url.pathname);
    if (rateLimit) {
      fault('rateLimit');
      const resetSeconds = rateLimit.resetSeconds ?? DEFAULT_RATE_LIMIT_RESET_SECONDS;
      const headers: Record<string, string> = { 'x-ratelimit-reset': String(resetSeconds) };
      if ('retryAfter' in rateLimit && rateLimit.retryAfter) headers['retry-after'] = String(resetSeconds);
      return send(errorReply(429, 'rate_limit', MESSAGES.rateLimit, headers));
    }
    const billable = !FREE_PATH.test(url.pathname);
    if (faults.fires('quotaExhausted', url.pathname)) {
      fault('quotaExhausted');
      quota.setRemaining(0);
      return send(errorReply(429, 'quota', MESSAGES.quota));
    }
    if (billable && quota.remaining === 0) return send(errorReply(429, 'quota', MESSAGES.quota));
    if (faults.fires('forbidden', url.pathname)) {
      fault('forbidden');
      return send(errorReply(403, 'access', MESSAGES.forbidden));
    }
    const serverError = faults.fires('serverError', url.pathname);
    if (serverError) {
      fault('serverError');
      const status = serverError.status ?? DEFAULT_SERVER_ERROR_STATUS;
      return send(errorReply(status, 'server', status === 500 ? MESSAGES.serverError : MESSAGES.unavailable));
    }

    let reply = routeApi(request.method ?? 'GET', url.pathname, url.searchParams, data);
    const ok = reply.status >= 200 && reply.status < 300;
    if (ok && billable && reply.billable !== false) quota.consume();
    // Only a page they can spoil counts as faulted (a song or the platforms list has no page.total).
    const wrongTotal = ok ? faults.fires('wrongTotal', url.pathname) : null;
    const spoiledTotal = wrongTotal ? withWrongTotal(reply, wrongTotal.delta ?? 1) : null;
    if (spoiledTotal) {
      fault('wrongTotal');
      reply = spoiledTotal;
    }
    const duplicated =
      ok && faults.fires('duplicatePositions', url.pathname) ? withDuplicatePosition(reply) : null;
    if (duplicated) {
      fault('duplicatePositions');
      reply = duplicated;
    }
    const body = JSON.stringify(reply.body);
    if (ok && faults.fires('malformedJson', url.pathname)) {
      fault('malformedJson');
      return send(reply, body.slice(0, Math.floor(body.length / 2)));
    }
    if (ok && faults.fires('truncatedBody', url.pathname)) {
      fault('truncatedBody');
      return sendTruncated(reply, body);
    }
    send(reply, body);
  };

  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.log?.(`emulator error: ${error instanceof Error ? error.stack : String(error)}`);
      if (!response.headersSent && !response.destroyed) {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({ errors: [{ key: 'server', code: 500, message: MESSAGES.serverError }] }),
        );
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const host = options.host ?? DEFAULT_EMULATOR_HOST;
  const wanted = options.port ?? 0;
  // Node's own RangeError would surface as a stack (ERR_SOCKET_BAD_PORT); say which port and what is allowed.
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65_535) {
    throw new RangeError(`The emulator port must be a whole number from 0 to 65535, not ${String(wanted)}.`);
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(wanted, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url,
    host,
    port,
    tokenUrl: `${url}${TOKEN_PATH}`,
    seed,
    credentials: pairs,
    oauthClients: clients,
    faults,
    stats,
    quota,
    auth,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Hung (timeout-fault) and keep-alive connections would hold close() open forever.
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/**
 * The request target as a URL. An origin-form target (`/api/…`) is read as a path even when it starts with `//`
 * (which would otherwise name a host); an absolute-form target is read as it is; anything unreadable is null (400).
 */
function requestUrl(target: string): URL | null {
  try {
    return target.startsWith('/') ? new URL(`http://emulator.invalid${target}`) : new URL(target);
  } catch {
    return null;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_FORM_BYTES) break;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
