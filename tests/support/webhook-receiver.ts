import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

export type Received = { headers: IncomingHttpHeaders; raw: Buffer; json: Record<string, unknown> };
/** How the receiver answers its nth request (1-based): a status, or never ('hang', for timeouts). */
export type Respond = (n: number, response: ServerResponse) => number | 'hang';

export type Receiver = {
  url: string;
  port: number;
  received: Received[];
  respond: Respond;
  close(): Promise<void>;
};

/** A real HTTP receiver on 127.0.0.1 (port 0) that records every request's headers and raw body. */
export async function startReceiver(respond: Respond = () => 200): Promise<Receiver> {
  const receiver: Receiver = { url: '', port: 0, received: [], respond, close: async () => {} };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      receiver.received.push({ headers: request.headers, raw, json: JSON.parse(raw.toString('utf8')) });
      const status = receiver.respond(receiver.received.length, response);
      if (status === 'hang') return;
      if (!response.headersSent) response.writeHead(status, { 'content-type': 'text/plain' });
      response.end(status >= 400 ? `refused with ${status}` : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${receiver.port}/hook`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return receiver;
}

/** A receiver per test, closed afterwards. */
export function useReceiver(): (respond?: Respond) => Promise<Receiver> {
  const open: Receiver[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((r) => r.close()));
  });
  return async (respond) => {
    const receiver = await startReceiver(respond);
    open.push(receiver);
    return receiver;
  };
}

/** What a receiver does with the signature header: HMAC the raw bytes it read, compare in constant time. */
export function signatureVerifies(received: Received, secret: string): boolean {
  const header = String(received.headers['x-chart-sync-signature'] ?? '');
  const expected = `sha256=${createHmac('sha256', secret).update(received.raw).digest('hex')}`;
  return header.length === expected.length && timingSafeEqual(Buffer.from(header), Buffer.from(expected));
}
