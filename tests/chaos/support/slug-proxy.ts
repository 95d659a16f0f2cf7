import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The suffix of a chart made up for a load test: `global-28--load17` is served as `global-28`. */
export const LOAD_SLUG_SUFFIX = '--load';

/**
 * A pass-through proxy in front of the emulator that strips LOAD_SLUG_SUFFIX from every path, so that a load test
 * can schedule more charts than the emulator's catalogue has (126) while every sync still fetches real rankings
 * over HTTP. Bodies and headers pass untouched, both ways.
 */
export async function startSlugProxy(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = new URL(target);
  const pattern = new RegExp(`${LOAD_SLUG_SUFFIX}\\d+`, 'g');
  const server: Server = createServer((incoming, outgoing) => {
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: (incoming.url ?? '/').replace(pattern, ''),
        headers: { ...incoming.headers, host: upstream.host },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forward.on('error', () => outgoing.destroy());
    incoming.pipe(forward);
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
