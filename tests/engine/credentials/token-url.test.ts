import { describe, expect, it } from 'vitest';
import { withTokenUrl } from '../../../electron/engine/credentials/token-url';
import { DEFAULT_TOKEN_URL } from '../../../electron/engine/soundcharts/endpoints';

const OAUTH = { kind: 'oauth', clientId: 'c', clientSecret: 's' } as const;

describe('withTokenUrl', () => {
  it.each([
    ['https://customer.api.soundcharts.com', undefined],
    ['https://sandbox.api.soundcharts.com', undefined],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010/oauth/token'],
    ['https://proxy.example.com/soundcharts', 'https://proxy.example.com/oauth/token'],
  ])('an OAuth client at %s gets its tokens from %s', (apiUrl, tokenUrl) => {
    expect(withTokenUrl(OAUTH, apiUrl)).toEqual(tokenUrl ? { ...OAUTH, tokenUrl } : OAUTH);
  });

  it('leaves an app id and key, and a token URL already given, as they are', () => {
    const key = { kind: 'api-key', appId: 'a', apiKey: 'k' } as const;
    expect(withTokenUrl(key, 'http://127.0.0.1:1')).toBe(key);
    const given = { ...OAUTH, tokenUrl: DEFAULT_TOKEN_URL };
    expect(withTokenUrl(given, 'http://127.0.0.1:1')).toBe(given);
  });
});
