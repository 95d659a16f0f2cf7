import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, type OAuthCredentials } from '../../../electron/engine/soundcharts';
import { clientFor, useEmulator } from '../../support/emulator';
import { FakeClock } from '../../support/fake-clock';
import { sendJson, startStubServer } from '../../support/stub-server';

const emulator = useEmulator({ oauthClients: [{ clientId: 'chart-sync', clientSecret: 's3cret:&=' }] });

function oauth(overrides: Partial<OAuthCredentials> = {}): OAuthCredentials {
  return {
    kind: 'oauth',
    clientId: 'chart-sync',
    clientSecret: 's3cret:&=',
    tokenUrl: emulator.current.tokenUrl,
    ...overrides,
  };
}

function tokenRequests(): number {
  return emulator.current.stats.count((record) => record.path === '/oauth/token');
}

afterEach(() => {
  emulator.current.faults.reset();
});

describe('OAuth client credentials over HTTP (emulator)', () => {
  it('fetches one token and reuses it for every request', async () => {
    const before = tokenRequests();
    const client = clientFor(emulator.current, { credentials: oauth() });
    const snapshot = await client.latestRanking('global-28');
    await client.platforms();
    expect(snapshot.entries).toHaveLength(200);
    expect(tokenRequests() - before).toBe(1);
  });

  it('refreshes the token ahead of its expiry', async () => {
    const clock = new FakeClock();
    const client = clientFor(emulator.current, { credentials: oauth(), clock });
    const before = tokenRequests();
    await client.platforms();
    clock.advance(3_600_000 - 120_000); // two minutes before expiry: still good
    await client.platforms();
    expect(tokenRequests() - before).toBe(1);
    clock.advance(61_000); // inside the last minute: refresh first
    await client.platforms();
    expect(tokenRequests() - before).toBe(2);
  });

  it('after a 401, refreshes the token once and retries once', async () => {
    const client = clientFor(emulator.current, { credentials: oauth() });
    await client.platforms();
    const before = tokenRequests();
    emulator.current.auth.revokeTokens();
    expect(await client.platforms()).toHaveLength(21);
    expect(tokenRequests() - before).toBe(1);
  });

  it('a 401 that survives the refresh is an AuthError (one refresh, one retry, no more)', async () => {
    const client = clientFor(emulator.current, { credentials: oauth() });
    await client.platforms();
    const before = emulator.current.stats.total;
    emulator.current.faults.configure({ unauthorized: { probability: 1 } });
    const error = await client.platforms().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    // 401, token refresh, 401.
    expect(emulator.current.stats.total - before).toBe(3);
  });

  it('a token expired on the server side is replaced transparently', async () => {
    const shortLived = await import('../../../electron/emulator').then(({ startEmulator }) =>
      startEmulator({ seed: 2, today: '2025-08-23', tokenLifetimeSeconds: 1 }),
    );
    try {
      const client = clientFor(shortLived, {
        credentials: {
          kind: 'oauth',
          clientId: 'soundcharts',
          clientSecret: 'soundcharts',
          tokenUrl: shortLived.tokenUrl,
        },
      });
      await client.platforms();
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect(await client.platforms()).toHaveLength(21);
      expect(shortLived.auth.tokensIssued).toBe(2);
    } finally {
      await shortLived.close();
    }
  });

  it('wrong client credentials are an AuthError from the token endpoint', async () => {
    const client = clientFor(emulator.current, { credentials: oauth({ clientSecret: 'nope' }) });
    const error = await client.platforms().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({
      status: 401,
      path: '/oauth/token',
      apiMessage: 'Client authentication failed.',
    });
  });

  it('sends grant_type, team_id and HTTP Basic client auth; assumes 3600 s without expires_in', async () => {
    const tokenRequestsSeen: { authorization?: string; body: string }[] = [];
    const stub = await startStubServer((request, response) => {
      if (request.url?.startsWith('/api/')) {
        const ok = request.headers.authorization === 'Bearer abc';
        sendJson(response, ok ? 200 : 401, ok ? { items: [], errors: [] } : { errors: [] });
        return;
      }
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        tokenRequestsSeen.push({ authorization: request.headers.authorization, body });
        sendJson(response, 200, { access_token: 'abc' });
      });
    });
    try {
      const clock = new FakeClock();
      const client = clientFor(emulator.current, {
        clock,
        baseUrl: stub.url,
        credentials: oauth({ tokenUrl: `${stub.url}/oauth/token`, teamId: 'team-9' }),
      });
      await client.platforms();
      expect(tokenRequestsSeen).toHaveLength(1);
      expect(tokenRequestsSeen[0]?.body).toBe('grant_type=client_credentials&team_id=team-9');
      const basic = tokenRequestsSeen[0]?.authorization?.replace('Basic ', '') ?? '';
      expect(Buffer.from(basic, 'base64').toString()).toBe('chart-sync:s3cret%3A%26%3D');
      clock.advance(3_600_000 - 61_000);
      await client.platforms();
      expect(tokenRequestsSeen).toHaveLength(1);
      clock.advance(2_000);
      await client.platforms();
      expect(tokenRequestsSeen).toHaveLength(2);
    } finally {
      await stub.close();
    }
  });
});
