import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { WebSocket, type ClientOptions } from 'ws';
import { startServer, type RunningServer } from '../../../electron/engine/server';
import { EventBus } from '../../../electron/engine/events';
import { CALL_NAMES, type CallName } from '../../../shared/contract/call-names';
import type { CallHandlers } from '../../../shared/contract/calls';
import type { SocketMessage } from '../../../shared/contract/client';
import { ChartSyncError } from '../../../shared/errors';

export const TEST_TOKEN = 'test-token-0123456789abcdefghijklmnopqrstu';

type FakeHandler = (input: never) => unknown;

/** Handlers that record what they were called with; a call without an override answers not_found. */
export function fakeEngine(overrides: Partial<Record<CallName, FakeHandler>> = {}) {
  const received: { name: CallName; input: unknown }[] = [];
  const events = new EventBus();
  const handlers = Object.fromEntries(
    CALL_NAMES.map((name) => [
      name,
      (input: unknown) => {
        received.push({ name, input });
        const handler = overrides[name] as ((input: unknown) => unknown) | undefined;
        if (!handler) throw new ChartSyncError('not_found', `The fake engine has no ${name}.`);
        return handler(input);
      },
    ]),
  ) as CallHandlers;
  return { engine: { handlers, events }, events, received };
}

/** A renderer build as Vite lays it out, in a temp folder, plus a secret file beside it that must stay unread. */
export function makeRendererDir(): { root: string; rendererDir: string; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), 'chart-sync-server-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Chart Sync</title>');
  writeFileSync(join(rendererDir, 'assets', 'index-qQxP-fCM.js'), 'console.log("app");');
  writeFileSync(join(rendererDir, 'assets', 'index-BtM3-X_X.css'), 'body{}');
  writeFileSync(join(rendererDir, 'assets', 'icon.svg'), '<svg/>');
  writeFileSync(join(rendererDir, 'assets', 'font.woff2'), 'woff2');
  writeFileSync(join(rendererDir, 'assets', 'data.bin'), 'bytes');
  writeFileSync(join(root, 'secret.txt'), 'do not serve');
  return { root, rendererDir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** A server on a free loopback port per test, on a fake engine (or one the test builds), closed afterwards. */
export function useServer(makeEngine: () => ReturnType<typeof fakeEngine> = () => fakeEngine()): {
  server(): RunningServer;
  fake(): ReturnType<typeof fakeEngine>;
  rendererRoot(): string;
  /** What the server logged as internal errors, with where they happened. */
  logged(): [unknown, string][];
} {
  const logged: [unknown, string][] = [];
  let server: RunningServer | null = null;
  let fake: ReturnType<typeof fakeEngine> | null = null;
  let dir: ReturnType<typeof makeRendererDir> | null = null;
  beforeEach(async () => {
    fake = makeEngine();
    dir = makeRendererDir();
    server = await startServer({
      engine: fake.engine,
      port: 0,
      rendererDir: dir.rendererDir,
      token: TEST_TOKEN,
      onInternalError: (error, where) => logged.push([error, where]),
    });
  });
  afterEach(async () => {
    await server?.close();
    dir?.cleanup();
    logged.length = 0;
  });
  return { server: () => server!, fake: () => fake!, rendererRoot: () => dir!.root, logged: () => logged };
}

export type HttpAnswer = { status: number; headers: IncomingHttpHeaders; text: string; json(): unknown };

/** A raw HTTP request (node:http, not fetch: fetch will not send a made-up Host header or a raw path). */
export function http(
  port: number,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string | Buffer; host?: string } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: options.host ?? '127.0.0.1', port, method, path, headers: options.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode!, headers: res.headers, text, json: () => JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A JSON request with the server's token and its answer parsed: what most REST tests send. */
export async function restCall<T>(server: RunningServer, method: string, path: string, body?: unknown) {
  const answer = await http(server.port, method, path, {
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: answer.status, body: answer.json() as T, headers: answer.headers, text: answer.text };
}

export function socketUrl(server: RunningServer, token: string | null = server.token): string {
  return `ws://127.0.0.1:${server.port}/ws${token === null ? '' : `?token=${encodeURIComponent(token)}`}`;
}

/** An open socket whose messages are collected from the start, so none is missed between awaits. */
export async function openSocket(url: string, options: ClientOptions = {}) {
  const ws = new WebSocket(url, options);
  const messages: SocketMessage[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (data) => {
    messages.push(JSON.parse(String(data)) as SocketMessage);
    for (const wake of waiters.splice(0)) wake();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const next = async (match: (message: SocketMessage) => boolean): Promise<SocketMessage> => {
    for (;;) {
      const index = messages.findIndex(match);
      if (index >= 0) return messages.splice(index, 1)[0]!;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return {
    ws,
    messages,
    send: (message: unknown) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
    result: (id: number) => next((m) => m.type === 'result' && m.id === id),
    event: (name: string) => next((m) => m.type === 'event' && m.name === name),
    closed: () =>
      new Promise<number>((resolve) => {
        if (ws.readyState === WebSocket.CLOSED) resolve(-1);
        else ws.once('close', (code) => resolve(code));
      }),
  };
}

/** The HTTP status a refused upgrade answers with. */
export function refusedStatus(
  url: string,
  options: ClientOptions = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options);
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    ws.on('open', () => reject(new Error('the upgrade was accepted')));
    ws.on('error', () => undefined);
  });
}
