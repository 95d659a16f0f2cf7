import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../electron/emulator';
import { restCall } from './support';
import { useHostedServer } from './real-host';

const KEY = 'rest-key-0123456789';
type Answer = { ok: boolean; value?: Record<string, unknown>; error?: Record<string, unknown> };

describe('REST connection endpoints on the headless host', () => {
  let real: RunningEmulator;
  beforeAll(async () => {
    real = await startEmulator({
      seed: 5,
      acceptSandbox: false,
      credentials: [{ appId: 'rest-app', apiKey: KEY }],
    });
  });
  afterAll(async () => {
    await real.close();
  });
  const host = useHostedServer(() => ({ apiUrl: real.url }));

  const rest = (method: string, path: string, body?: unknown) =>
    restCall<Answer>(host.server, method, path, body);

  it('shows, saves (reconnecting to the real API), tests and clears the credentials', async () => {
    const shown = await rest('GET', '/api/connection/');
    expect(shown.status).toBe(200);
    expect(shown.body.value).toMatchObject({
      demo: true,
      api_url: real.url,
      api_url_source: 'command line',
      credentials: { source: 'none', editable: true },
      storage: { backend: 'file', encrypted: false },
    });

    const tested = await rest('POST', '/api/connection/test/', { app_id: 'rest-app', api_key: KEY });
    expect(tested.status).toBe(200);
    expect(tested.body.value).toMatchObject({ api_url: real.url });

    const saved = await rest('PUT', '/api/connection/credentials/', { app_id: 'rest-app', api_key: KEY });
    expect(saved.status).toBe(200);
    expect(saved.body.value).toMatchObject({
      demo: false,
      credentials: { source: 'saved', kind: 'api-key', identity: 'rest-app', secret_last4: '6789' },
    });
    expect(saved.text).not.toContain(KEY);
    expect(host.hosted.demo).toBe(false);
    // The same server answers from the new engine.
    const status = await rest('GET', '/api/connection');
    expect(status.body.value).toMatchObject({ demo: false });

    const cleared = await rest('DELETE', '/api/connection/credentials/');
    expect(cleared.status).toBe(200);
    expect(cleared.body.value).toMatchObject({ demo: true, credentials: { source: 'none', kind: null } });
  });

  it('refuses bad input with the fields named as sent, and says when Soundcharts rejects a key', async () => {
    const missing = await rest('PUT', '/api/connection/credentials/', { app_id: 'rest-app' });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({
      code: 'invalid_input',
      fields: { api_key: 'The API key is required.' },
    });

    const unknown = await rest('PUT', '/api/connection/credentials/', {
      app_id: 'a',
      api_key: 'b',
      key: 'c',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error?.message).toMatch(/Unknown field "key"/);

    const badUrl = await rest('POST', '/api/connection/test/', { api_url: 'ftp://example.com' });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.error).toMatchObject({ fields: { api_url: 'The API URL must be an http(s) URL.' } });

    const rejected = await rest('POST', '/api/connection/test/', {
      app_id: 'rest-app',
      api_key: 'wrong-000000',
    });
    expect(rejected.status).toBe(502);
    expect(rejected.body.error).toMatchObject({ code: 'soundcharts_error' });
    expect(String(rejected.body.error?.message)).toMatch(/rejected these credentials/);
    expect(rejected.text).not.toContain('wrong-000000');
    expect(host.hosted.demo).toBe(true);
  });
});
