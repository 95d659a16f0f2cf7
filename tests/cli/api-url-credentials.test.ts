import { describe, expect, it } from 'vitest';
import { useHostedServer } from '../engine/server/real-host';
import { http, openSocket, socketUrl } from '../engine/server/support';
import { useEmulator } from '../support/emulator';
import { useCli } from './run-cli';

/** The password of an API URL such as a proxy's `https://operator:<password>@gateway.example/`. */
const URL_PASSWORD = 'url-password-5d1e9b3f7a';

/**
 * Issue 13, defect 7.7: an API URL with user:password was echoed by `status` (and `credentials show`, the test,
 * `settings`): the password never appears, the rest of the URL still does (the operator must see where it goes).
 */
describe('an API URL with user:password is never echoed by the CLI', () => {
  const emulator = useEmulator();
  const { cli } = useCli();

  const urlOf = () => `http://operator:${URL_PASSWORD}@127.0.0.1:${emulator.current.port}/`;

  it('status, credentials show/test and settings show the URL without its password', async () => {
    const connected = ['--api-url', urlOf(), '--app-id', 'soundcharts', '--api-key', 'soundcharts'];
    const runs = [
      await cli(...connected, 'status'),
      await cli(...connected, 'status', '--json'),
      await cli(...connected, 'credentials', 'show'),
      await cli(...connected, 'credentials', 'show', '--json'),
      await cli(...connected, 'credentials', 'test'),
      await cli(...connected, 'settings'),
      // Demo mode names the URL it would use once credentials are set.
      await cli('--api-url', urlOf(), 'status'),
      await cli('--api-url', urlOf(), 'credentials', 'show'),
      // Saved as the setting, then shown back.
      await cli('settings', 'set', '--api-url', urlOf()),
      await cli('settings'),
      await cli('status'),
      // A URL that answers nothing: the error names where it went, not the password.
      await cli(
        '--api-url',
        `http://operator:${URL_PASSWORD}@127.0.0.1:1/`,
        '--app-id',
        'soundcharts',
        '--api-key',
        'soundcharts',
        'credentials',
        'test',
      ),
    ];
    for (const run of runs) {
      expect(run.stdout + run.stderr).not.toContain(URL_PASSWORD);
    }
    // Still says where it goes.
    expect(runs[0]!.stdout).toContain(`127.0.0.1:${emulator.current.port}`);
    expect(runs[2]!.stdout).toMatch(/API URL: +http:\/\/\*\*\*@127\.0\.0\.1/);
  });
});

describe('an API URL with user:password is never echoed over REST or the WebSocket', () => {
  const emulator = useEmulator();
  const host = useHostedServer(() => ({
    apiUrl: `http://operator:${URL_PASSWORD}@127.0.0.1:${emulator.current.port}/`,
    appId: 'soundcharts',
    apiKey: 'soundcharts',
  }));

  it('connection, settings, the connection test and app/status', async () => {
    const { server } = host;
    const headers = { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' };
    const answers = [
      await http(server.port, 'GET', '/api/connection/', { headers }),
      await http(server.port, 'GET', '/api/settings/', { headers }),
      await http(server.port, 'POST', '/api/connection/test/', { headers, body: '{}' }),
      await http(server.port, 'PUT', '/api/settings/', {
        headers,
        body: JSON.stringify({ api_url: `http://operator:${URL_PASSWORD}@127.0.0.1:1/` }),
      }),
    ];
    const client = await openSocket(socketUrl(server));
    client.send({ type: 'call', id: 1, name: 'app/status', input: {} });
    const status = JSON.stringify(await client.result(1));
    client.ws.close();
    for (const answer of answers) {
      expect(answer.status).toBeLessThan(300);
      expect(answer.text).not.toContain(URL_PASSWORD);
    }
    expect(answers[0]!.text).toContain(`***@127.0.0.1:${emulator.current.port}`);
    expect(status).toContain('"ok":true');
    expect(status).not.toContain(URL_PASSWORD);
  });
});
