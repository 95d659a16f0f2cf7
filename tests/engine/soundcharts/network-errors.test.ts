import { createServer, type Server, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { REQUEST_RETRY_POLICY } from '../../../shared/domain/policies';
import { networkError } from '../../../electron/engine/soundcharts/classify';
import {
  InvalidRequestError,
  NetworkError,
  RateLimiter,
  SANDBOX_CREDENTIALS,
  SoundchartsClient,
  SoundchartsError,
  TransientError,
  type Credentials,
} from '../../../electron/engine/soundcharts';
import { useEmulator } from '../../support/emulator';
import { FakeClock } from '../../support/fake-clock';
import { sendJson, startStubServer } from '../../support/stub-server';

const emulator = useEmulator();

function client(baseUrl: string, clock = new FakeClock(), credentials: Credentials = SANDBOX_CREDENTIALS) {
  return new SoundchartsClient({
    baseUrl,
    credentials,
    rateLimiter: RateLimiter.create(1e9, clock),
    clock,
    random: () => 0.5,
    timeoutMs: 2_000,
  });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

describe('failures without an HTTP answer always reach callers as a SoundchartsError', () => {
  it('TLS: HTTPS to a plain-HTTP port is a NetworkError naming the host, not retried', async () => {
    const clock = new FakeClock();
    const base = `https://127.0.0.1:${emulator.current.port}`;
    const error = await failure(client(base, clock).platforms());
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'network', retryable: false, status: null });
    expect((error as NetworkError).message).toContain(
      `secure connection to 127.0.0.1:${emulator.current.port}`,
    );
    expect((error as NetworkError).message).toContain('base URL');
    expect(clock.sleeps).toEqual([]);
  });

  it('the OAuth token endpoint fails the same way', async () => {
    const tokenUrl = `https://127.0.0.1:${emulator.current.port}/oauth/token`;
    const credentials: Credentials = { kind: 'oauth', clientId: 'a', clientSecret: 'b', tokenUrl };
    const error = await failure(client(emulator.current.url, new FakeClock(), credentials).platforms());
    expect(error).toBeInstanceOf(NetworkError);
    const invalid: Credentials = { kind: 'oauth', clientId: 'a', clientSecret: 'b', tokenUrl: 'not a url' };
    const bad = await failure(client(emulator.current.url, new FakeClock(), invalid).platforms());
    expect(bad).toBeInstanceOf(NetworkError);
    expect((bad as NetworkError).message).toContain('token URL is not a valid URL');
  });

  it('a server that does not speak HTTP is a NetworkError that says so', async () => {
    const server = createServer((socket) => socket.end('NOT HTTP AT ALL\r\n\r\n'));
    const port = await listen(server);
    try {
      const error = await failure(client(`http://127.0.0.1:${port}`).platforms());
      expect(error).toBeInstanceOf(NetworkError);
      expect((error as NetworkError).message).toMatch(/127\.0\.0\.1:\d+ did not answer in HTTP \(HPE_/);
    } finally {
      server.close();
    }
  });

  it('a base URL with another scheme is a NetworkError', async () => {
    const error = await failure(client('ftp://127.0.0.1').platforms());
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toContain('ERR_UNSUPPORTED_PROTOCOL');
  });

  it('ECONNREFUSED is transient (a restarting server): retried, then a TransientError naming the host', async () => {
    const server = createServer();
    const port = await listen(server);
    await new Promise((resolve) => server.close(resolve));
    const clock = new FakeClock();
    const error = await failure(client(`http://127.0.0.1:${port}`, clock).platforms());
    expect(error).toBeInstanceOf(TransientError);
    expect((error as TransientError).message).toContain(`on 127.0.0.1:${port} failed: ECONNREFUSED`);
    expect(clock.sleeps).toHaveLength(REQUEST_RETRY_POLICY.maxRetries);
  });

  /** platforms() against a server that answers every request with `reply` on the raw socket. */
  async function againstRawReply(reply: (socket: Socket) => void) {
    const server = createServer((socket) => socket.once('data', () => reply(socket)));
    const port = await listen(server);
    try {
      const clock = new FakeClock();
      const reasons: string[] = [];
      const error = await failure(
        client(`http://127.0.0.1:${port}`, clock).platforms({ onFailure: (reason) => reasons.push(reason) }),
      );
      return { error: error as SoundchartsError, reasons, sleeps: clock.sleeps, port };
    } finally {
      server.close();
    }
  }

  it('an answer cut short (headers, then part of the body) is retried and recorded as such, not as a reset', async () => {
    // Content-Length promises more than arrives, then the socket closes: a connection reset would also look so
    // from the outside, but once the status line arrived the operator's question is "which answers broke?".
    const { error, reasons, sleeps, port } = await againstRawReply((socket) => {
      socket.write(
        'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"items":[',
      );
      setTimeout(() => socket.destroy(), 10);
    });
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toContain(`the answer to`);
    expect(error.message).toContain(`on 127.0.0.1:${port} was cut short`);
    expect(reasons).toEqual(Array(REQUEST_RETRY_POLICY.maxRetries + 1).fill('cut_short'));
    expect(sleeps).toHaveLength(REQUEST_RETRY_POLICY.maxRetries);
  });

  it('a body that fails to decompress is a NetworkError, not an answer cut short: retrying cannot mend it', async () => {
    const { error, reasons, sleeps } = await againstRawReply((socket) =>
      socket.end(
        'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-encoding: gzip\r\ncontent-length: 8\r\n\r\nnot gzip',
      ),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toContain('Z_DATA_ERROR');
    expect(reasons).toEqual(['network']);
    expect(sleeps).toEqual([]);
  });

  it('classifies by code: DNS, certificates, unknown codes and code-less errors', () => {
    const url = 'https://api.example.invalid/api/v2/chart/song/platforms';
    const path = '/api/v2/chart/song/platforms';
    const withCode = (code: string, message: string) => Object.assign(new Error(message), { code });

    const dns = networkError(withCode('ENOTFOUND', 'getaddrinfo ENOTFOUND api.example.invalid'), path, url);
    expect(dns).toBeInstanceOf(NetworkError);
    expect(dns.message).toBe(
      'cannot resolve the host api.example.invalid (ENOTFOUND): check the base URL and the network connection',
    );
    expect(networkError(withCode('EAI_AGAIN', 'getaddrinfo EAI_AGAIN'), path, url)).toBeInstanceOf(
      TransientError,
    );

    for (const code of [
      'CERT_HAS_EXPIRED',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'ERR_TLS_CERT_ALTNAME_INVALID',
      'EPROTO',
    ]) {
      const tls = networkError(withCode(code, 'certificate problem'), path, url);
      expect(tls, code).toBeInstanceOf(NetworkError);
      expect(tls.message, code).toContain(`secure connection to api.example.invalid failed (${code}`);
    }
    const odd = networkError(withCode('EWHATEVER', 'something new'), path, url);
    expect(odd).toMatchObject({ code: 'network', path });
    expect(odd.message).toContain('EWHATEVER');
    const bare = networkError(new TypeError('boom'), path, url);
    expect(bare).toBeInstanceOf(NetworkError);
    expect(bare.cause).toBeInstanceOf(TypeError);
    // User info in a base URL never reaches a message.
    const secret = networkError(withCode('ENOTFOUND', 'x'), path, 'https://user:pa55@api.example.invalid/x');
    expect(secret.message).not.toContain('pa55');
    const already = new TransientError('kept as is');
    expect(networkError(already, path, url)).toBe(already);
    expect(dns).toBeInstanceOf(SoundchartsError);
  });
});

describe('a 3xx says it is a redirect', () => {
  it('names the target and the base URL, instead of "rejected as invalid"', async () => {
    const stub = await startStubServer((_request, response) => {
      response.writeHead(301, {
        location: 'https://customer.api.soundcharts.com/api/v2/chart/song/platforms',
      });
      response.end();
    });
    try {
      const error = await failure(client(stub.url).platforms());
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect(error).toMatchObject({ status: 301, retryable: false });
      expect((error as InvalidRequestError).message).toBe(
        'Soundcharts answered the list of chart platforms with a redirect (301) to ' +
          'https://customer.api.soundcharts.com/api/v2/chart/song/platforms; check the base URL',
      );
      expect(stub.requests).toHaveLength(1);
    } finally {
      await stub.close();
    }
  });

  it('from the token endpoint too', async () => {
    const stub = await startStubServer((request, response) => {
      if (request.url === '/oauth/token') {
        response.writeHead(302, { location: 'https://account.soundcharts.com/oauth/token' });
        response.end();
      } else sendJson(response, 200, { items: [], errors: [] });
    });
    try {
      const credentials: Credentials = {
        kind: 'oauth',
        clientId: 'a',
        clientSecret: 'b',
        tokenUrl: `${stub.url}/oauth/token`,
      };
      const error = await failure(client(stub.url, new FakeClock(), credentials).platforms());
      expect((error as InvalidRequestError).message).toContain(
        'redirect (302) to https://account.soundcharts.com/oauth/token; check the base URL',
      );
    } finally {
      await stub.close();
    }
  });
});
