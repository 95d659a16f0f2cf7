import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { rawGet, useEmulator } from '../support/emulator';

const emulator = useEmulator({ credentials: [{ appId: 'my-app', apiKey: 'my-key' }], quota: 500 });

const NOT_FOUND = '{"errors":[{"key":"access","code":404,"message":"Not found."}]}';

describe('emulator HTTP surface', () => {
  it('listens on 127.0.0.1 on a random port', () => {
    expect(emulator.current.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.current.port).toBeGreaterThan(0);
  });

  it('answers collections with items, page (relative next/previous, total) and errors', async () => {
    const first = await rawGet(emulator.current, '/api/v2/chart/song/platforms?limit=10');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/json');
    expect(first.json()).toMatchObject({
      page: {
        offset: 0,
        limit: 10,
        next: '/api/v2/chart/song/platforms?offset=10&limit=10',
        previous: null,
        total: 21,
      },
      errors: [],
    });
    const last = (await rawGet(emulator.current, '/api/v2/chart/song/platforms?offset=20&limit=10')).json();
    expect(last).toMatchObject({
      items: [{ name: 'iTunes', code: 'itunes' }],
      page: { next: null, previous: '/api/v2/chart/song/platforms?offset=10&limit=10', total: 21 },
    });
  });

  it('keeps other query parameters in page.next', async () => {
    const body = (await rawGet(emulator.current, '/api/v2/chart/song/by-platform/spotify?limit=1')).json();
    expect(body.page).toMatchObject({ next: '/api/v2/chart/song/by-platform/spotify?offset=1&limit=1' });
    const song = await rawGet(emulator.current, '/api/v2.14/chart/song/global-28/ranking/latest');
    expect(song.json().page).toMatchObject({
      offset: 0,
      limit: 100,
      next: '/api/v2.14/chart/song/global-28/ranking/latest?offset=100&limit=100',
      total: 200,
    });
  });

  it('enforces the paging limits of the real API', async () => {
    const tooMany = await rawGet(emulator.current, '/api/v2/chart/song/platforms?limit=101');
    expect(tooMany.status).toBe(400);
    expect(tooMany.json()).toEqual({
      errors: [{ key: 'limit', code: 400, message: 'Limit must be between 1 and 100.' }],
    });
    expect((await rawGet(emulator.current, '/api/v2/chart/song/platforms?offset=-1')).status).toBe(400);
    const beyond = (await rawGet(emulator.current, '/api/v2/chart/song/platforms?offset=40')).json();
    expect(beyond).toMatchObject({ items: [], page: { next: null, total: 21 } });
  });

  it('answers unknown routes, charts and songs with the real 404 body', async () => {
    for (const path of [
      '/api/v2/nothing/here',
      '/api/v2.99/chart/song/global-28/ranking/latest',
      '/api/v2.14/chart/song/nope/ranking/latest',
      '/api/v2/chart/song/nope/available-rankings',
      '/api/v2.25/song/not-a-uuid',
      '/favicon.ico',
    ]) {
      const response = await rawGet(emulator.current, path);
      expect(response.status, path).toBe(404);
      expect(response.text, path).toBe(NOT_FOUND);
    }
  });

  it('accepts the sandbox pair and configured pairs; anything else gets the 401', async () => {
    const path = '/api/v2/chart/song/platforms';
    expect((await rawGet(emulator.current, path)).status).toBe(200);
    expect(
      (await rawGet(emulator.current, path, { 'x-app-id': 'my-app', 'x-api-key': 'my-key' })).status,
    ).toBe(200);
    const refusedHeaders: Record<string, string>[] = [
      { 'x-app-id': 'my-app', 'x-api-key': 'soundcharts' },
      { 'x-app-id': 'soundcharts' },
      {},
      { authorization: 'Bearer made-up' },
    ];
    for (const headers of refusedHeaders) {
      const refused = await rawGet(emulator.current, path, headers);
      expect(refused.status).toBe(401);
      expect(refused.json()).toEqual({
        errors: [{ key: 'access', code: 401, message: 'You are not logged in.' }],
      });
    }
  });

  it('spends quota on successful requests only, reports it on every response, and not for team usage', async () => {
    const start = emulator.current.quota.remaining;
    const ok = await rawGet(emulator.current, '/api/v2/chart/song/platforms');
    expect(ok.headers.get('x-quota-remaining')).toBe(String(start - 1));
    const missing = await rawGet(emulator.current, '/api/v2/nothing');
    expect(missing.headers.get('x-quota-remaining')).toBe(String(start - 1));
    const usage = await rawGet(emulator.current, '/api/v2/team/usage');
    expect(usage.headers.get('x-quota-remaining')).toBe(String(start - 1));
    expect(usage.json()).toMatchObject({
      object: { quota: { limit: 500, remaining: start - 1 } },
      errors: [],
    });
  });

  it('answers 429 "Maximum quota reached" once the quota is spent', async () => {
    emulator.current.quota.setRemaining(1);
    try {
      expect(
        (await rawGet(emulator.current, '/api/v2/chart/song/platforms')).headers.get('x-quota-remaining'),
      ).toBe('0');
      const refused = await rawGet(emulator.current, '/api/v2/chart/song/platforms');
      expect(refused.status).toBe(429);
      expect(refused.json()).toEqual({
        errors: [{ key: 'quota', code: 429, message: 'Maximum quota reached.' }],
      });
      expect((await rawGet(emulator.current, '/api/v2/team/usage')).status).toBe(200);
    } finally {
      emulator.current.quota.setRemaining(500);
    }
  });

  it('issues OAuth tokens for known clients and accepts them as bearer tokens', async () => {
    const basic = Buffer.from('my-app:my-key').toString('base64');
    const token = await fetch(emulator.current.tokenUrl, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    expect(token.status).toBe(200);
    const body = (await token.json()) as { access_token: string; expires_in: number; token_type: string };
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const ok = await rawGet(emulator.current, '/api/v2/chart/song/platforms', {
      authorization: `Bearer ${body.access_token}`,
    });
    expect(ok.status).toBe(200);

    const wrong = await fetch(emulator.current.tokenUrl, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from('my-app:nope').toString('base64')}` },
      body: 'grant_type=client_credentials',
    });
    expect(wrong.status).toBe(401);
    const grant = await fetch(emulator.current.tokenUrl, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}` },
      body: 'grant_type=password',
    });
    expect(grant.status).toBe(400);
  });

  it('answers a Basic header it cannot decode with 401 invalid_client, not a 500', async () => {
    const token = (basic: string) =>
      fetch(emulator.current.tokenUrl, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(basic).toString('base64')}` },
        body: 'grant_type=client_credentials',
      });
    for (const basic of ['%ZZ:my-key', 'my-app:%E0%A4%A', 'no-colon-at-all']) {
      const response = await token(basic);
      expect(response.status, basic).toBe(401);
      expect(await response.json()).toEqual({
        error: 'invalid_client',
        error_description: 'Client authentication failed.',
      });
    }
    // Percent-encoded parts that do decode are still accepted (RFC 6749 §2.3.1).
    expect((await token('my%2Dapp:my%2Dkey')).status).toBe(200);
  });

  it('reads a target starting with // as a path, never as a host; an unreadable target is a 400, not a 500', async () => {
    const statusOf = (path: string) =>
      new Promise<number | undefined>((resolve, reject) => {
        const sent = request(
          {
            host: emulator.current.host,
            port: emulator.current.port,
            path,
            headers: { 'x-app-id': 'soundcharts', 'x-api-key': 'soundcharts' },
          },
          (response) => {
            response.resume();
            resolve(response.statusCode);
          },
        );
        sent.on('error', reject);
        sent.end();
      });
    expect(await statusOf('//')).toBe(404);
    expect(await statusOf('//elsewhere/api/v2/chart/song/platforms')).toBe(404);
    expect(await statusOf('/api/v2/chart/song/platforms')).toBe(200);
    expect(await statusOf('*')).toBe(400);
  });

  it('records every request for tests to inspect', async () => {
    emulator.current.stats.reset();
    await rawGet(emulator.current, '/api/v2/chart/song/platforms?limit=5');
    await rawGet(emulator.current, '/api/v2/chart/song/platforms', {});
    expect(emulator.current.stats.requests).toMatchObject([
      { method: 'GET', path: '/api/v2/chart/song/platforms?limit=5', status: 200, fault: null },
      { method: 'GET', path: '/api/v2/chart/song/platforms', status: 401, fault: 'bad_credentials' },
    ]);
  });
});
